// Script detection: the one answer to "is this Chinese?" and "Traditional or Simplified?", for the
// text folder, the submission language detector and the CLI's choice of default language.
// Han is ICU's script property; Traditional or Simplified comes from the build-time
// Traditional-to-Simplified table (han_fold_table.h), so no ICU transform is created at run time.
// Thread-safe.
#pragma once

#include <string_view>

namespace provisio {

// True for a Han (Chinese) character, by ICU's script property.
bool is_han(char32_t c);

// True when `utf8` holds at least one Han character (invalid bytes are skipped).
bool contains_han(std::string_view utf8);

enum class HanVariant {
  kShared,       // written the same in both scripts (or not Han)
  kTraditional,  // a Traditional form that the table simplifies (檢)
  kSimplified,   // a Simplified form that some Traditional character becomes (检)
};
HanVariant han_variant(char32_t c);

}  // namespace provisio
