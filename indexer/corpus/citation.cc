#include "citation.h"

#include <algorithm>
#include <limits>
#include <map>
#include <regex>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "chinese_numerals.h"
#include "utf8.h"

namespace provisio {

namespace {

// NFKC with case folding ("Ｃｈａｐｔｅｒ　１２" -> "chapter 12"), as code points.
std::u32string to_u32(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString folded = nfkc_cf->normalize(u, status);
    if (U_SUCCESS(status)) u = folded;
  }
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    // Full-width digits count as digits.
    if (c >= 0xFF10 && c <= 0xFF19) c = c - 0xFF10 + '0';
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::optional<int> parse_u32_number(const std::u32string& s) {
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char32_t c) { return c >= '0' && c <= '9'; })) {
    if (s.size() > 6) return std::nullopt;
    int v = 0;
    for (char32_t c : s) v = v * 10 + static_cast<int>(c - '0');
    return v;
  }
  // Chinese numerals: the one parser (chinese_numerals.h).
  std::string utf8;
  for (char32_t c : s) append_utf8(utf8, c);
  auto n = parse_chinese_number(utf8);
  if (!n || *n > std::numeric_limits<int>::max()) return std::nullopt;
  return static_cast<int>(*n);
}

struct Pattern {
  std::wregex re;
  const char* key;
  int group = 1;  // the sub-match holding the number
};

// Patterns over lower-cased text in wide characters; group 1 is the number.
const std::vector<Pattern>& patterns() {
  static const std::wstring kNum = L"([0-9０-９零〇○一二兩两三四五六七八九十廿卅百千萬万億亿]+)";
  static const std::vector<Pattern> p = {
      {std::wregex(L"\\b(?:article|art\\.?)\\s*" + kNum), "art"},
      // "Article 58(2)": the paragraph, as 第五十八條第二款 gives it.
      {std::wregex(L"\\b(?:article|art\\.?)\\s*[0-9]+\\s*\\(" + kNum + L"\\)"), "para"},
      {std::wregex(L"第" + kNum + L"[條条]"), "art"},
      {std::wregex(L"\\bchapter\\s*" + kNum), "ch"},
      {std::wregex(L"第" + kNum + L"章"), "ch"},
      {std::wregex(L"\\b(?:section|sec\\.?)\\s*" + kNum), "s"},
      {std::wregex(L"第" + kNum + L"[節节]"), "s"},
      {std::wregex(L"\\bannex\\s*" + kNum), "annex"},
      {std::wregex(L"附件\\s*" + kNum), "annex"},
      {std::wregex(L"\\btable\\s*" + kNum), "table"},
      // 表 after another Chinese character is a word (代表, 發表), not a table.
      {std::wregex(L"(?:^|[^\u4e00-\u9fff])表\\s*" + kNum), "table"},
      {std::wregex(L"\\b(?:paragraph|para\\.?)\\s*" + kNum), "para"},
      {std::wregex(L"第" + kNum + L"款"), "para"},
      {std::wregex(L"\\bitem\\s*" + kNum), "item"},
      {std::wregex(L"第" + kNum + L"[項项]"), "item"},
  };
  return p;
}

}  // namespace

std::optional<int> parse_number(std::string_view text) { return parse_u32_number(to_u32(text)); }

std::vector<std::string> citation_keys(std::string_view citation) {
  std::u32string u = to_u32(citation);
  if (auto n = parse_u32_number(u)) return {"art" + std::to_string(*n)};
  std::wstring w(u.begin(), u.end());  // wchar_t is 32-bit on Linux
  std::vector<std::pair<std::ptrdiff_t, std::string>> found;
  for (const auto& p : patterns())
    for (std::wsregex_iterator it(w.begin(), w.end(), p.re), end; it != end; ++it) {
      std::wstring num = (*it)[p.group].str();
      if (auto n = parse_u32_number(std::u32string(num.begin(), num.end())))
        found.emplace_back(it->position(p.group), p.key + std::to_string(*n));
    }
  std::sort(found.begin(), found.end());
  std::vector<std::string> keys;
  for (const auto& [pos, key] : found)
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  return keys;
}

}  // namespace provisio
