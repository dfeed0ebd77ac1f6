// Builds small PDF files in tests, so the whole path "PDF -> pdftotext -layout -> provisio import"
// runs on something a PDF reader would open. Text only, in the standard Helvetica font (so ASCII
// only), one text object per line at the position given.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace provisio::testing {

struct PdfLine {
  double x = 72, y = 770;  // points from the bottom-left corner of an A4 page
  std::string text;        // ASCII
};

// A PDF with one page per entry of `pages`.
inline std::string make_pdf(const std::vector<std::vector<PdfLine>>& pages) {
  std::vector<std::string> objects;  // object n is objects[n - 1]
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("");  // the page tree, filled in below
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const auto& page : pages) {
    std::string content;
    for (const auto& line : page) {
      std::string escaped;
      for (char c : line.text) {
        if (c == '(' || c == ')' || c == '\\') escaped += '\\';
        escaped += c;
      }
      char position[64];
      std::snprintf(position, sizeof position, "%.1f %.1f", line.x, line.y);
      content += std::string("BT /F1 10 Tf ") + position + " Td (" + escaped + ") Tj ET\n";
    }
    std::size_t page_number = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(page_number + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    kids += std::to_string(page_number) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace provisio::testing
