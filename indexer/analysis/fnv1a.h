// FNV-1a, 64-bit: a hash that is the same in every build and run (std::hash need not be), for
// content hashes and cache keys. Not meant to resist anyone choosing inputs on purpose.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace provisio {

inline constexpr std::uint64_t kFnv1aOffset = 14695981039346656037ull;
inline constexpr std::uint64_t kFnv1aPrime = 1099511628211ull;

// One FNV-1a step: `h` extended by one unit (a byte, or a code point where keys are code points,
// as in the lexicon).
constexpr std::uint64_t fnv1a_step(std::uint64_t h, std::uint64_t unit) { return (h ^ unit) * kFnv1aPrime; }

// The hash of `bytes`, continuing from `h` (so pieces can be hashed one after another).
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnv1aOffset) {
  for (unsigned char c : bytes) h = fnv1a_step(h, c);
  return h;
}

// `h` as 16 lower-case hex digits.
inline std::string hex64(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace provisio
