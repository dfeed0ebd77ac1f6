#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "chinese_numerals.h"

namespace provisio {

namespace {

// Weights of the lattice, as natural-log probabilities (see the header and README "Segmentation").
constexpr double kDomainLogP = -3.0;   // a domain word: beats any split of itself
constexpr double kIcuWordLogP = -18.0;  // an ICU word the general list does not know
constexpr double kIcuAgreementBonus = 3.0;  // a general word that ICU also found (e^3: 20 times likelier)
constexpr double kNumeralLogP = -6.0;   // a run of Chinese numerals

// A measure word: "一个", "三次" are a number and a measure word, not one word.
bool is_measure_word(char32_t c) {
  static const std::u32string_view kMeasures = U"个次位种条批年名天届件项家场只张份本台辆所座口头部段顿回场间片层句声笔岁点元块分秒周";
  return kMeasures.find(c) != std::u32string_view::npos;
}

bool is_small_numeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十两几").find(c) != std::u32string_view::npos; }

// Units that make one word with the number before them (12月, 二○○一年, 50万); see Convention.
bool is_number_suffix(char32_t c, bool hong_kong) {
  return std::u32string_view(hong_kong ? U"月万亿" : U"年月日万亿").find(c) != std::u32string_view::npos;
}

// Prefixes that the Hong Kong convention keeps apart (第 一, 每 年, 各 地).
bool is_separate_prefix(char32_t c) { return c == U'第' || c == U'每' || c == U'各'; }

bool is_digit_or_letter(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0); }

bool is_space(char32_t c) { return c == 0 || u_isUWhiteSpace(static_cast<UChar32>(c)); }

}  // namespace

struct Segmenter::Icu {
  std::unique_ptr<icu::BreakIterator> words;
  icu::UnicodeString text;
  std::vector<std::size_t> char_at_unit;  // UTF-16 index -> character index
};

Segmenter::Segmenter(std::shared_ptr<const Lexicon> lexicon)
    : lexicon_(std::move(lexicon)), icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !icu_->words) throw std::runtime_error("ICU: cannot create the word BreakIterator");
}

Segmenter::~Segmenter() = default;

const Lexicon& Segmenter::lexicon() {
  if (!lexicon_) lexicon_ = Lexicon::standard();
  return *lexicon_;
}

void Segmenter::icu_boundaries(std::u32string_view run, std::vector<bool>& boundary) {
  auto& icu = *icu_;
  icu.text.remove();
  icu.char_at_unit.clear();
  for (std::size_t i = 0; i < run.size(); ++i) {
    icu.text.append(static_cast<UChar32>(run[i]));
    while (icu.char_at_unit.size() < static_cast<std::size_t>(icu.text.length())) icu.char_at_unit.push_back(i);
  }
  icu.char_at_unit.push_back(run.size());
  boundary.assign(run.size() + 1, false);
  icu.words->setText(icu.text);
  for (int32_t b = icu.words->first(); b != icu::BreakIterator::DONE; b = icu.words->next())
    boundary[icu.char_at_unit[static_cast<std::size_t>(b)]] = true;
  boundary[0] = boundary[run.size()] = true;
}

void Segmenter::segment_han_icu_only(std::u32string_view run, std::vector<std::size_t>& lengths) {
  if (run.empty()) return;
  icu_boundaries(run, boundary_);
  std::size_t start = 0;
  for (std::size_t i = 1; i <= run.size(); ++i)
    if (boundary_[i]) {
      lengths.push_back(i - start);
      start = i;
    }
}

void Segmenter::segment_han(std::u32string_view run, std::vector<std::size_t>& lengths, Convention convention) {
  const bool hong_kong = convention == Convention::kHongKong;
  const std::size_t n = run.size();
  if (n == 0) return;
  if (n == 1) {
    lengths.push_back(1);
    return;
  }
  const Lexicon& lex = lexicon();
  icu_boundaries(run, boundary_);
  // Best (highest log-probability) segmentation of run[i..n), computed from the end.
  best_.assign(n + 1, 0.0);
  next_.assign(n + 1, n);
  // The end of the run of Chinese numerals starting at i, kept as i walks back, so that a long run
  // of numerals is scanned once rather than once per position (which was quadratic).
  std::size_t numeral_end = n;
  for (std::size_t i = n; i-- > 0;) {
    if (!is_chinese_numeral_char(run[i])) numeral_end = i;
    double best = -1e300;
    std::size_t best_end = i + 1;
    auto consider = [&](std::size_t end, double log_p) {
      double score = log_p + best_[end];
      // Ties go to the longer word.
      if (score > best || (score == best && end > best_end)) {
        best = score;
        best_end = end;
      }
    };
    // A single character.
    std::uint64_t h = Lexicon::hash_step(Lexicon::kHashStart, run[i]);
    const Lexicon::Entry* one = lex.find(run.substr(i, 1), h);
    consider(i + 1, one && one->general ? one->log_p : lex.unknown_log_p());
    // Lexicon words starting here (the prefix entries stop the walk as soon as nothing is longer).
    std::size_t limit = std::min(n, i + lex.max_length());
    for (std::size_t end = i + 2; end <= limit; ++end) {
      h = Lexicon::hash_step(h, run[end - 1]);
      const Lexicon::Entry* e = lex.find(run.substr(i, end - i), h);
      if (!e) break;
      if (!e->word) continue;
      if (end - i == 2 && !e->domain && is_small_numeral(run[i]) && is_measure_word(run[i + 1])) continue;
      if (hong_kong && !e->domain && is_separate_prefix(run[i])) continue;
      // Two independent sources agreeing on a word (ICU's dictionary cut exactly there) make it
      // more likely.
      bool icu_agrees = boundary_[i] && boundary_[end];
      for (std::size_t k = i + 1; icu_agrees && k < end; ++k) icu_agrees = !boundary_[k];
      double log_p = !e->domain ? e->log_p : e->general ? std::max<double>(kDomainLogP, e->log_p) : kDomainLogP;
      consider(end, log_p + (icu_agrees ? kIcuAgreementBonus : 0.0));
    }
    // ICU's word starting here, when the general list does not know it.
    if (boundary_[i]) {
      std::size_t end = i + 1;
      while (!boundary_[end]) ++end;
      if (end - i >= 2) {
        const Lexicon::Entry* e = lex.find(run.substr(i, end - i));
        if (!e || !e->word) consider(end, kIcuWordLogP);
      }
    }
    // A number in Chinese numerals.
    if (is_chinese_numeral_char(run[i])) {
      std::size_t end = numeral_end;
      if (end - i >= 2) {
        consider(end, kNumeralLogP);
        if (end < n && is_number_suffix(run[end], hong_kong)) consider(end + 1, kNumeralLogP);
      }
    }
    best_[i] = best;
    next_[i] = best_end;
  }
  for (std::size_t i = 0; i < n; i = next_[i]) lengths.push_back(next_[i] - i);
}

std::vector<std::pair<std::size_t, std::size_t>> Segmenter::segment_line(const std::vector<FoldedChar>& chars,
                                                                        Mode mode) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  const std::size_t n = chars.size();
  if (mode == Mode::kPlainIcu) {
    std::u32string original;
    for (const auto& c : chars) original += c.code;  // ICU over the text (folded for width only)
    std::vector<std::size_t> lengths;
    std::size_t at = 0;
    // Cut at white space first; ICU never joins across it.
    while (at < n) {
      if (is_space(chars[at].code)) {
        ++at;
        continue;
      }
      std::size_t end = at;
      while (end < n && !is_space(chars[end].code)) ++end;
      lengths.clear();
      segment_han_icu_only(std::u32string_view(original).substr(at, end - at), lengths);
      for (std::size_t len : lengths) {
        words.emplace_back(at, at + len);
        at += len;
      }
    }
    return words;
  }
  std::u32string run;
  std::vector<std::size_t> lengths;
  bool hong_kong = false;
  for (const auto& c : chars)
    if (c.han && c.code != c.source) hong_kong = true;
  auto convention = hong_kong ? Convention::kHongKong : Convention::kMainland;
  std::size_t i = 0;
  auto in_han_run = [&](std::size_t k) { return chars[k].han || chars[k].code == U'○'; };
  while (i < n) {
    char32_t c = chars[i].code;
    if (is_space(c)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    if (in_han_run(i)) {
      while (j < n && in_han_run(j)) ++j;
      run.clear();
      for (std::size_t k = i; k < j; ++k) run += chars[k].code;
      lengths.clear();
      segment_han(run, lengths, convention);
      std::size_t at = i;
      for (std::size_t len : lengths) {
        words.emplace_back(at, at + len);
        at += len;
      }
      i = j;
      continue;
    }
    if (is_digit_or_letter(c)) {
      // Letters and digits together; a decimal point, comma or colon between digits; a percent sign.
      while (j < n) {
        char32_t d = chars[j].code;
        if (is_digit_or_letter(d)) {
          ++j;
        } else if ((d == U'.' || d == U',' || d == U':') && j + 1 < n && chars[j + 1].code < 0x80 &&
                   std::isdigit(static_cast<int>(chars[j + 1].code)) && std::isdigit(static_cast<int>(chars[j - 1].code))) {
          j += 2;
        } else {
          break;
        }
      }
      if (j < n && chars[j].code == U'%') ++j;
      bool number = std::isdigit(static_cast<int>(c)) && std::isdigit(static_cast<int>(chars[j - 1].code));
      if (number && j < n && is_number_suffix(chars[j].code, hong_kong)) ++j;
      words.emplace_back(i, j);
      i = j;
      continue;
    }
    // Punctuation and symbols: alone, but a run of the same mark (—— ……) stays together.
    while (j < n && chars[j].code == c && !is_digit_or_letter(c)) ++j;
    words.emplace_back(i, j);
    i = j;
  }
  return words;
}

}  // namespace provisio
