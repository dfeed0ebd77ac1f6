// Which language a submission is written in: English, Traditional Chinese or Simplified Chinese.
//
// Chinese when Han characters outnumber Latin-script words (Chinese submissions quote English
// names such as CCC, CMA or HOKLAS); then Traditional or Simplified by counting the characters
// that exist in only one of the two scripts (script.h's han_variant tells which).
// Ties go to Traditional, Hong Kong's script.
//
// Thread-safe (it holds no state).
#pragma once

#include <string>
#include <string_view>

namespace provisio::submissions {

class LanguageDetector {
 public:
  LanguageDetector();
  ~LanguageDetector();

  // "en", "zh-Hant" or "zh-Hans". REQUIRES: `utf8` is valid UTF-8. Text with no letters is "en".
  std::string detect(std::string_view utf8);
};

}  // namespace provisio::submissions
