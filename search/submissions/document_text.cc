#include "formats.h"

namespace provisio::submissions::detail {

std::string html_text(std::string_view) { throw FormatError(".html submissions are not readable yet"); }
std::string docx_text(std::string_view) { throw FormatError(".docx submissions are not readable yet"); }

}  // namespace provisio::submissions::detail
