// Levenshtein distance between two byte strings: how "did you mean" finds near ids, commands and
// words. Ids, commands and corpus words are ASCII, so bytes are characters here.
#pragma once

#include <cstddef>
#include <string_view>

namespace provisio {

std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace provisio
