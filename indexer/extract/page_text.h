// Plain text as `pdftotext -layout` writes it, cleaned of page furniture: running headers and
// footers (lines repeated at the top or bottom of many pages, digits ignored), page numbers
// ("12", "- 12 -", "Page 12 of 40", "第12頁") at page edges, table-of-contents lines (a dot leader
// and a page number, or a structure marker, a wide gap and a page number; "Contents" / 目錄),
// layout indentation and column gaps. Text copied from a PDF viewer has no form feeds: an explicit
// page-number line ("Page 2 of 3", "第 2 頁，共 3 頁", "- 2 -") is dropped wherever it is and ends a page.
// Joining wrapped lines is left to the outline builder, which knows where units start.
#pragma once

#include <string>
#include <vector>

#include "source_line.h"

namespace provisio::import {

struct PageCleanup {
  int pages = 0;
  int furniture_lines = 0;  // running headers and footers dropped
  int page_numbers = 0;     // page-number lines dropped
  int contents_lines = 0;   // table-of-contents lines dropped ("Article 1 Objective ...... 3")
};

// True for the lines web pages put around the content outside any header or footer element:
// "Last revised: …", "© 2020 …", "Copyright …", "Privacy Policy", "Back to top", 最後修訂日期,
// 版權所有, 重要告示, 返回頁首…
bool is_site_furniture(const std::string& line);

// The non-blank lines of `text` (UTF-8; pages separated by form feeds or explicit page-number
// lines) minus furniture. Lines of any length are safe (no regular expressions).
std::vector<SourceLine> clean_page_text(const std::string& text, PageCleanup& cleanup);

}  // namespace provisio::import
