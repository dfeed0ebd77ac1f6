// Folds text to the form that index terms are made from: Unicode NFKC (full-width letters, digits
// and punctuation become ordinary ones; the ideographic space becomes a space) and Traditional
// Chinese characters become Simplified ones (ICU's "Traditional-Simplified" transform, applied
// through a table made at build time: han_fold_table.h), so that 檢測 and 检测, ＣＣＣ and CCC
// give the same terms. Case is left to Xapian, which lower-cases both documents and queries, so
// query operators such as AND keep their meaning.
//
// Folding is done one code point at a time, so every folded piece keeps the byte range of the
// original character it came from: highlighting maps matches back onto the text as written.
//
// Not thread-safe (it caches folded characters): use one TextFolder per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "utf8.h"

namespace provisio {

// One character of the original text and what it folds to.
struct FoldedChar {
  std::size_t begin = 0;  // byte range in the original UTF-8 text
  std::size_t end = 0;
  std::string folded;     // UTF-8; may be empty (ignorable) or longer than one character
  bool han = false;       // a Chinese character (Han script): segmented, not split into words
  char32_t code = 0;      // the first code point of `folded` (0 when empty): what segmenters read
  char32_t source = 0;    // the original code point (U+FFFD for an invalid sequence)
};

class TextFolder {
 public:
  TextFolder();
  ~TextFolder();
  TextFolder(const TextFolder&) = delete;
  TextFolder& operator=(const TextFolder&) = delete;

  // The folded text. Invalid UTF-8 sequences become U+FFFD.
  std::string fold(std::string_view utf8);
  // The folded text character by character, with original offsets. Each invalid UTF-8 sequence
  // becomes one U+FFFD character covering its bytes (counted in invalid_sequences()).
  std::vector<FoldedChar> fold_chars(std::string_view utf8);
  // What one code point folds to (cached): the folded UTF-8, whether it is Han, its first code point.
  const std::string& fold_one(char32_t cp, bool& han, char32_t& code) {
    return fold_code_point(static_cast<int>(cp), han, code);
  }
  // What one code point folds to, as its first folded code point (0 when it folds to nothing).
  char32_t fold_code(char32_t cp) {
    bool han;
    char32_t code;
    fold_code_point(static_cast<int>(cp), han, code);
    return code;
  }
  // How many invalid UTF-8 sequences the last fold() / fold_chars() call met (0 for valid text).
  std::size_t invalid_sequences() const { return invalid_; }

 private:
  const std::string& fold_code_point(int cp, bool& han, char32_t& code);
  struct Icu;
  std::unique_ptr<Icu> icu_;
  struct Entry {
    std::string folded;
    bool han;
    char32_t code;
  };
  std::unordered_map<int, Entry> cache_;
  std::size_t invalid_ = 0;
};

}  // namespace provisio
