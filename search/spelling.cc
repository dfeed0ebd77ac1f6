#include "spelling.h"

#include <algorithm>
#include <fstream>

#include "analyzer.h"
#include "schema.h"

namespace provisio {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Where `word` stands in `text` as a whole word (no letter just before or after), from `from`.
std::size_t find_word(const std::string& text, const std::string& word, std::size_t from = 0) {
  for (std::size_t at = text.find(word, from); at != std::string::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !is_ascii_letter(text[at - 1]);
    bool ends = at + word.size() == text.size() || !is_ascii_letter(text[at + word.size()]);
    if (starts && ends) return at;
  }
  return std::string::npos;
}

// ISO, CCC, HKAS, and the operators AND, OR, NOT, NEAR: all capitals.
bool is_all_capitals(std::string_view word) {
  return word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
           return !is_ascii_letter(c) || (c >= 'A' && c <= 'Z');
         });
}

// The word as typed is part of the query syntax: a wildcard (cert*), a NEAR/ADJ window (near/3).
bool is_syntax(const std::string& query, std::size_t at, std::size_t size) {
  std::size_t after = at + size;
  return after < query.size() && (query[after] == '*' || query[after] == '/');
}

bool is_stopword(const std::string& word) {
  const auto& stop = english_stopwords();
  return std::find(stop.begin(), stop.end(), word) != stop.end();
}

}  // namespace

WordList::WordList(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) words_.insert(lower(line));
  }
}

const WordList& standard_english_words() {
  static const WordList words(kStandardWordListPath);
  return words;
}

std::string spelling_suggestion(const Xapian::Database& db, const std::string& query,
                                const std::vector<std::string>& words, const WordList& dictionary) {
  std::string suggestion = query;
  bool changed = false;
  for (const auto& typed : words) {
    std::size_t at = find_word(suggestion, typed);
    if (at == std::string::npos || is_all_capitals(typed) || is_syntax(suggestion, at, typed.size())) continue;
    std::string word = lower(typed);
    if (!schema::is_spelling_word(word) || is_stopword(word) || db.term_exists(word) || dictionary.contains(word)) continue;
    // One edit for short words (two would reach too many unrelated ones), two for longer ones.
    std::string best = db.get_spelling_suggestion(word, word.size() <= 4 ? 1 : 2);
    if (best.empty() || best == word) continue;
    suggestion.replace(at, typed.size(), best);
    changed = true;
  }
  return changed ? suggestion : std::string();
}

}  // namespace provisio
