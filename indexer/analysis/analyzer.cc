#include "analyzer.h"
#include "analyzer_internal.h"

#include <unicode/utf8.h>

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
      stopper_(std::make_unique<Xapian::SimpleStopper>(english_stopwords().begin(), english_stopwords().end())) {
  generator_.set_stemmer(stemmer_);
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // Stopwords keep their positional term (phrases such as "testing and certification") but get
  // no stem, so they do not weigh in ranked matching.
  generator_.set_stopper(stopper_.get());
  generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

Analyzer::~Analyzer() = default;

void Analyzer::begin_document(Xapian::Document& doc) {
  doc_ = &doc;
  generator_.set_document(doc);
  generator_.set_termpos(0);
}

void Analyzer::end_field() { generator_.increase_termpos(100); }

void Analyzer::end_document() {
  generator_.set_document(Xapian::Document());
  doc_ = nullptr;
}

void Analyzer::index_han_run(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end,
                             Xapian::termcount wdf_inc) {
  Xapian::termpos pos = generator_.get_termpos();
  for (std::size_t i = begin; i < end; ++i) doc_->add_term(chars[i].folded, wdf_inc);
  if (end - begin == 1) {
    doc_->add_posting(chars[begin].folded, ++pos, 0);  // wdf already counted by add_term above
  } else {
    // The run's first and last characters also stand where the first and last bigrams do, so a
    // phrase reaching into the run from a neighbouring token (第58條 in 按第58條辦理, CMA標誌)
    // matches.
    doc_->add_posting(chars[begin].folded, pos + 1, 0);
    for (std::size_t i = begin; i + 1 < end; ++i) doc_->add_posting(chars[i].folded + chars[i + 1].folded, ++pos, wdf_inc);
    doc_->add_posting(chars[end - 1].folded, pos, 0);
  }
  generator_.set_termpos(pos);
  run_.clear();
  for (std::size_t i = begin; i < end; ++i) run_ += chars[i].code;
  lengths_.clear();
  segmenter_.segment_han(run_, lengths_);
  std::string word;
  std::size_t at = begin;
  for (std::size_t len : lengths_) {
    word.assign("Z");
    for (std::size_t k = at; k < at + len; ++k) word += chars[k].folded;
    doc_->add_term(word, wdf_inc);
    at += len;
  }
}

void Analyzer::index_text(std::string_view text, Xapian::termcount wdf_inc) {
  assert(doc_ && "begin_document() first");
  // The hot path of indexing: ASCII goes to TermGenerator untouched (it folds to itself and is
  // never Chinese); other characters are folded through TextFolder's per-character cache.
  std::string& other = other_;  // the current non-Chinese stretch, for TermGenerator
  std::vector<FoldedChar>& han = han_;
  other.clear();
  han.clear();
  invalid_ = 0;
  auto flush_other = [&] {
    if (!other.empty()) generator_.index_text(other, wdf_inc);
    other.clear();
  };
  auto flush_han = [&] {
    if (!han.empty()) index_han_run(han, 0, han.size(), wdf_inc);
    han.clear();
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {
      flush_han();
      int32_t j = i;
      while (j < length && bytes[j] < 0x80) ++j;
      other.append(text.data() + i, static_cast<std::size_t>(j - i));
      i = j;
      continue;
    }
    int32_t start = i;
    char32_t cp = next_code_point(bytes, i, length, invalid_);
    FoldedChar fc;
    fc.folded = folder_.fold_one(cp, fc.han, fc.code);
    if (!fc.han) {
      flush_han();
      other += fc.folded;
      continue;
    }
    flush_other();
    fc.begin = static_cast<std::size_t>(start);
    fc.end = static_cast<std::size_t>(i);
    fc.source = cp;
    han.push_back(std::move(fc));
  }
  flush_other();
  flush_han();
}

namespace {

bool is_word_char(const FoldedChar& fc) { return fc.code && Xapian::Unicode::is_wordchar(fc.code); }

bool is_single_letter_before_dot(const std::vector<FoldedChar>& chars, std::size_t i) {
  return i + 1 < chars.size() && chars[i].code < 0x80 && std::isalpha(static_cast<int>(chars[i].code)) &&
         chars[i + 1].code == U'.' && (i == 0 || !is_word_char(chars[i - 1]));
}

}  // namespace

std::vector<Analyzer::Token> Analyzer::tokenize(std::string_view text) {
  std::vector<Token> tokens;
  auto chars = folder_.fold_chars(text);
  invalid_ = folder_.invalid_sequences();
  std::size_t i = 0;
  while (i < chars.size()) {
    if (chars[i].han) {
      std::size_t j = i;
      while (j < chars.size() && chars[j].han) ++j;
      for (std::size_t k = i; k < j; ++k) {
        tokens.push_back({chars[k].begin, chars[k].end, chars[k].folded, ""});
        if (k + 1 < j)
          tokens.push_back({chars[k].begin, chars[k + 1].end, chars[k].folded + chars[k + 1].folded, ""});
      }
      run_.clear();
      for (std::size_t k = i; k < j; ++k) run_ += chars[k].code;
      lengths_.clear();
      segmenter_.segment_han(run_, lengths_);
      std::size_t at = i;
      for (std::size_t len : lengths_) {
        std::string word = "Z";
        for (std::size_t k = at; k < at + len; ++k) word += chars[k].folded;
        tokens.push_back({chars[at].begin, chars[at + len - 1].end, "", word});
        at += len;
      }
      i = j;
      continue;
    }
    if (!is_word_char(chars[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::string word;
    if (is_single_letter_before_dot(chars, i)) {
      // An acronym written with dots (C.C.C.): one word, as TermGenerator makes it.
      while (j + 1 < chars.size() && chars[j].code < 0x80 && std::isalpha(static_cast<int>(chars[j].code)) &&
             chars[j + 1].code == U'.' && (j + 2 >= chars.size() || !is_word_char(chars[j + 2]) ||
                                            (j + 3 < chars.size() && chars[j + 3].code == U'.'))) {
        word += chars[j].folded;
        j += 2;
      }
      if (word.size() < 2) {
        j = i;
        word.clear();
      }
    }
    if (word.empty())
      while (j < chars.size() && !chars[j].han && is_word_char(chars[j])) word += chars[j++].folded;
    std::string term = Xapian::Unicode::tolower(word);
    tokens.push_back({chars[i].begin, chars[j - 1].end, term, "Z" + stemmer_(term)});
    i = j;
  }
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
