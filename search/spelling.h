// "Did you mean": a respelling of a query that found nothing complete, from the index's spelling
// table (Xapian's own, filled by the index writer: schema::is_spelling_word()).
//
// A word is left as typed when it may well be what the user meant: a word the corpus has, a word
// of the standard English word list (Debian wamerican's /usr/share/dict/words; without it, this
// check is skipped), an acronym (ISO, CCC: all capitals), a query operator (AND, NEAR/3) or a
// wildcard (cert*), a stopword, or a word of one or two letters. Respelling "lab" into "let"
// because the corpus happens not to say "lab" would rewrite a correct query into a wrong one.
//
// Thread-safety: the word list is loaded once, on first use, and then only read; a Database is
// not shared between threads (Xapian's rule), so callers give each thread its own.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace provisio {

// The standard English word list, lower-cased.
class WordList {
 public:
  // Reads `path` (one word a line). A missing or unreadable file gives an empty list.
  explicit WordList(const std::string& path);
  bool contains(std::string_view lower_case_word) const { return words_.count(std::string(lower_case_word)) > 0; }
  bool empty() const { return words_.empty(); }

 private:
  std::unordered_set<std::string> words_;
};

// /usr/share/dict/words, read on first use; empty when the package is not installed.
const WordList& standard_english_words();
inline constexpr const char* kStandardWordListPath = "/usr/share/dict/words";

// `query` with each misspelt word of `words` (the free-text words typed, QueryBuilder's
// BuiltQuery::words) replaced by the index's closest spelling; "" when no word needs it.
std::string spelling_suggestion(const Xapian::Database& db, const std::string& query,
                                const std::vector<std::string>& words,
                                const WordList& dictionary = standard_english_words());

}  // namespace provisio
