// Traditional-to-Simplified folding of one Chinese character, from a table generated at build
// time (generate/make_han_fold_table.cc) by running ICU's "Traditional-Simplified" transform over
// every Han code point. Looking a character up costs a binary search in 2,853 entries, where
// creating the transform cost about 15 ms per process.
#pragma once

#include <cstdint>

namespace provisio {

// The Simplified form of `cp`, or `cp` itself when the transform leaves it unchanged.
char32_t simplified_han(char32_t cp);

// A hash of the whole table. What was folded with one table is stale for another (a new ICU can
// change it), so caches of folded data (the lexicon cache) carry this in their key.
std::uint64_t han_fold_table_fingerprint();

}  // namespace provisio
