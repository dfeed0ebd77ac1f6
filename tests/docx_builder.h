// Builds small .docx files in tests: a zip (written with libzip) holding word/document.xml and,
// optionally, word/styles.xml and word/numbering.xml, from XML literals. Word needs more parts to
// open a file; our reader needs only these.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace provisio::testing {

// The WordprocessingML namespace declaration to put on roots.
inline const std::string kWordNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A zip of the given members (name, content), returned as bytes.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
  TempDir dir;
  std::string path = dir / "out.zip";
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : members) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed");
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  return read_file(path);
}

// A .docx whose body is `body_xml` (w:p and w:tbl elements).
inline std::string make_docx(const std::string& body_xml, const std::string& styles_xml = "",
                             const std::string& numbering_xml = "") {
  std::vector<std::pair<std::string, std::string>> members = {
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + kWordNs + "><w:body>" + body_xml +
                                "</w:body></w:document>"}};
  if (!styles_xml.empty())
    members.push_back({"word/styles.xml", "<?xml version=\"1.0\"?><w:styles " + kWordNs + ">" + styles_xml + "</w:styles>"});
  if (!numbering_xml.empty())
    members.push_back(
        {"word/numbering.xml", "<?xml version=\"1.0\"?><w:numbering " + kWordNs + ">" + numbering_xml + "</w:numbering>"});
  return make_zip(members);
}

// A paragraph with style `style` (may be empty), optional numbering, and text in one run.
inline std::string docx_paragraph(const std::string& text, const std::string& style = "", int num_id = 0,
                                  int ilvl = 0) {
  std::string ppr;
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (num_id)
    ppr += "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" + std::to_string(num_id) +
           "\"/></w:numPr>";
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r></w:p>";
}

}  // namespace provisio::testing
