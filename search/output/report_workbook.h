// The report as an Excel workbook (.xlsx, written with libxlsxwriter): staff work in Excel, and a
// workbook keeps every grouping of one report side by side, one sheet each.
//
// Thread-safe (each call writes its own file).
#pragma once

#include <string>
#include <vector>

#include "report.h"

namespace provisio::output {

// Writes the workbook at `path` (replacing any file there): one sheet per report, in order, named
// after its grouping ("By provision", "By question", "By topic", "Links"). A grouping sheet has
// the columns of the CSV report (id, kind, heading, count, letters, submissions); the links sheet those of
// the per-link report (report_link_columns()). Each sheet has a bold header row that stays in view,
// and a filter on every column. Throws std::runtime_error naming `path` when it cannot be written.
void write_report_workbook(const std::vector<submissions::Report>& reports, const std::string& path);

// The workbook's bytes, written through a temporary file (libxlsxwriter writes files only): for
// the web server's download.
std::string report_workbook_bytes(const std::vector<submissions::Report>& reports);

}  // namespace provisio::output
