#include "analyzer.h"

#include <cassert>

namespace provisio {

const std::vector<std::string>& english_stopwords() {
  static const std::vector<std::string> words = {
      "a",    "an",   "and",  "are",   "as",   "at",    "be",   "by",   "for",  "from",
      "has",  "have", "in",   "into",  "is",   "it",    "its",  "of",   "on",   "or",
      "that", "the",  "their", "this", "to",   "was",   "were", "which", "with", "will"};
  return words;
}

Analyzer::Analyzer() : stemmer_("english") {
  generator_.set_stemmer(stemmer_);
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void Analyzer::begin_document(Xapian::Document& doc) {
  doc_ = &doc;
  generator_.set_document(doc);
  generator_.set_termpos(0);
}

void Analyzer::end_field() { generator_.increase_termpos(100); }

void Analyzer::index_han_run(const std::vector<std::string>& chars, Xapian::termcount wdf_inc) {
  Xapian::termpos pos = generator_.get_termpos();
  for (const auto& c : chars) doc_->add_term(c, wdf_inc);
  if (chars.size() == 1) {
    doc_->add_posting(chars[0], ++pos, 0);  // wdf already counted by add_term above
  } else {
    for (std::size_t i = 0; i + 1 < chars.size(); ++i)
      doc_->add_posting(chars[i] + chars[i + 1], ++pos, wdf_inc);
  }
  generator_.set_termpos(pos);
}

void Analyzer::index_text(std::string_view text, Xapian::termcount wdf_inc) {
  assert(doc_ && "begin_document() first");
  std::string other;                 // the current non-Chinese stretch, for TermGenerator
  std::vector<std::string> han;      // the current Chinese run, folded character by character
  auto flush_other = [&] {
    if (!other.empty()) generator_.index_text(other, wdf_inc);
    other.clear();
  };
  auto flush_han = [&] {
    if (!han.empty()) index_han_run(han, wdf_inc);
    han.clear();
  };
  for (const auto& fc : folder_.fold_chars(text)) {
    if (fc.han) {
      flush_other();
      han.push_back(fc.folded);
    } else {
      flush_han();
      other += fc.folded;
    }
  }
  flush_other();
  flush_han();
}

std::string Analyzer::prepare_query(std::string_view query) {
  std::string out;
  std::vector<std::string> han;
  bool in_quotes = false;
  auto flush_han = [&] {
    if (han.empty()) return;
    // Love/hate (+/-) applies to one term or phrase, so a marked run becomes an exact phrase.
    bool marked = !out.empty() && (out.back() == '+' || out.back() == '-');
    if (han.size() == 1) {
      out += in_quotes ? " " + han[0] + " " : "\"" + han[0] + "\" ";
    } else if (in_quotes || marked) {
      if (!in_quotes) out += '"';
      for (std::size_t i = 0; i + 1 < han.size(); ++i) out += " " + han[i] + han[i + 1];
      out += in_quotes ? " " : "\" ";
    } else {
      // Unquoted: every bigram must occur, in any order (as Xapian's own n-gram mode does).
      // Each is quoted so QueryParser looks up the term itself, not an English stem of it.
      out += " (";
      for (std::size_t i = 0; i + 1 < han.size(); ++i) {
        if (i) out += " AND ";
        out += "\"" + han[i] + han[i + 1] + "\"";
      }
      out += ") ";
    }
    han.clear();
  };
  for (const auto& fc : folder_.fold_chars(query)) {
    if (fc.han) {
      han.push_back(fc.folded);
      continue;
    }
    flush_han();
    if (fc.folded == "\"") in_quotes = !in_quotes;
    out += fc.folded;
  }
  flush_han();
  return out;
}

std::vector<Analyzer::Token> Analyzer::tokenize(std::string_view text) {
  std::vector<Token> tokens;
  auto chars = folder_.fold_chars(text);
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
      i = j;
      continue;
    }
    // A word: letters and digits (Unicode-aware), as Xapian's own word splitting sees them.
    auto is_word_char = [&](const FoldedChar& fc) {
      if (fc.folded.empty()) return false;
      unsigned cp = Xapian::Utf8Iterator(fc.folded).operator*();
      return Xapian::Unicode::is_wordchar(cp);
    };
    if (!is_word_char(chars[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::string word;
    while (j < chars.size() && !chars[j].han && is_word_char(chars[j])) word += chars[j++].folded;
    std::string term = Xapian::Unicode::tolower(word);
    tokens.push_back({chars[i].begin, chars[j - 1].end, term, "Z" + stemmer_(term)});
    i = j;
  }
  return tokens;
}

}  // namespace provisio
