// Word-by-word differences between two texts: English by words, Chinese character by character
// (Chinese has no spaces to split on, and a changed character is the unit a reader notices).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace provisio {

struct DiffOp {
  enum Kind { kEqual, kDelete, kInsert } kind;
  std::string text;
};

// The shortest edit turning `before` into `after`, as runs of equal, deleted and inserted text.
// Concatenating the equal and deleted runs gives `before`; the equal and inserted runs, `after`.
std::vector<DiffOp> diff_texts(std::string_view before, std::string_view after);

const char* diff_kind_name(DiffOp::Kind kind);  // "equal", "delete", "insert"

}  // namespace provisio
