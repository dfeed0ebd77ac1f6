#include "language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "script.h"

namespace provisio::submissions {

LanguageDetector::LanguageDetector() = default;
LanguageDetector::~LanguageDetector() = default;

std::string LanguageDetector::detect(std::string_view text) {
  std::size_t han = 0, latin_words = 0;
  long script = 0;
  bool in_word = false;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &status);
    if (sc == USCRIPT_HAN) {
      ++han;
      HanVariant v = han_variant(static_cast<char32_t>(c));
      script += v == HanVariant::kTraditional ? 1 : v == HanVariant::kSimplified ? -1 : 0;
      in_word = false;
    } else if (sc == USCRIPT_LATIN && u_isalpha(c)) {
      if (!in_word) ++latin_words;
      in_word = true;
    } else {
      in_word = false;
    }
  }
  // A Chinese word is one to three characters: compare characters with words, generously.
  if (han == 0 || han < latin_words) return "en";
  return script < 0 ? "zh-Hans" : "zh-Hant";
}

}  // namespace provisio::submissions
