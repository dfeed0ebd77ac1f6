#include "glossary.h"

#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>

#include "data_files.h"

namespace provisio {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::string trim(const std::string& s) {
  auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool has_non_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

}  // namespace

Glossary Glossary::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the glossary");
  static const char* const kColumns[] = {"id", "abbr", "en", "zh-Hant", "zh-Hans", "note"};
  Glossary g;
  std::set<std::string> ids;
  std::string line;
  int number = 0;
  bool header_seen = false;
  auto fail = [&](const std::string& message) {
    throw std::runtime_error(path + ":" + std::to_string(number) + ": " + message);
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    auto cells = split(line, '\t');
    if (cells.size() != 6)
      fail("expected 6 tab-separated columns (id, abbr, en, zh-Hant, zh-Hans, note), found " +
           std::to_string(cells.size()));
    if (!header_seen) {
      for (int i = 0; i < 6; ++i)
        if (trim(cells[i]) != kColumns[i]) fail("the first line must be the header: id abbr en zh-Hant zh-Hans note");
      header_seen = true;
      continue;
    }
    GlossaryConcept c;
    c.id = trim(cells[0]);
    c.line = number;
    if (c.id.empty()) fail("a concept needs an id");
    if (!ids.insert(c.id).second) fail("duplicate concept id '" + c.id + "'");
    for (int i = 1; i <= 4; ++i)
      for (const auto& piece : split(cells[i], ';')) {
        std::string text = trim(piece);
        if (text.empty()) continue;
        c.forms.push_back({text, kColumns[i], has_non_ascii(text)});
      }
    c.note = trim(cells[5]);
    if (c.forms.size() < 2) fail("concept '" + c.id + "' needs at least two forms");
    g.concepts_.push_back(std::move(c));
  }
  if (!header_seen) throw std::runtime_error(path + ": empty glossary (no header line)");
  return g;
}

std::shared_ptr<const Glossary> Glossary::standard() {
  static std::once_flag once;
  static std::shared_ptr<const Glossary> glossary;
  std::call_once(once, [] {
    glossary = std::make_shared<const Glossary>(load(analysis_data_dir() + "/glossary.tsv"));
  });
  return glossary;
}

}  // namespace provisio
