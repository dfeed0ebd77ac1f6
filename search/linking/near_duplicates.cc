#include "near_duplicates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "fnv1a.h"
#include "text_folder.h"
#include "utf8.h"

namespace provisio {

namespace {

using Tuning = NearDuplicateTuning;

// SplitMix64's finaliser: turns one 64-bit hash into a well-mixed other, so that xor-ing a seed
// into a shingle's hash gives independent-looking hash functions.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Union-find over text indexes.
struct Components {
  std::vector<std::size_t> parent;
  explicit Components(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

std::vector<std::string> near_duplicate_tokens(std::string_view text) {
  TextFolder folder;
  std::vector<std::string> tokens;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) tokens.push_back(std::move(word));
    word.clear();
  };
  for (const auto& ch : folder.fold_chars(text)) {
    if (ch.han) {
      flush();
      tokens.push_back(ch.folded);
      continue;
    }
    const auto* s = reinterpret_cast<const uint8_t*>(ch.folded.data());
    int32_t n = static_cast<int32_t>(ch.folded.size()), i = 0;
    while (i < n) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c >= 0 && u_isalnum(c))
        append_utf8(word, static_cast<char32_t>(u_tolower(c)));
      else
        flush();
    }
  }
  flush();
  return tokens;
}

MinHashSignature minhash_signature(std::string_view text) {
  auto tokens = near_duplicate_tokens(text);
  if (tokens.size() < Tuning::kMinTokens) return {};
  MinHashSignature signature(Tuning::kHashes, std::numeric_limits<std::uint64_t>::max());
  for (std::size_t i = 0; i + Tuning::kShingle <= tokens.size(); ++i) {
    std::uint64_t h = kFnv1aOffset;
    for (std::size_t k = 0; k < Tuning::kShingle; ++k) h = fnv1a_step(fnv1a(tokens[i + k], h), 0x1F);
    for (std::size_t f = 0; f < Tuning::kHashes; ++f) {
      std::uint64_t v = mix(h ^ mix(f + 1));
      if (v < signature[f]) signature[f] = v;
    }
  }
  return signature;
}

double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<std::vector<std::size_t>> group_near_duplicates(const std::vector<MinHashSignature>& signatures,
                                                            std::size_t min_size) {
  Components components(signatures.size());
  for (std::size_t band = 0; band < Tuning::kBands; ++band) {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
      if (signatures[i].size() != Tuning::kHashes) continue;
      std::uint64_t key = fnv1a_step(kFnv1aOffset, band);
      for (std::size_t r = 0; r < Tuning::kRows; ++r)
        key = fnv1a_step(key, signatures[i][band * Tuning::kRows + r]);
      buckets[key].push_back(i);
    }
    for (const auto& [key, members] : buckets)
      for (std::size_t a = 0; a < members.size(); ++a)
        for (std::size_t b = a + 1; b < members.size(); ++b) {
          std::size_t x = members[a], y = members[b];
          if (components.find(x) == components.find(y)) continue;
          if (estimated_similarity(signatures[x], signatures[y]) >= Tuning::kThreshold) components.join(x, y);
        }
  }
  std::vector<std::vector<std::size_t>> groups;
  std::unordered_map<std::size_t, std::size_t> group_of_root;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    std::size_t root = components.find(i);
    auto [it, fresh] = group_of_root.emplace(root, groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  std::erase_if(groups, [&](const auto& g) { return g.size() < std::max<std::size_t>(min_size, 2); });
  return groups;
}

}  // namespace provisio
