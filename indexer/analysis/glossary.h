// The bilingual glossary (corpus/glossary.tsv): concepts of the testing-and-certification domain,
// each with every way of writing it — English terms, Traditional and Simplified Chinese terms,
// abbreviations and regional wording (Hong Kong 實驗所 / Mainland 實驗室). Queries are expanded
// through it (Analyzer::parse_query) so that a concept typed in one language or script finds the
// provisions that use another; its Chinese forms also feed the domain lexicon of the segmenter.
//
// The file format is specified in corpus/README.md ("The glossary and the lexicon").
//
// A Glossary is immutable once loaded: a const one may be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace provisio {

struct GlossaryForm {
  std::string text;      // as written in the file
  std::string column;    // "abbr", "en", "zh-Hant" or "zh-Hans"
  bool chinese = false;  // holds Chinese characters (and so feeds the lexicon)
};

struct GlossaryConcept {
  std::string id;  // e.g. "ccc"
  std::vector<GlossaryForm> forms;
  // The corpus topic the concept signals ("ccc", "gba"; see corpus/README.md), "" for none. Link
  // suggestions weigh provisions of that topic up; the importer tags provisions with it.
  std::string topic;
  std::string note;
  // For link suggestions (search/linking/concepts.h): the label staff see ("" when the concept is
  // not one that suggestions weigh up), and the words beyond its forms that signal it in a sector
  // submission ("Shenzhen" for the Greater Bay Area). A concept may have cues and no forms.
  std::string link_label;
  std::vector<std::string> link_cues;
  int line = 0;  // where it is defined, for messages
};

// Whether `needle` occurs in `haystack` as a glossary form does, both already folded alike:
// anywhere for a form with Chinese characters; otherwise as a whole word, or followed by up to
// three letters when the form is longer than four characters ("standards", "promoted"), so that
// short acronyms never match inside words ("cma" in "dogma"). Shared by the link suggester's
// concept table (search/linking/concepts.cc).
bool form_occurs(std::string_view haystack, std::string_view needle);

class Glossary {
 public:
  // Reads a glossary file. Throws std::runtime_error with "FILE:LINE: message" on a malformed line
  // (wrong number of columns, missing id, duplicate id, a concept with fewer than two forms and no
  // link cues, cues without a link label, more than one topic) or
  // "FILE: cannot read the glossary" when it cannot be opened.
  static Glossary load(const std::string& path);

  const std::vector<GlossaryConcept>& concepts() const { return concepts_; }

  // The concepts that `text` names in any of their forms, each once, in file order. Matching is on
  // folded text (full-width, Traditional and Simplified alike), by form_occurs(); abbreviations
  // keep their case ("IT" is not "it"), other forms match in any case. Linear in the text per form.
  std::vector<const GlossaryConcept*> named_in(std::string_view text) const;

  // The process-wide glossary, analysis_data_dir()/glossary.tsv, loaded on first call (thread-safe).
  static std::shared_ptr<const Glossary> standard();

 private:
  std::vector<GlossaryConcept> concepts_;
};

}  // namespace provisio
