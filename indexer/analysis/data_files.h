// Where the analysis library finds its data files at run time: the bilingual glossary and the
// domain lexicon kept in the corpus folder, and the general Chinese word list from a Debian package.
//
// Thread-safe (reads the environment only).
#pragma once

#include <string>

namespace provisio {

// The folder holding glossary.tsv and lexicon.txt: $PROVISIO_DATA if set and not empty, else the
// installed copy (<datadir>/provisio/corpus), else the source tree's corpus/ (a build that was not
// installed).
std::string analysis_data_dir();

// The general Chinese word list (one `word frequency [tag]` a line, as python3-jieba ships it):
// $PROVISIO_GENERAL_LEXICON if set ("none" turns it off), else jieba's dict.txt where the Debian
// package installs it. Empty when there is none; segmentation then relies on ICU and the domain
// lexicon alone.
std::string general_lexicon_path();

// A fingerprint of what the data files say (a hash of their contents: the general word list, the
// domain lexicon and the glossary), computed once per process. Documents analysed with other
// word lists would have other terms: the index writer folds this into every document's content
// hash, so that editing lexicon.txt or glossary.tsv re-indexes every document on the next run.
const std::string& analysis_fingerprint();

}  // namespace provisio
