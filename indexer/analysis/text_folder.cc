#include "text_folder.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include "han_fold_table.h"
#include "script.h"

namespace provisio {

struct TextFolder::Icu {
  const icu::Normalizer2* nfkc = nullptr;
};

TextFolder::TextFolder() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot load NFKC data");
}

TextFolder::~TextFolder() = default;

const std::string& TextFolder::fold_code_point(int cp, bool& han, char32_t& code) {
  auto it = cache_.find(cp);
  if (it == cache_.end()) {
    Entry e;
    if (cp < 0x80) {
      e.folded.assign(1, static_cast<char>(cp));
      e.han = false;
    } else {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString s = icu_->nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_FAILURE(status)) s = icu::UnicodeString(static_cast<UChar32>(cp));
      e.han = s.length() > 0 && is_han(static_cast<char32_t>(s.char32At(0)));
      if (e.han) {
        icu::UnicodeString simplified;
        for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1))
          simplified.append(static_cast<UChar32>(simplified_han(static_cast<char32_t>(s.char32At(i)))));
        s = simplified;
      }
      s.toUTF8String(e.folded);
    }
    e.code = e.folded.empty() ? 0 : static_cast<char32_t>(icu::UnicodeString::fromUTF8(e.folded).char32At(0));
    it = cache_.emplace(cp, std::move(e)).first;
  }
  han = it->second.han;
  code = it->second.code;
  return it->second.folded;
}

std::vector<FoldedChar> TextFolder::fold_chars(std::string_view utf8) {
  std::vector<FoldedChar> out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  invalid_ = 0;
  while (i < length) {
    FoldedChar fc;
    if (bytes[i] < 0x80) {  // the hot path: ASCII folds to itself and is never Han
      fc.begin = static_cast<std::size_t>(i);
      fc.end = fc.begin + 1;
      fc.folded.assign(1, static_cast<char>(bytes[i]));
      fc.code = fc.source = bytes[i++];
      out.push_back(std::move(fc));
      continue;
    }
    int32_t start = i;
    char32_t cp = next_code_point(bytes, i, length, invalid_);
    fc.begin = static_cast<std::size_t>(start);
    fc.end = static_cast<std::size_t>(i);
    fc.folded = fold_code_point(static_cast<int>(cp), fc.han, fc.code);
    fc.source = cp;
    out.push_back(std::move(fc));
  }
  return out;
}

std::string TextFolder::fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (const auto& fc : fold_chars(utf8)) out += fc.folded;
  return out;
}

}  // namespace provisio
