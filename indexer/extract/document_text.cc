// .html and .docx submissions through the shared extract library (indexer/extract): the blocks in
// reading order, each a paragraph, with the list numbers the reader sees put back in front.
#include "docx.h"
#include "html.h"
#include "formats.h"

namespace provisio::submissions::detail {

namespace {

std::string join_blocks(const std::vector<extract::Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n\n";
    if (!b.list_label.empty()) out += b.list_label + " ";
    out += b.text;
  }
  return out;
}

}  // namespace

std::string html_text(std::string_view utf8) {
  try {
    return join_blocks(extract::html_blocks(std::string(utf8)));
  } catch (const extract::ExtractError& e) {
    throw FormatError(e.what());
  }
}

std::string docx_text(std::string_view bytes) {
  std::uint64_t budget = extract::kDocxInflateLimit;
  return docx_text(bytes, budget);
}

std::string docx_text(std::string_view bytes, std::uint64_t& inflate_budget) {
  try {
    return join_blocks(extract::docx_blocks(std::string(bytes), inflate_budget));
  } catch (const extract::ExtractError& e) {
    throw FormatError(e.what());
  }
}

}  // namespace provisio::submissions::detail
