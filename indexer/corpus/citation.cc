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

// The value of a lower-case Roman numeral of i, v and x ("vi" = 6), as items are numbered in the
// English texts ("Article 68(v)", "item (vi)"); nullopt for anything else.
std::optional<int> parse_roman(const std::wstring& s) {
  if (s.empty() || s.size() > 8) return std::nullopt;
  auto value = [](wchar_t c) { return c == L'i' ? 1 : c == L'v' ? 5 : c == L'x' ? 10 : 0; };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = value(s[i]);
    if (v == 0) return std::nullopt;
    total += i + 1 < s.size() && value(s[i + 1]) > v ? -v : v;
  }
  return total > 0 ? std::optional<int>(total) : std::nullopt;
}

struct Pattern {
  std::wregex re;
  const char* key;
  enum Kind { kNumber, kRoman, kCode } kind = kNumber;  // what group 1 holds
};

// Patterns over lower-cased text in wide characters (NFKC: full-width brackets are ASCII ones);
// group 1 is the number, Roman numeral or sector code.
const std::vector<Pattern>& patterns() {
  static const std::wstring kNum = L"([0-9０-９零〇○一二兩两三四五六七八九十廿卅百千萬万億亿]+)";
  static const std::wstring kRoman = L"([ivx]+)";
  // A sector of the services schedules: "1.F.e", "11.A" (CPC-based classification), never "5.2.6".
  static const std::wstring kCode = L"([0-9]+\\.[a-z](?:\\.[a-z]+)*)(?![0-9a-z.])";
  static const std::vector<Pattern> p = {
      {std::wregex(L"\\b(?:article|art\\.?)\\s*" + kNum), "art"},
      // "Article 58(2)": the paragraph, as 第五十八條第二款 gives it.
      {std::wregex(L"\\b(?:article|art\\.?)\\s*[0-9]+\\s*\\(" + kNum + L"\\)"), "para"},
      // "Article 68(v)", "Article 59(3)(ii)": the item in Roman numerals, as 第（五）項 gives it.
      {std::wregex(L"\\b(?:article|art\\.?)\\s*[0-9]+\\s*(?:\\([0-9]+\\)\\s*)?\\(" + kRoman + L"\\)"), "item",
       Pattern::kRoman},
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
      // Not "sub-paragraph", which is an item (項).
      {std::wregex(L"(?:^|[^a-z-])(?:paragraph|para\\.?)\\s*" + kNum), "para"},
      {std::wregex(L"第\\(?" + kNum + L"\\)?款"), "para"},
      // "item 3", "item (v)", "sub-paragraph (4)": 第3項, 第（五）項.
      {std::wregex(L"\\b(?:item|sub-?paragraph)\\s*\\(?" + kNum), "item"},
      {std::wregex(L"\\b(?:item|sub-?paragraph)\\s*\\(" + kRoman + L"\\)"), "item", Pattern::kRoman},
      {std::wregex(L"第\\(?" + kNum + L"\\)?[項项]"), "item"},
      // "sector 1.F.e", "1.F.e" alone (as the Chinese texts cite it), "sector 11", 第11部門.
      {std::wregex(L"\\bsector\\s*([0-9]+)(?![0-9.])"), "sector"},
      {std::wregex(L"(?:^|[^0-9a-z.])" + kCode), "sector", Pattern::kCode},
      {std::wregex(L"第" + kNum + L"[部][門门]"), "sector"},
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
      std::wstring num = (*it)[1].str();
      if (p.kind == Pattern::kCode) {
        found.emplace_back(it->position(1), p.key + std::string(num.begin(), num.end()));  // ASCII
        continue;
      }
      auto n = p.kind == Pattern::kRoman ? parse_roman(num) : parse_u32_number(std::u32string(num.begin(), num.end()));
      if (n) found.emplace_back(it->position(1), p.key + std::to_string(*n));
    }
  std::sort(found.begin(), found.end());
  std::vector<std::string> keys;
  for (const auto& [pos, key] : found)
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  return keys;
}

}  // namespace provisio
