#include "text_diff.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace provisio {

namespace {

// Tokens: a run of letters/digits (an English word or a number), or any single other character
// (a Chinese character, a space, a punctuation mark).
std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  bool in_word = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    bool han = u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
    bool word_char = !han && (u_isalnum(c) || c == '\'' || c == '-');
    std::string piece(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    if (word_char && in_word)
      out.back() += piece;
    else
      out.push_back(piece);
    in_word = word_char;
  }
  return out;
}

void push(std::vector<DiffOp>& ops, DiffOp::Kind kind, const std::string& text) {
  if (!ops.empty() && ops.back().kind == kind)
    ops.back().text += text;
  else
    ops.push_back({kind, text});
}

// True for an unchanged stretch too small to read on its own between two changes: spaces, or one
// character. Rewritten sentences otherwise read as "{+all+}[-products-] {+CCC+}[-processed-]".
bool is_glue(const std::string& text) {
  if (text.find_first_not_of(" \t\n") == std::string::npos) return true;
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return chars <= 1;
}

// Folds glue between changes into one deletion followed by one insertion.
std::vector<DiffOp> merge_scattered_changes(const std::vector<DiffOp>& ops) {
  std::vector<DiffOp> out;
  std::string deleted, inserted;
  auto flush = [&] {
    if (!deleted.empty()) out.push_back({DiffOp::kDelete, deleted});
    if (!inserted.empty()) out.push_back({DiffOp::kInsert, inserted});
    deleted.clear();
    inserted.clear();
  };
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const DiffOp& op = ops[i];
    bool pending = !deleted.empty() || !inserted.empty();
    if (op.kind == DiffOp::kDelete) {
      deleted += op.text;
    } else if (op.kind == DiffOp::kInsert) {
      inserted += op.text;
    } else if (pending && i + 1 < ops.size() && is_glue(op.text)) {
      deleted += op.text;
      inserted += op.text;
    } else {
      flush();
      out.push_back(op);
    }
  }
  flush();
  return out;
}

}  // namespace

const char* diff_kind_name(DiffOp::Kind kind) {
  switch (kind) {
    case DiffOp::kEqual: return "equal";
    case DiffOp::kDelete: return "delete";
    case DiffOp::kInsert: return "insert";
  }
  return "equal";
}

std::vector<DiffOp> diff_texts(std::string_view before, std::string_view after) {
  auto a = tokens(before), b = tokens(after);
  // Common prefix and suffix first: amendments usually change a little in the middle.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;

  // Longest common subsequence table over the middle (texts are provisions: small).
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

  std::vector<DiffOp> ops;
  for (std::size_t k = 0; k < prefix; ++k) push(ops, DiffOp::kEqual, a[k]);
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
      push(ops, DiffOp::kEqual, a[prefix + i]);
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      push(ops, DiffOp::kInsert, b[prefix + j++]);
    } else {
      push(ops, DiffOp::kDelete, a[prefix + i++]);
    }
  }
  for (std::size_t k = a.size() - suffix; k < a.size(); ++k) push(ops, DiffOp::kEqual, a[k]);
  return merge_scattered_changes(ops);
}

}  // namespace provisio
