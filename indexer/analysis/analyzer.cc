#include "analyzer.h"
#include "analyzer_internal.h"

#include <cassert>
#include <map>
#include <set>

namespace provisio {

const std::vector<std::string>& english_stopwords() {
  static const std::vector<std::string> words = {
      "a",    "an",   "and",  "are",   "as",   "at",    "be",   "by",   "for",  "from",
      "has",  "have", "in",   "into",  "is",   "it",    "its",  "of",   "on",   "or",
      "that", "the",  "their", "this", "to",   "was",   "were", "which", "with", "will"};
  return words;
}

Analyzer::Analyzer()
    : stemmer_("english"),
      stopper_(std::make_unique<Xapian::SimpleStopper>(english_stopwords().begin(), english_stopwords().end())),
      tokenizer_(folder_, segmenter_, stemmer_, *stopper_) {}

Analyzer::~Analyzer() = default;

void Analyzer::begin_document(Xapian::Document& doc) {
  doc_ = &doc;
  pos_ = 0;
}

void Analyzer::end_field() { pos_ += 100; }

void Analyzer::end_document() { doc_ = nullptr; }

void Analyzer::index_text(std::string_view text, Xapian::termcount wdf_inc) {
  assert(doc_ && "begin_document() first");
  tokens_.clear();
  tokenizer_.tokens_of(folder_.fold_chars(text), tokens_, pos_);
  invalid_ = folder_.invalid_sequences();
  for (const auto& t : tokens_) {
    if (!t.term.empty()) {
      if (t.position) doc_->add_posting(t.term, t.position, wdf_inc);
      else doc_->add_term(t.term, wdf_inc);
    }
    // Stopwords keep their positional term (phrases such as "testing and certification") but
    // have no stem, so they do not weigh in ranked matching.
    if (!t.stem.empty()) doc_->add_term(t.stem, wdf_inc);
  }
}

std::vector<Analyzer::Token> Analyzer::tokenize(std::string_view text) {
  auto tokens = tokenizer_.tokenize(text);
  invalid_ = folder_.invalid_sequences();
  return tokens;
}

std::vector<std::string> Analyzer::analyze(std::string_view text) {
  Xapian::Document doc;
  begin_document(doc);
  index_text(text);
  doc_ = nullptr;
  std::multimap<Xapian::termpos, std::string> positional;
  std::set<std::string> unpositioned;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if (t.positionlist_count() == 0) unpositioned.insert(*t);
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positional.emplace(*p, *t);
  }
  std::vector<std::string> lines;
  for (const auto& [pos, term] : positional) lines.push_back(std::to_string(pos) + " " + term);
  for (const auto& term : unpositioned) lines.push_back("- " + term);
  return lines;
}

std::string Analyzer::segment_line(std::string_view line, Segmenter::Mode mode) {
  auto chars = folder_.fold_chars(line);
  invalid_ = folder_.invalid_sequences();
  std::string out;
  for (const auto& [b, e] : segmenter_.segment_line(chars, mode)) {
    if (!out.empty()) out += ' ';
    out.append(line.substr(chars[b].begin, chars[e - 1].end - chars[b].begin));
  }
  return out;
}

}  // namespace provisio
