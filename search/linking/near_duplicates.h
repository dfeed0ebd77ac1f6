// Near-duplicate grouping of texts: which letters of an inbox are copies of one form letter (a
// campaign), each sender having changed a little (a name, a sentence added or left out).
//
// Method (MinHash over shingles, with locality-sensitive hashing to find candidate pairs):
// 1. Each text is folded as the index folds it (TextFolder: NFKC, Traditional to Simplified) and
//    lower-cased, then cut into tokens: a run of letters or digits is one token (an English word or
//    a number), each Chinese character is one token (Chinese has no spaces, and a character is the
//    unit a sender changes), and everything else separates tokens. So 檢測 and 检测, ＣＣＣ and CCC
//    read the same, and a Traditional and a Simplified copy of one letter are one text.
// 2. Its shingles are the runs of kShingle (4) consecutive tokens: four words, or four characters.
//    A changed name or sentence changes only the shingles that overlap it.
// 3. Its signature is kHashes (128) MinHash values: for each of 128 seeded 64-bit hash functions,
//    the smallest hash of any shingle. The share of equal values between two signatures estimates
//    the Jaccard similarity of their shingle sets (standard error about 0.04 at 128 hashes).
// 4. Candidate pairs are the texts that agree on all kRows (4) values of at least one of kBands
//    (32) bands of the signature, so no pair of texts is compared unless it is likely to match: a
//    pair of similarity 0.5 becomes a candidate with probability 0.87, one of 0.7 with 0.9999, one
//    of 0.1 with 0.003.
// 5. A candidate pair is similar when its estimated similarity is at least kThreshold (0.5); the
//    groups are the connected components of "similar" (single linkage: every member is similar to
//    at least one other member). A member missed by the banding in step 4 is still joined through
//    any other member it matches, which in a campaign of many letters is nearly certain.
// Texts of fewer than kMinTokens (30) tokens are never grouped: short notes ("see attached") are
// alike without being a campaign.
//
// Why these figures: on the synthetic campaigns of tests/campaign_letters.h (copies edited on both
// sides: greeting, signatory and firm, a sentence added or left out) any two copies of one letter
// score 0.57 or more, while different letters on the same subjects (CCC, CMA), even one quoting a
// sentence of a campaign, score 0.21 at most, with the 32 samples of tests/linking among them;
// 0.5 sits between the two. A lower threshold would start to join letters that share stock
// phrases; a higher one would split campaigns whose members edited more. `make eval-link` prints
// the grouping's precision and recall and these two margins.
//
// Cost: linear in the texts (one fold, 128 hashes per shingle) plus the candidate pairs of step 4;
// no two texts are compared unless the banding makes them candidates.
//
// Thread-safe: free functions; each call uses its own TextFolder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace provisio {

struct NearDuplicateTuning {
  static constexpr std::size_t kShingle = 4;
  static constexpr std::size_t kHashes = 128;
  static constexpr std::size_t kBands = 32;
  static constexpr std::size_t kRows = kHashes / kBands;
  static constexpr double kThreshold = 0.5;
  static constexpr std::size_t kMinTokens = 30;
};

// A text's MinHash signature; empty when the text has fewer than kMinTokens tokens.
using MinHashSignature = std::vector<std::uint64_t>;

// The folded, lower-cased tokens of `text` (step 1 above), each as UTF-8.
std::vector<std::string> near_duplicate_tokens(std::string_view text);
// The signature of `text` (steps 1 to 3).
MinHashSignature minhash_signature(std::string_view text);
// The estimated Jaccard similarity of two signatures, 0..1 (0 when either is empty).
double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b);

// The groups of near-identical texts among `texts` (steps 4 and 5): each group lists indexes into
// `texts` in increasing order, and the groups are ordered by their first index. Groups of fewer
// than `min_size` texts are left out (a text alone is never a group). REQUIRES: min_size >= 2.
std::vector<std::vector<std::size_t>> group_near_duplicates(const std::vector<MinHashSignature>& signatures,
                                                            std::size_t min_size = 2);

}  // namespace provisio
