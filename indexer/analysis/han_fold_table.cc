#include "han_fold_table.h"

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

}  // namespace provisio
