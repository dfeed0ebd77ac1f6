// The one tokenizer: it alone decides where a word starts and ends and what term it gives, for
// indexing (Analyzer::index_text), queries (Analyzer's query lexer), snippets and link
// suggestions (Analyzer::tokenize). Before it existed, indexing used Xapian's TermGenerator,
// snippets split on every non-word character and the query lexer kept chunks whole, so AT&T,
// C++, 1,000.5 and don't gave different terms on each path.
//
// Words (everything that is not Chinese; input is already folded by TextFolder):
//   - a word is a run of Unicode word characters, lower-cased;
//   - it carries on through one joining character between two word characters: `&`, `'` (and
//     U+2019, U+201B, read as `'`), U+00B7, U+05F4, U+2027 (AT&T -> at&t, don't -> don't); between
//     two digits also `,` `.` `;` and a few look-alikes (1,000.5 -> 1,000.5); zero-width
//     characters between word characters are dropped;
//   - up to three trailing `+` or `#` belong to it when no word character follows (C++ -> c++,
//     C# -> c#; fish+chips is two words);
//   - capital letters separated by dots form one word (C.C.C. -> ccc);
//   - a word longer than kMaxWordBytes is cut to its first kMaxWordBytes bytes (at a character
//     boundary), on every path, so a query for it still finds it;
//   - its ranked term is "Z" + the English stem, except for stopwords and words that do not start
//     with a letter (numbers, codes starting with a digit), which have none.
// These rules are Xapian's own (TermGenerator and QueryParser split words this way), written down
// here so that the rewritten query handed to QueryParser gives exactly the tokenizer's terms.
//
// Chinese runs (see analyzer.h for why): overlapping bigrams with positions, every character
// (the first and last with the positions of the first and last bigrams, a one-character run with
// its own), and "Z" + each word of the segmentation without positions.
//
// Not thread-safe: it uses the TextFolder and Segmenter it is given (one per thread).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter.h"
#include "text_folder.h"

namespace provisio {

// A term of a text, with where it lies in the original bytes.
struct Token {
  std::size_t begin = 0;  // byte range in the original text
  std::size_t end = 0;
  std::string term;  // the positional or character term (lower-case word, bigram, character); may be empty
  std::string stem;  // "Z" + stem for English words, "Z" + word for Chinese words; empty when not indexed
  Xapian::termpos position = 0;  // of `term`, from 1 within the text; 0 when `term` has no position
};

// A word of a non-Chinese stretch of folded characters (indices into that vector).
struct Word {
  std::size_t first = 0;     // its first character
  std::size_t last = 0;      // its last character (inclusive): the trailing dot of C.C.C., the ++ of C++
  std::size_t kept_end = 0;  // one past the last character the term keeps (< last + 1 when cut)
  std::string term;          // lower-case, at most kMaxWordBytes bytes
};

class Tokenizer {
 public:
  // Longest word term, in bytes (Xapian's TermGenerator default; terms must stay under 245 bytes).
  static constexpr std::size_t kMaxWordBytes = 64;

  // The tokenizer reads through `folder` and `segmenter` and stems with `stemmer`, leaving
  // `stopper`'s words without a ranked term. All four must outlive it.
  Tokenizer(TextFolder& folder, Segmenter& segmenter, const Xapian::Stem& stemmer, const Xapian::Stopper& stopper)
      : folder_(folder), segmenter_(segmenter), stemmer_(stemmer), stopper_(stopper) {}

  // The tokens of `text`: per word its term and stem; per Chinese run its characters and bigrams
  // (in text order) then its words. Positions count from 1. Invalid UTF-8 reads as U+FFFD
  // (counted by the folder's invalid_sequences()).
  std::vector<Token> tokenize(std::string_view text);
  // The same for already folded characters, appended to `out`; positions continue after `*pos`,
  // which is left at the last position used.
  void tokens_of(const std::vector<FoldedChar>& chars, std::vector<Token>& out, Xapian::termpos& pos);

  // The words of the non-Chinese characters chars[begin, end), appended to `out`.
  static void split_words(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end,
                          std::vector<Word>& out);
  // The ranked term of a word term: "Z" + stem, or empty for stopwords and words not starting
  // with a letter.
  std::string ranked_term(const std::string& term) const;

 private:
  void han_tokens(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end, std::vector<Token>& out,
                  Xapian::termpos& pos);

  TextFolder& folder_;
  Segmenter& segmenter_;
  const Xapian::Stem& stemmer_;
  const Xapian::Stopper& stopper_;
  std::vector<Word> words_;  // scratch
  std::u32string run_;       // scratch: a Chinese run for the segmenter
  std::vector<std::size_t> lengths_;
};

}  // namespace provisio
