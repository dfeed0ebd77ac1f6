#include "han_fold_table.h"

#include "fnv1a.h"

#include <algorithm>
#include <iterator>
#include <vector>

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

bool is_simplified_form(char32_t cp) {
  // The table's targets, sorted once (a function-local static: thread-safe initialisation).
  static const std::vector<char32_t> targets = [] {
    std::vector<char32_t> t;
    for (const Change& c : kChanges) t.push_back(c.to);
    std::sort(t.begin(), t.end());
    return t;
  }();
  return std::binary_search(targets.begin(), targets.end(), cp);
}

}  // namespace provisio
