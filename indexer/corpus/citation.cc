#include "citation.h"

#include <algorithm>
#include <limits>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "chinese_numerals.h"
#include "utf8.h"

namespace provisio {

namespace {

// NFKC with case folding ("Ｃｈａｐｔｅｒ　１２" -> "chapter 12"), as code points. ASCII text, the
// common case, needs only lower-casing: NFKC leaves it alone and case folding maps A-Z to a-z.
std::u32string to_u32(std::string_view s) {
  std::u32string out;
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    out.reserve(s.size());
    for (char c : s) out.push_back(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString folded = nfkc_cf->normalize(u, status);
    if (U_SUCCESS(status)) u = folded;
  }
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    // Full-width digits count as digits.
    if (c >= 0xFF10 && c <= 0xFF19) c = c - 0xFF10 + '0';
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }

std::optional<int> parse_u32_number(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), is_ascii_digit)) {
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
std::optional<int> parse_roman(std::u32string_view s) {
  if (s.empty() || s.size() > 8) return std::nullopt;
  auto value = [](char32_t c) { return c == U'i' ? 1 : c == U'v' ? 5 : c == U'x' ? 10 : 0; };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = value(s[i]);
    if (v == 0) return std::nullopt;
    total += i + 1 < s.size() && value(s[i + 1]) > v ? -v : v;
  }
  return total > 0 ? std::optional<int>(total) : std::nullopt;
}

// The scanner. It finds exactly what the fifteen regular expressions it replaces found (they are
// written above each rule, over the folded text), including the way a regex iterator walks: each
// rule is searched from the start, and after a match the next search starts where it ended.

constexpr std::size_t kNone = std::u32string_view::npos;

// A number as citations write it: [0-9０-９零〇○一二兩两三四五六七八九十廿卅百千萬万億亿].
bool is_number_char(char32_t c) {
  if (is_ascii_digit(c) || (c >= 0xFF10 && c <= 0xFF19)) return true;
  static constexpr std::u32string_view kNumerals = U"零〇○一二兩两三四五六七八九十廿卅百千萬万億亿";
  return c > 0x7F && kNumerals.find(c) != kNone;
}

// What the regular expressions' \b and \s meant (std::wregex in the "C" locale): ASCII letters,
// digits and '_' are word characters; the ASCII spaces are spaces.
bool is_word_char(char32_t c) { return is_ascii_digit(c) || is_ascii_lower(c) || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_space(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// One rule's match: the captured group (the number, numeral or code) and where the match ends.
struct Match {
  std::size_t begin, end, match_end;
};

class Scanner {
 public:
  explicit Scanner(std::u32string_view text) : w_(text) {}

  std::size_t size() const { return w_.size(); }
  char32_t at(std::size_t i) const { return w_[i]; }
  std::u32string_view slice(const Match& m) const { return w_.substr(m.begin, m.end - m.begin); }

  // \b at i.
  bool boundary(std::size_t i) const {
    bool before = i > 0 && is_word_char(w_[i - 1]);
    bool after = i < w_.size() && is_word_char(w_[i]);
    return before != after;
  }
  // `literal` at i: the position after it, or kNone.
  std::size_t literal(std::size_t i, std::u32string_view literal) const {
    return i <= w_.size() && w_.substr(i).starts_with(literal) ? i + literal.size() : kNone;
  }
  // One character of `set` at i: the position after it, or kNone.
  std::size_t one_of(std::size_t i, std::u32string_view set) const {
    return i < w_.size() && set.find(w_[i]) != kNone ? i + 1 : kNone;
  }
  // The longest run of characters satisfying `pred` from i (possibly empty).
  template <class Pred>
  std::size_t run(std::size_t i, Pred pred) const {
    while (i < w_.size() && pred(w_[i])) ++i;
    return i;
  }
  std::size_t spaces(std::size_t i) const { return run(i, is_space); }
  // The first of `keywords` (in order) found at i after which `rest` matches.
  template <std::size_t N, class Rest>
  std::optional<Match> keyword(std::size_t i, const std::u32string_view (&keywords)[N], Rest rest) const {
    for (auto k : keywords)
      if (std::size_t after = literal(i, k); after != kNone)
        if (auto m = rest(after)) return m;
    return std::nullopt;
  }
  // \s*([number]+) at i.
  std::optional<Match> spaced_number(std::size_t i) const {
    std::size_t from = spaces(i), to = run(from, is_number_char);
    if (to == from) return std::nullopt;
    return Match{from, to, to};
  }
  // (?:^|[^set]) before what `rest` matches at the next position. A character consumed here must
  // lie at or after `search_from`: the regex iterator never looks back into its previous match.
  template <class Excluded, class Rest>
  std::optional<Match> after_lead(std::size_t i, std::size_t search_from, Excluded excluded, Rest rest) const {
    if (i == 0 && search_from == 0)
      if (auto m = rest(0)) return m;
    if (i < w_.size() && i >= search_from && !excluded(w_[i])) return rest(i + 1);
    return std::nullopt;
  }

 private:
  std::u32string_view w_;
};

enum class Group { kNumber, kRoman, kCode };

struct Rule {
  const char* key;
  Group group;
  // The match starting at i, the search having started at search_from; nullopt if none.
  std::optional<Match> (*match)(const Scanner& s, std::size_t i, std::size_t search_from);
};

using std::nullopt;
using std::optional;

// Keywords, in the order the regular expressions' alternations tried them: (?:article|art\.?)
// tried "article", then "art." (the optional dot is greedy), then "art".
constexpr std::u32string_view kArticle[] = {U"article", U"art.", U"art"};
constexpr std::u32string_view kChapter[] = {U"chapter"};
constexpr std::u32string_view kSection[] = {U"section", U"sec.", U"sec"};
constexpr std::u32string_view kAnnex[] = {U"annex"};
constexpr std::u32string_view kAnnexZh[] = {U"附件"};
constexpr std::u32string_view kTable[] = {U"table"};
constexpr std::u32string_view kTableZh[] = {U"表"};
constexpr std::u32string_view kParagraph[] = {U"paragraph", U"para.", U"para"};
constexpr std::u32string_view kItem[] = {U"item", U"sub-paragraph", U"subparagraph"};
constexpr std::u32string_view kSector[] = {U"sector"};

// \s*[0-9]+\s* after an article keyword: where the article number's trailing spaces end.
std::size_t article_number(const Scanner& s, std::size_t i) {
  std::size_t from = s.spaces(i), to = s.run(from, is_ascii_digit);
  return to == from ? kNone : s.spaces(to);
}

// ([ivx]+)\) at i.
optional<Match> roman_closed(const Scanner& s, std::size_t i) {
  std::size_t to = s.run(i, [](char32_t c) { return c == U'i' || c == U'v' || c == U'x'; });
  if (to == i || s.literal(to, U")") == kNone) return nullopt;
  return Match{i, to, to + 1};
}

// 第\(?([number]+)\)?<closer>: 第五十八條, 第(五)項.
optional<Match> numbered_by(const Scanner& s, std::size_t i, bool brackets, std::u32string_view closer,
                            std::u32string_view second_closer = {}) {
  std::size_t at = s.literal(i, U"第");
  if (at == kNone) return nullopt;
  if (brackets && s.literal(at, U"(") != kNone) ++at;  // never needed to backtrack: ( is no number
  std::size_t to = s.run(at, is_number_char);
  if (to == at) return nullopt;
  std::size_t end = to;
  if (brackets && s.literal(end, U")") != kNone) ++end;
  end = s.one_of(end, closer);
  if (end != kNone && !second_closer.empty()) end = s.one_of(end, second_closer);
  if (end == kNone) return nullopt;
  return Match{at, to, end};
}

const Rule kRules[] = {
    // \b(?:article|art\.?)\s*(N)
    {"art", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kArticle, [&](std::size_t at) { return s.spaced_number(at); });
     }},
    // \b(?:article|art\.?)\s*[0-9]+\s*\((N)\): "Article 58(2)", the paragraph, as 第五十八條第二款.
    {"para", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kArticle, [&](std::size_t at) -> optional<Match> {
         at = article_number(s, at);
         if (at == kNone || (at = s.literal(at, U"(")) == kNone) return nullopt;
         std::size_t to = s.run(at, is_number_char);
         if (to == at || s.literal(to, U")") == kNone) return nullopt;
         return Match{at, to, to + 1};
       });
     }},
    // \b(?:article|art\.?)\s*[0-9]+\s*(?:\([0-9]+\)\s*)?\(([ivx]+)\): "Article 68(v)",
    // "Article 59(3)(ii)", the item, as 第（五）項.
    {"item", Group::kRoman,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kArticle, [&](std::size_t at) -> optional<Match> {
         at = article_number(s, at);
         if (at == kNone || s.literal(at, U"(") == kNone) return nullopt;
         // With the paragraph in brackets first, then without (the optional group is greedy).
         std::size_t digits_end = s.run(at + 1, is_ascii_digit);
         if (digits_end > at + 1 && s.literal(digits_end, U")") != kNone) {
           std::size_t next = s.spaces(digits_end + 1);
           if (s.literal(next, U"(") != kNone)
             if (auto m = roman_closed(s, next + 1)) return m;
         }
         return roman_closed(s, at + 1);
       });
     }},
    // 第(N)[條条]
    {"art", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) { return numbered_by(s, i, false, U"條条"); }},
    // \bchapter\s*(N)
    {"ch", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kChapter, [&](std::size_t at) { return s.spaced_number(at); });
     }},
    // 第(N)章
    {"ch", Group::kNumber, [](const Scanner& s, std::size_t i, std::size_t) { return numbered_by(s, i, false, U"章"); }},
    // \b(?:section|sec\.?)\s*(N)
    {"s", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kSection, [&](std::size_t at) { return s.spaced_number(at); });
     }},
    // 第(N)[節节]
    {"s", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) { return numbered_by(s, i, false, U"節节"); }},
    // \bannex\s*(N)
    {"annex", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kAnnex, [&](std::size_t at) { return s.spaced_number(at); });
     }},
    // 附件\s*(N)
    {"annex", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) {
       return s.keyword(i, kAnnexZh, [&](std::size_t at) { return s.spaced_number(at); });
     }},
    // \btable\s*(N)
    {"table", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kTable, [&](std::size_t at) { return s.spaced_number(at); });
     }},
    // (?:^|[^\u4e00-\u9fff])表\s*(N): 表 after another Chinese character is a word (代表, 發表).
    {"table", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t from) {
       return s.after_lead(
           i, from, [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; },
           [&](std::size_t at) { return s.keyword(at, kTableZh, [&](std::size_t after) { return s.spaced_number(after); }); });
     }},
    // (?:^|[^a-z-])(?:paragraph|para\.?)\s*(N): not "sub-paragraph", which is an item (項).
    {"para", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t from) {
       return s.after_lead(
           i, from, [](char32_t c) { return is_ascii_lower(c) || c == U'-'; },
           [&](std::size_t at) {
             return s.keyword(at, kParagraph, [&](std::size_t after) { return s.spaced_number(after); });
           });
     }},
    // 第\(?(N)\)?款
    {"para", Group::kNumber, [](const Scanner& s, std::size_t i, std::size_t) { return numbered_by(s, i, true, U"款"); }},
    // \b(?:item|sub-?paragraph)\s*\(?(N): "item 3", "sub-paragraph (4)", as 第3項.
    {"item", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kItem, [&](std::size_t at) -> optional<Match> {
         at = s.spaces(at);
         if (s.literal(at, U"(") != kNone) ++at;  // never needed to backtrack: ( is no number
         std::size_t to = s.run(at, is_number_char);
         return to == at ? nullopt : optional<Match>(Match{at, to, to});
       });
     }},
    // \b(?:item|sub-?paragraph)\s*\(([ivx]+)\): "item (v)".
    {"item", Group::kRoman,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kItem, [&](std::size_t at) -> optional<Match> {
         at = s.literal(s.spaces(at), U"(");
         return at == kNone ? nullopt : roman_closed(s, at);
       });
     }},
    // 第\(?(N)\)?[項项]
    {"item", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) { return numbered_by(s, i, true, U"項项"); }},
    // \bsector\s*([0-9]+)(?![0-9.]): "sector 11".
    {"sector", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) -> optional<Match> {
       if (!s.boundary(i)) return nullopt;
       return s.keyword(i, kSector, [&](std::size_t at) -> optional<Match> {
         std::size_t from = s.spaces(at), to = s.run(from, is_ascii_digit);
         if (to == from || s.one_of(to, U".") != kNone) return nullopt;  // a shorter run is followed by a digit
         return Match{from, to, to};
       });
     }},
    // (?:^|[^0-9a-z.])([0-9]+\.[a-z](?:\.[a-z]+)*)(?![0-9a-z.]): a sector of the services schedules,
    // "1.F.e", "11.A" (CPC-based classification), never "5.2.6".
    {"sector", Group::kCode,
     [](const Scanner& s, std::size_t i, std::size_t from) {
       auto code_char = [](char32_t c) { return is_ascii_digit(c) || is_ascii_lower(c) || c == U'.'; };
       return s.after_lead(i, from, code_char, [&](std::size_t at) -> optional<Match> {
         std::size_t to = s.run(at, is_ascii_digit);
         if (to == at || s.literal(to, U".") == kNone || to + 1 >= s.size() || !is_ascii_lower(s.at(to + 1)))
           return nullopt;
         to += 2;
         // Further .letters, as many as there are; any shorter match would be followed by a
         // letter or a '.', which the lookahead refuses, so no other split can succeed.
         while (to + 1 < s.size() && s.at(to) == U'.' && is_ascii_lower(s.at(to + 1))) to = s.run(to + 1, is_ascii_lower);
         if (to < s.size() && code_char(s.at(to))) return nullopt;
         return Match{at, to, to};
       });
     }},
    // 第(N)部[門门]: 第11部門.
    {"sector", Group::kNumber,
     [](const Scanner& s, std::size_t i, std::size_t) { return numbered_by(s, i, false, U"部", U"門门"); }},
};

}  // namespace

std::optional<int> parse_number(std::string_view text) { return parse_u32_number(to_u32(text)); }

std::vector<std::string> citation_keys(std::string_view citation) {
  std::u32string u = to_u32(citation);
  if (auto n = parse_u32_number(u)) return {"art" + std::to_string(*n)};
  Scanner scanner(u);
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const Rule& rule : kRules)
    for (std::size_t from = 0, i = 0; i < scanner.size(); ++i) {
      auto m = rule.match(scanner, i, from);
      if (!m) continue;
      std::u32string_view group = scanner.slice(*m);
      if (rule.group == Group::kCode) {
        std::string code(rule.key);
        for (char32_t c : group) code += static_cast<char>(c);  // ASCII
        found.emplace_back(m->begin, std::move(code));
      } else if (auto n = rule.group == Group::kRoman ? parse_roman(group) : parse_u32_number(group)) {
        found.emplace_back(m->begin, rule.key + std::to_string(*n));
      }
      // The next search starts where this match ended (every match holds at least one character).
      from = m->match_end;
      i = from - 1;
    }
  std::sort(found.begin(), found.end());
  std::vector<std::string> keys;
  for (const auto& [pos, key] : found)
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  return keys;
}

}  // namespace provisio
