#include "language.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace provisio::submissions {

struct LanguageDetector::Icu {
  std::unique_ptr<icu::Transliterator> to_simplified;
  std::unique_ptr<icu::Transliterator> to_traditional;
};

LanguageDetector::LanguageDetector() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->to_simplified.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  status = U_ZERO_ERROR;
  icu_->to_traditional.reset(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
}

LanguageDetector::~LanguageDetector() = default;

int LanguageDetector::script_of(char32_t c) {
  if (auto it = cache_.find(c); it != cache_.end()) return it->second;
  auto changes = [&](icu::Transliterator* t) {
    if (!t) return false;
    icu::UnicodeString s(static_cast<UChar32>(c));
    icu::UnicodeString original = s;
    t->transliterate(s);
    return s != original;
  };
  bool traditional_only = changes(icu_->to_simplified.get());
  bool simplified_only = changes(icu_->to_traditional.get());
  int v = traditional_only == simplified_only ? 0 : (traditional_only ? 1 : -1);
  cache_.emplace(c, v);
  return v;
}

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
      script += script_of(static_cast<char32_t>(c));
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
