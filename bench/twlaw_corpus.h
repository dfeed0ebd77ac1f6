// Converts the Taiwan law corpus (../shared/data/twlaw/articles.jsonl.xz, one JSON line per
// article) into Provisio's corpus format, so that the real indexer reads it through the same code
// path as any corpus.
//
// Mapping: one instrument per law (`pcode`), id "tw-<pcode in lower case>", one file per law; one
// provision per article number, id "tw-<pcode>/<number>", its English and Chinese texts paired by
// the law's code and the article number (the n-th "Article 5" with the n-th "第 5 條"). Every
// provision has one version. What the source lacks but the format requires is made up
// deterministically from the law's code and documented in bench/README.md: a topic from the
// controlled list and a version date between 1990 and 2023 (so topic and point-in-time filters
// select real subsets). Line breaks inside texts are source layout: dropped in Chinese, a space
// in English.
//
// Not thread-safe (one conversion at a time per output folder).
#pragma once

#include <cstddef>
#include <string>

namespace provisio::bench {

struct ConvertOptions {
  std::string data_file;        // articles.jsonl.xz (read through `xz -dc`) or plain .jsonl
  std::string out_dir;          // created if missing; existing tw-*.xml files in it are replaced
  // About N articles (whole laws, in a fixed pseudo-random order of their codes); 0 = all.
  std::size_t max_articles = 0;
  // Fraction of articles (chosen by a hash of their id and `change_seed`) whose texts get a few
  // extra words: a small, repeatable edit for the incremental benchmark. 0 = the texts as they are.
  double change_fraction = 0;
  unsigned change_seed = 1;
};

struct ConvertReport {
  std::size_t articles = 0;     // JSON lines read
  std::size_t english = 0;      // of which in English
  std::size_t laws = 0;         // instruments (files) written
  std::size_t provisions = 0;
  std::size_t paired = 0;       // provisions with both an English and a Chinese text
  std::size_t changed = 0;      // articles edited by change_fraction
  std::size_t text_bytes = 0;   // UTF-8 bytes of article text written (after line-break clean-up)
};

// Converts; throws std::runtime_error naming the file (and line) when it cannot be read or a line
// is not an article.
ConvertReport convert_twlaw(const ConvertOptions& options);

}  // namespace provisio::bench
