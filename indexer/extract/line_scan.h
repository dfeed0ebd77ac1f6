// A cursor over one line of text, for the importer's line tests (page numbers, contents lines,
// site furniture, closing formulas, schedule labels). These used to be std::regex patterns, whose
// backtracking recurses once per character: a 50,000-space line from a PDF overflowed the stack.
// Every method here is a plain loop, so a line of any length is safe.
// Not thread-safe per object (it is a value; make one per line).
#pragma once

#include <cstddef>
#include <string_view>

namespace provisio::import {

class LineScan {
 public:
  explicit LineScan(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  std::size_t pos() const { return pos_; }
  std::string_view rest() const { return text_.substr(pos_); }

  // ASCII white space (space, tab, line feed, CR, vertical tab, form feed); returns how many were skipped.
  std::size_t skip_spaces() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    return pos_ - start;
  }

  // Consumes `word` if the text continues with it (exact bytes).
  bool eat(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // Consumes `word` ignoring ASCII case.
  bool eat_icase(std::string_view word) {
    if (text_.size() - pos_ < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (lower(text_[pos_ + i]) != lower(word[i])) return false;
    pos_ += word.size();
    return true;
  }

  // Consumes a run of min..max ASCII digits not followed by another digit; nothing on failure.
  bool eat_digits(std::size_t min, std::size_t max) {
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(text_[end])) ++end;
    if (end - pos_ < min || end - pos_ > max) return false;
    pos_ = end;
    return true;
  }

  // Consumes a number the way eat_digits does and returns it, or -1 (nothing consumed).
  long eat_number(std::size_t max_digits) {
    std::size_t start = pos_;
    if (!eat_digits(1, max_digits)) return -1;
    long value = 0;
    for (std::size_t i = start; i < pos_; ++i) value = value * 10 + (text_[i] - '0');
    return value;
  }

  // Whether the next character (if any) is not an ASCII letter, digit or '_' (regex "\b" after a word).
  bool at_word_end() const { return at_end() || !is_word(text_[pos_]); }

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_word(char c) { return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'z') || c == '_'; }
  static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// `text` without ASCII white space at its end.
inline std::string_view trim_end(std::string_view text) {
  while (!text.empty() && LineScan::is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Whether `text` equals `word` ignoring ASCII case.
inline bool equals_icase(std::string_view text, std::string_view word) {
  LineScan s(text);
  return s.eat_icase(word) && s.at_end();
}

}  // namespace provisio::import
