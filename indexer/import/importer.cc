#include "importer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "charset.h"
#include "corpus.h"
#include "date.h"
#include "docx.h"
#include "html.h"
#include "tidy.h"
#include "line_scan.h"

namespace provisio::import {

namespace {

std::string read_bytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw ImportError(path + ": cannot read: it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImportError(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "b." or "iv.": one to six lower-case letters and a full stop.
bool is_letter_label(const std::string& label) {
  if (label.size() < 2 || label.size() > 7 || label.back() != '.') return false;
  for (std::size_t i = 0; i + 1 < label.size(); ++i)
    if (label[i] < 'a' || label[i] > 'z') return false;
  return true;
}

// Whether `head` has an opening tag <!doctype html, <html, <body, <p, <div or <h1..<h6 followed by
// white space or '>' (any case).
bool starts_like_html(std::string_view head) {
  for (std::size_t lt = head.find('<'); lt != std::string_view::npos; lt = head.find('<', lt + 1)) {
    for (std::string_view name : {"!doctype html", "html", "body", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6"}) {
      LineScan s(head.substr(lt + 1));
      if (!s.eat_icase(name) || s.at_end()) continue;
      char next = s.rest()[0];
      if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '\f' || next == '\v')
        return true;
    }
  }
  return false;
}

// Text formats must be UTF-8 text: no NUL bytes, no invalid sequences. A BOM is dropped.
std::string checked_text(const std::string& path, std::string bytes) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  if (std::size_t nul = bytes.find('\0'); nul != std::string::npos)
    throw ImportError(path + ": binary file (a NUL byte at offset " + std::to_string(nul) +
                      "), expected text; Word files need --format docx");
  if (std::size_t bad = find_invalid_utf8(bytes); bad != std::string::npos)
    throw ImportError(path + ": not UTF-8 text (invalid byte at offset " + std::to_string(bad) +
                      "); convert it first, e.g. iconv -f BIG5 -t UTF-8");
  if (tidy_whitespace(bytes).empty()) throw ImportError(path + ": the file has no text");
  return bytes;
}

std::vector<SourceLine> lines_from_blocks(const std::vector<extract::Block>& blocks, PageCleanup& cleanup) {
  std::vector<SourceLine> lines;
  for (const auto& b : blocks) {
    if (b.style == "th") continue;  // column labels ("No. | Sector | Measures") are not provisions
    if (is_site_furniture(b.text)) {
      ++cleanup.furniture_lines;
      continue;
    }
    SourceLine l;
    l.line = b.source_line;
    std::string label = b.list_label;
    // A browser's "b." or "iv." for <ol type="a|i"> reads as the drafters' "(b)" / "(iv)".
    if (is_letter_label(label)) label = "(" + label.substr(0, label.size() - 1) + ")";
    l.text = label.empty() ? b.text : label + " " + b.text;
    l.heading_level = b.heading_level;
    l.after_blank = true;  // every block is a paragraph of its own
    lines.push_back(std::move(l));
  }
  return lines;
}

void check_date(const std::string& value, const char* option) {
  if (!value.empty() && !Date::parse(value))
    throw ImportUsageError("bad date '" + value + "' for " + option + ": expected a real day as YYYY-MM-DD");
}

std::string diagnostics_text(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += (out.empty() ? "" : "\n") + d.to_string();
  return out;
}

}  // namespace

std::string detect_format(const std::string& path, const std::string& bytes) {
  std::string ext = lower(std::filesystem::path(path).extension().string());
  if (ext == ".docx") return "docx";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".txt" || ext == ".text") return "text";
  if (bytes.rfind("PK\x03\x04", 0) == 0) return "docx";
  return starts_like_html(std::string_view(bytes).substr(0, 4096)) ? "html" : "text";
}

ImportPlan plan_import(const ImportRequest& request) {
  const std::string& path = request.input;
  InstrumentFacts facts = request.facts;
  check_date(facts.signed_on, "--signed");
  check_date(facts.effective, "--effective");
  check_date(facts.version_from, "--from");
  if (!facts.id.empty() && !is_instrument_id(facts.id))
    throw ImportUsageError("bad instrument id '" + facts.id + "': " + std::string(kInstrumentIdRule));
  if (request.merge_into.empty()) {
    if (facts.id.empty()) throw ImportUsageError("--instrument is required unless --merge is given");
    if (facts.signed_on.empty())
      throw ImportUsageError("--signed is required unless --merge is given (the corpus format needs the date signed)");
  }

  ImportPlan plan;
  std::string bytes = read_bytes(path);
  if (bytes.empty()) throw ImportError(path + ": the file is empty");
  plan.format = request.format.empty() ? detect_format(path, bytes) : request.format;
  if (plan.format != "docx") {
    // Legacy encodings: as told, else (HTML) as the page declares when it is not UTF-8 already.
    std::string charset = request.encoding;
    if (!charset.empty() && !submissions::is_known_charset(charset))
      throw ImportUsageError("unknown encoding '" + charset + "' for --encoding");
    if (charset.empty() && plan.format == "html" && find_invalid_utf8(bytes) != std::string::npos)
      if (std::string declared = submissions::html_meta_charset(bytes); declared != "utf-8" && declared != "utf8")
        charset = declared;
    if (!charset.empty()) {
      try {
        bytes = submissions::decode(bytes, charset).utf8;
      } catch (const submissions::CharsetError& e) {
        if (request.encoding.empty()) throw ImportError(path + ": " + e.what() + " (the encoding its <meta> declares)");
        throw ImportError(path + ": " + e.what());
      }
    }
  }
  std::vector<SourceLine> lines;
  try {
    if (plan.format == "docx") {
      lines = lines_from_blocks(extract::docx_blocks(bytes), plan.cleanup);
    } else if (plan.format == "html") {
      lines = lines_from_blocks(extract::html_blocks(checked_text(path, bytes)), plan.cleanup);
    } else {
      lines = clean_page_text(checked_text(path, bytes), plan.cleanup);
    }
  } catch (const extract::ExtractError& e) {
    throw ImportError(path + ": " + e.what());
  }
  if (lines.empty()) throw ImportError(path + ": the file has no text");
  plan.outline = build_outline(lines, request.lang != "en");
  if (plan.outline.top.empty())
    throw ImportError(path + ": no structure found: no chapter, article, annex, table or numbered paragraph was recognised");
  plan.counts = count_levels(plan.outline);
  if (!facts.titles.count(request.lang) && !plan.outline.title.empty())
    facts.titles[request.lang] = plan.outline.title;
  facts.source_name = std::filesystem::path(path).filename().string();
  facts.format = plan.format;

  pugi::xml_document doc;
  if (!request.merge_into.empty()) {
    Diagnostics diagnostics;
    parse_instrument_file(request.merge_into, diagnostics);
    if (!diagnostics.empty())
      throw ImportError(diagnostics_text(diagnostics) + "\n" + request.merge_into +
                        ": cannot merge into a file that is not a valid corpus file");
    pugi::xml_parse_result result =
        doc.load_file(request.merge_into.c_str(), pugi::parse_default | pugi::parse_comments | pugi::parse_declaration);
    if (!result) throw ImportError(request.merge_into + ": cannot read: " + result.description());
    std::string file_id = doc.document_element().attribute("id").value();
    if (facts.id.empty()) facts.id = file_id;
    if (facts.id != file_id)
      throw ImportUsageError("--instrument " + facts.id + " does not match " + request.merge_into +
                             ", which is instrument '" + file_id + "'");
  } else {
    for (const char* lang : {"en", "zh-Hant"})
      if (!facts.titles.count(lang))
        throw ImportUsageError(std::string("the instrument needs a title in ") + lang + ": give --title " + lang +
                               "=TEXT (the corpus format requires titles in en and zh-Hant)");
    start_instrument(doc, facts);
  }
  plan.merged = merge_outline(doc, plan.outline, request.lang, facts);
  std::ostringstream xml;
  doc.save(xml, "  ", pugi::format_indent, pugi::encoding_utf8);
  plan.xml = xml.str();
  return plan;
}

namespace {

// "PATH: cannot write: REASON" for an errno value.
ImportError write_error(const std::string& output, int error) {
  return ImportError(output + ": cannot write: " + std::strerror(error));
}

// Writes all of `bytes` to `fd`, then flushes it to the disk; false with errno set on failure.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::fsync(fd) == 0;
}

// The permissions a new file gets from open(2): 0666 less the process's umask.
mode_t new_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void write_import(const ImportPlan& plan, const std::string& output) {
  namespace fs = std::filesystem;
  fs::path out(output);
  std::error_code ec;
  // A symbolic link is followed: the file it names is replaced, the link stays.
  if (fs::is_symlink(fs::symlink_status(out, ec))) {
    out = fs::canonical(out, ec);
    if (ec) throw ImportError(output + ": cannot write: " + ec.message());
  }
  // Only a regular file is replaced: renaming over a folder failed with a misleading message, and
  // over a device or FIFO (as root) it put the corpus file in the device's place.
  mode_t mode = new_file_mode();
  struct stat existing {};
  if (::stat(out.c_str(), &existing) == 0) {
    if (S_ISDIR(existing.st_mode)) throw ImportError(output + ": cannot write: it is a folder (give a file name)");
    if (!S_ISREG(existing.st_mode))
      throw ImportError(output + ": cannot write: not a regular file (a device, FIFO or socket)");
    mode = existing.st_mode & 07777;
  } else if (errno != ENOENT) {
    throw write_error(output, errno);
  }
  // The temporary file: a name no one can predict, created exclusively (mkstemp: O_CREAT|O_EXCL),
  // in the target's folder so that the final rename cannot cross file systems.
  fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + out.filename().string() + ".import-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw write_error(output, errno);
  auto discard = [&](int error) {
    ::unlink(temp.c_str());
    return write_error(output, error);
  };
  if (!write_all(fd, plan.xml) || ::fchmod(fd, mode) != 0) {
    int error = errno;
    ::close(fd);
    throw discard(error);
  }
  if (::close(fd) != 0) throw discard(errno);
  Diagnostics diagnostics;
  parse_instrument_file(temp, diagnostics);
  if (!diagnostics.empty()) {
    ::unlink(temp.c_str());
    Diagnostic first = diagnostics.front();
    first.file = output;
    throw ImportError("internal error: the result would not be a valid corpus file (" + first.to_string() +
                      "); nothing was written");
  }
  if (::rename(temp.c_str(), out.c_str()) != 0) throw discard(errno);
}

}  // namespace provisio::import
