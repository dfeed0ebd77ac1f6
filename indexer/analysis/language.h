// Which language a submission is written in: English, Traditional Chinese or Simplified Chinese.
//
// Chinese when Han characters outnumber Latin-script words (Chinese submissions quote English
// names such as CCC, CMA or HOKLAS); then Traditional or Simplified by counting the characters
// that exist in only one of the two scripts (ICU's Hant-Hans and Hans-Hant transforms tell which).
// Ties go to Traditional, Hong Kong's script.
//
// Not thread-safe: use one LanguageDetector per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace provisio::submissions {

class LanguageDetector {
 public:
  LanguageDetector();
  ~LanguageDetector();
  LanguageDetector(const LanguageDetector&) = delete;
  LanguageDetector& operator=(const LanguageDetector&) = delete;

  // "en", "zh-Hant" or "zh-Hans". REQUIRES: `utf8` is valid UTF-8. Text with no letters is "en".
  std::string detect(std::string_view utf8);

 private:
  // +1 for a Traditional-only character, -1 for a Simplified-only one, 0 for shared ones.
  int script_of(char32_t c);
  struct Icu;
  std::unique_ptr<Icu> icu_;
  std::unordered_map<char32_t, int> cache_;
};

}  // namespace provisio::submissions
