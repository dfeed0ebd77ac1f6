#include "han_fold_table.h"

#include "fnv1a.h"

#include <algorithm>
#include <iterator>

namespace provisio {

namespace {

struct Change {
  char32_t from;
  char32_t to;
};

// Sorted by `from` (the generator walks the code points in order).
constexpr Change kChanges[] = {
#include "han_fold_table.inc"
};

}  // namespace

char32_t simplified_han(char32_t cp) {
  auto it = std::lower_bound(std::begin(kChanges), std::end(kChanges), cp,
                             [](const Change& c, char32_t key) { return c.from < key; });
  return it != std::end(kChanges) && it->from == cp ? it->to : cp;
}

std::uint64_t han_fold_table_fingerprint() {
  static const std::uint64_t fingerprint = [] {
    std::uint64_t h = kFnv1aOffset;
    for (const Change& c : kChanges)
      for (char32_t cp : {c.from, c.to}) {
        const char bytes[4] = {static_cast<char>(cp), static_cast<char>(cp >> 8), static_cast<char>(cp >> 16),
                               static_cast<char>(cp >> 24)};
        h = fnv1a(std::string_view(bytes, 4), h);
      }
    return h;
  }();
  return fingerprint;
}

}  // namespace provisio
