// `provisio import` as a library: reads an official text (plain text from pdftotext, an HTML page
// or a Word .docx), finds its structure, and produces a corpus file, new or merged into an
// existing one. Planning and writing are separate so the caller can report unplaced text (and,
// with --strict, refuse) before anything is written.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "instrument_xml.h"
#include "outline.h"
#include "page_text.h"

namespace provisio::import {

// Bad input: one line (or, for an invalid merge target, its diagnostics one per line), already
// naming the file. Nothing has been written when it is thrown.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A wrong or missing option (exit status 2 at the command line).
class ImportUsageError : public ImportError {
 public:
  using ImportError::ImportError;
};

struct ImportRequest {
  std::string input;       // the file to import
  std::string format;      // "text", "html", "docx", or "" to decide from the name and content
  std::string lang;        // en, zh-Hant, zh-Hans
  std::string encoding;    // text and HTML: the input's encoding when not UTF-8 ("big5"); "" = UTF-8,
                           // or for HTML the charset its <meta> declares
  std::string merge_into;  // an existing instrument file, or "" for a new one
  InstrumentFacts facts;   // facts.id may be empty when merging (taken from the file)
};

struct ImportPlan {
  std::string format;      // the format used
  Outline outline;
  PageCleanup cleanup;     // what was dropped (HTML and Word: site furniture lines only)
  std::vector<std::pair<std::string, int>> counts;  // count_levels(outline)
  MergeCounts merged;
  std::string xml;         // the corpus file to write
};

// Reads and converts; writes nothing. Throws ImportError / ImportUsageError.
ImportPlan plan_import(const ImportRequest& request);

// Writes plan.xml to `output` through a temporary file in the same folder (created by mkstemp, so
// with a name nobody can predict and O_EXCL), which is flushed to the disk, checked with the corpus
// validator (parse_instrument_file) and then renamed into place; an existing `output` keeps its
// permissions, and a symbolic link is followed. On any failure (a full disk, a folder or device
// given as `output`) the temporary file is removed, `output` is untouched and ImportError is thrown
// as "OUTPUT: cannot write: REASON". Not thread-safe (reads the umask by setting it).
void write_import(const ImportPlan& plan, const std::string& output);

// "text", "html" or "docx" from the file name (.txt, .htm/.html, .docx) or, failing that, from
// the first bytes (a zip signature, an HTML tag).
std::string detect_format(const std::string& path, const std::string& bytes);

}  // namespace provisio::import
