#include "tokenizer.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace provisio {

namespace {

// One folded code point and the character it came from.
struct Unit {
  char32_t cp;
  std::size_t from;
};

bool is_word_char(char32_t c) { return Xapian::Unicode::is_wordchar(c); }

bool is_digit(char32_t c) { return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER; }

bool is_ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }

bool is_zero_width(char32_t c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }

// What a character between two word characters (not both digits) adds to the word: itself, an
// apostrophe for the typographic ones, nothing (0) when it ends the word. `keep` is false for
// zero-width characters, which join without adding anything.
char32_t joiner(char32_t c, bool& keep) {
  keep = true;
  switch (c) {
    case U'\'': case U'&': case 0xB7: case 0x5F4: case 0x2027: return c;
    case 0x2019: case 0x201B: return U'\'';
    default: break;
  }
  keep = false;
  return is_zero_width(c) ? c : 0;
}

// The same between two digits: the separators of numbers (Unicode's word-boundary list).
char32_t digit_joiner(char32_t c, bool& keep) {
  keep = true;
  switch (c) {
    case U',': case U'.': case U';': case 0x37E: case 0x589: case 0x60D: case 0x7F8:
    case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14: return c;
    default: break;
  }
  keep = false;
  return is_zero_width(c) ? c : 0;
}

bool is_suffix(char32_t c) { return c == U'+' || c == U'#'; }

void append_lower(std::string& term, char32_t c) { Xapian::Unicode::append_utf8(term, Xapian::Unicode::tolower(c)); }

// Cuts `term` to at most Tokenizer::kMaxWordBytes bytes at a character boundary; returns how many
// code points it keeps.
std::size_t cut(std::string& term) {
  std::size_t at = 0, kept = 0;
  while (at < term.size()) {
    std::size_t next = at + 1;
    while (next < term.size() && (static_cast<unsigned char>(term[next]) & 0xC0) == 0x80) ++next;
    if (next > Tokenizer::kMaxWordBytes) break;
    at = next;
    ++kept;
  }
  term.resize(at);
  return kept;
}

// Appends the lower-case `c` of unit `unit` to `term`, remembering where it came from.
void take(std::string& term, std::vector<std::size_t>& taken, char32_t c, std::size_t unit) {
  append_lower(term, c);
  taken.push_back(unit);
}

}  // namespace

void Tokenizer::split_words(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end,
                            std::vector<Word>& out) {
  std::vector<Unit> units;
  units.reserve(end - begin);
  for (std::size_t k = begin; k < end; ++k) {
    const std::string& f = chars[k].folded;
    if (f.size() == 1) {
      units.push_back({static_cast<unsigned char>(f[0]), k});
      continue;
    }
    const auto* bytes = reinterpret_cast<const uint8_t*>(f.data());
    int32_t i = 0, length = static_cast<int32_t>(f.size());
    while (i < length) {
      UChar32 cp;
      U8_NEXT(bytes, i, length, cp);
      units.push_back({cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp), k});
    }
  }
  const std::size_t n = units.size();
  std::vector<std::size_t> taken;  // the unit each code point of the term came from
  std::size_t i = 0;
  while (i < n) {
    if (!is_word_char(units[i].cp)) {
      ++i;
      continue;
    }
    const std::size_t first = i;
    std::string term;
    taken.clear();
    std::size_t last = i;  // the last unit the word takes
    // Acronyms: capitals separated by dots, with or without a final dot, not followed by a word character.
    if (is_ascii_upper(units[i].cp)) {
      std::size_t p = i;
      while (true) {
        take(term, taken, units[p].cp, p);
        ++p;
        if (p < n && units[p].cp == U'.' && ++p < n && is_ascii_upper(units[p].cp)) continue;
        break;
      }
      if (term.size() > 1 && (p == n || !is_word_char(units[p].cp))) {
        i = p;
        last = p - 1;
        goto done;
      }
      term.clear();
      taken.clear();
    }
    while (true) {
      char32_t prev = 0;
      while (i < n && is_word_char(units[i].cp)) {
        take(term, taken, units[i].cp, i);
        prev = units[i].cp;
        last = i++;
      }
      if (i + 1 >= n || !is_word_char(units[i + 1].cp)) break;
      bool keep = false;
      char32_t join = is_digit(prev) && is_digit(units[i + 1].cp) ? digit_joiner(units[i].cp, keep)
                                                                   : joiner(units[i].cp, keep);
      if (!join) break;
      if (keep) take(term, taken, join, i);
      ++i;
    }
    {
      std::size_t length = term.size(), count = 0, p = i;
      bool whole = true;
      while (p < n && is_suffix(units[p].cp)) {
        if (++count > 3) {
          whole = false;
          break;
        }
        take(term, taken, units[p].cp, p);
        ++p;
      }
      if (whole && count && (p == n || !is_word_char(units[p].cp))) {
        last = p - 1;
      } else {
        // fish+chips is two words; a run of four + is not part of the word.
        term.resize(length);
        taken.resize(taken.size() - std::min(count, std::size_t{3}));
      }
      i = p;
    }
  done:
    Word word;
    word.first = units[first].from;
    word.last = units[last].from;
    word.kept_end = word.last + 1;
    if (term.size() > kMaxWordBytes) word.kept_end = units[taken[cut(term)]].from;
    word.term = std::move(term);
    out.push_back(std::move(word));
  }
}

std::string Tokenizer::ranked_term(const std::string& term) const {
  if (term.empty() || stopper_(term)) return "";
  // Only words starting with a letter are stemmed (not 17025, not 3c).
  constexpr unsigned kLetters = (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
                                (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
  unsigned first = *Xapian::Utf8Iterator(term);
  if (!((kLetters >> Xapian::Unicode::get_category(first)) & 1)) return "";
  std::string stem = stemmer_(term);
  return stem.empty() ? "" : "Z" + stem;
}

void Tokenizer::han_tokens(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end,
                           std::vector<Token>& out, Xapian::termpos& pos) {
  const Xapian::termpos base = pos;
  const bool single = end - begin == 1;
  for (std::size_t k = begin; k < end; ++k) {
    // The run's first and last characters also stand where the first and last bigrams do, so a
    // phrase reaching into the run from a neighbouring token (第58條 in 按第58條辦理, CMA標誌)
    // matches.
    Xapian::termpos at = 0;
    if (single || k == begin) at = base + 1;
    else if (k + 1 == end) at = base + static_cast<Xapian::termpos>(end - begin - 1);
    out.push_back({chars[k].begin, chars[k].end, chars[k].folded, "", at});
    if (k + 1 < end)
      out.push_back({chars[k].begin, chars[k + 1].end, chars[k].folded + chars[k + 1].folded, "",
                     base + static_cast<Xapian::termpos>(k - begin + 1)});
  }
  pos = base + (single ? 1 : static_cast<Xapian::termpos>(end - begin - 1));
  run_.clear();
  for (std::size_t k = begin; k < end; ++k) run_ += chars[k].code;
  lengths_.clear();
  segmenter_.segment_han(run_, lengths_);
  std::size_t at = begin;
  for (std::size_t len : lengths_) {
    std::string word = "Z";
    for (std::size_t k = at; k < at + len; ++k) word += chars[k].folded;
    out.push_back({chars[at].begin, chars[at + len - 1].end, "", std::move(word), 0});
    at += len;
  }
}

void Tokenizer::tokens_of(const std::vector<FoldedChar>& chars, std::vector<Token>& out, Xapian::termpos& pos) {
  std::size_t i = 0;
  while (i < chars.size()) {
    std::size_t j = i;
    const bool han = chars[i].han;
    while (j < chars.size() && chars[j].han == han) ++j;
    if (han) {
      han_tokens(chars, i, j, out, pos);
    } else {
      words_.clear();
      split_words(chars, i, j, words_);
      for (auto& w : words_) {
        std::string stem = ranked_term(w.term);
        out.push_back({chars[w.first].begin, chars[w.last].end, std::move(w.term), std::move(stem), ++pos});
      }
    }
    i = j;
  }
}

std::vector<Token> Tokenizer::tokenize(std::string_view text) {
  std::vector<Token> out;
  Xapian::termpos pos = 0;
  tokens_of(folder_.fold_chars(text), out, pos);
  return out;
}

}  // namespace provisio
