#include "report_workbook.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "submission_output.h"

namespace provisio::output {

namespace {

using submissions::Report;

std::string sheet_name(const std::string& by) {
  if (by == "link") return "Links";
  if (by == "question") return "By question";
  if (by == "topic") return "By topic";
  return "By provision";
}

// Excel keeps at most 32,767 characters in a cell; a longer note is cut at a character boundary
// rather than failing the whole workbook.
std::string cell_text(const std::string& s) {
  constexpr std::size_t kMax = 32767;
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

class Sheet {
 public:
  Sheet(lxw_workbook* book, const std::string& name, lxw_format* bold)
      : sheet_(workbook_add_worksheet(book, name.c_str())), bold_(bold) {}

  void header(const std::vector<std::string>& names, const std::vector<double>& widths) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), names[c].c_str(), bold_);
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    columns_ = names.size();
    worksheet_freeze_panes(sheet_, 1, 0);
  }
  void text(lxw_row_t row, std::size_t col, const std::string& value) {
    if (!value.empty())
      worksheet_write_string(sheet_, row, static_cast<lxw_col_t>(col), cell_text(value).c_str(), nullptr);
  }
  void number(lxw_row_t row, std::size_t col, double value) {
    worksheet_write_number(sheet_, row, static_cast<lxw_col_t>(col), value, nullptr);
  }
  void finish(lxw_row_t rows) {
    worksheet_autofilter(sheet_, 0, 0, rows, static_cast<lxw_col_t>(columns_ - 1));
  }

 private:
  lxw_worksheet* sheet_;
  lxw_format* bold_;
  std::size_t columns_ = 0;
};

void write_grouping(Sheet& sheet, const Report& report) {
  std::string key = report.by == "topic" ? "topic" : report.by == "question" ? "question" : "provision";
  sheet.header({key, "kind", "heading", "count", "letters", "submissions"}, {32, 10, 60, 8, 8, 40});
  lxw_row_t row = 0;
  for (const auto& r : report.rows) {
    ++row;
    std::string ids;
    for (const auto& e : r.submissions) ids += (ids.empty() ? "" : "; ") + report_entry_label(e);
    sheet.text(row, 0, r.key);
    sheet.text(row, 1, r.kind);
    sheet.text(row, 2, r.heading);
    sheet.number(row, 3, static_cast<double>(r.submissions.size()));
    sheet.number(row, 4, static_cast<double>(r.letters()));
    sheet.text(row, 5, ids);
  }
  sheet.finish(row);
}

void write_links(Sheet& sheet, const Report& report) {
  sheet.header(report_link_columns(), {12, 30, 12, 40, 32, 40, 14, 22, 40});
  lxw_row_t row = 0;
  for (const auto& l : report.links) {
    ++row;
    auto cells = report_link_cells(l);
    for (std::size_t c = 0; c < cells.size(); ++c) sheet.text(row, c, cells[c]);
  }
  sheet.finish(row);
}

}  // namespace

void write_report_workbook(const std::vector<Report>& reports, const std::string& path) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) throw std::runtime_error("cannot write " + path);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (const auto& report : reports) {
    Sheet sheet(book, sheet_name(report.by), bold);
    if (report.by == "link") write_links(sheet, report);
    else write_grouping(sheet, report);
  }
  lxw_error rc = workbook_close(book);
  if (rc != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(rc));
}

std::string report_workbook_bytes(const std::vector<Report>& reports) {
  std::string pattern = (std::filesystem::temp_directory_path() / "provisio-report-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{pattern};
  write_report_workbook(reports, pattern);
  std::ifstream in(pattern, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace provisio::output
