// Chinese word segmentation: ICU's dictionary-based word BreakIterator, corrected by the lexicon.
//
// A run of folded (Simplified) Chinese characters is cut by choosing, over a lattice of candidate
// words, the segmentation of highest probability: the candidates are ICU's words, the words of the
// general word list (weighted by their frequency), numbers written in Chinese numerals (二○○一,
// 三十一) and the domain lexicon's words, which carry a high fixed weight so that the longest
// domain match wins over any split of it (粤港澳大湾区, 资质认定, 香港认可处).
//
// segment_line() cuts a whole line the way word-segmentation scorers read it: Chinese runs as
// above, Latin letters and digits together (CPC8676), numbers with their decimal point or percent
// sign, each punctuation mark alone (a run of one dash or ellipsis kept together).
//
// Not thread-safe (owns an ICU BreakIterator): use one Segmenter per thread. The Lexicon is shared.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "text_folder.h"

namespace provisio {

class Segmenter {
 public:
  // With no lexicon given, Lexicon::standard() is loaded on the first Chinese run.
  explicit Segmenter(std::shared_ptr<const Lexicon> lexicon = nullptr);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Where the two standards of word segmentation differ (the Hong Kong one, as in the CityU
  // corpus, and the Mainland one, as in the PKU corpus): the Hong Kong convention keeps the
  // prefixes 第 每 各 apart from what follows (第 一, 每 年) and a number apart from 年 and 日
  // (2001 年); the Mainland one joins them (第一, 2001年, 三十一日). Both join a number with 月,
  // 万 and 亿. Indexing does not depend on it: Chinese is also indexed as bigrams.
  enum class Convention { kMainland, kHongKong };

  // Appends to `lengths` the length in characters of each word of `run` (folded Han characters),
  // in order; the lengths add up to run.size().
  void segment_han(std::u32string_view run, std::vector<std::size_t>& lengths,
                   Convention convention = Convention::kMainland);

  // The same with ICU's word BreakIterator alone (the baseline the lexicon corrects).
  void segment_han_icu_only(std::u32string_view run, std::vector<std::size_t>& lengths);

  // The lexicon in use (loading the standard one on first call).
  const Lexicon& lexicon();

  enum class Mode { kFull, kPlainIcu };
  // The words of a line, as [begin, end) indices into `chars` (the line folded by TextFolder);
  // white space belongs to no word. kPlainIcu runs ICU's BreakIterator over the original
  // characters, for comparison. A line written in Traditional characters (any character that
  // folds to another) follows the Hong Kong convention, other lines the Mainland one.
  std::vector<std::pair<std::size_t, std::size_t>> segment_line(const std::vector<FoldedChar>& chars,
                                                                Mode mode = Mode::kFull);

 private:
  void icu_boundaries(std::u32string_view run, std::vector<bool>& boundary);

  std::shared_ptr<const Lexicon> lexicon_;
  struct Icu;
  std::unique_ptr<Icu> icu_;
  // Scratch space reused between calls (no allocation per run once warmed up).
  std::vector<bool> boundary_;
  std::vector<double> best_;
  std::vector<std::size_t> next_;
};

}  // namespace provisio
