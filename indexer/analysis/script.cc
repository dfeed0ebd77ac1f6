#include "script.h"

#include <unicode/uscript.h>

#include "han_fold_table.h"
#include "utf8.h"

namespace provisio {

bool is_han(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool contains_han(std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();)
    if (is_han(decode_utf8(utf8, pos))) return true;
  return false;
}

HanVariant han_variant(char32_t c) {
  if (simplified_han(c) != c) return HanVariant::kTraditional;
  return is_simplified_form(c) ? HanVariant::kSimplified : HanVariant::kShared;
}

}  // namespace provisio
