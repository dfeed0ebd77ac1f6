#include "glossary.h"

#include <cctype>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <stdexcept>

#include "data_files.h"
#include "text_folder.h"

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

bool has_non_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

}  // namespace

Glossary Glossary::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the glossary");
  static const char* const kColumns[] = {"id", "abbr", "en", "zh-Hant", "zh-Hans", "topic", "note", "link", "cues"};
  // The last two columns (link suggestions) may be left out of a whole file, header included.
  constexpr std::size_t kColumnCount = std::size(kColumns), kRequiredColumns = 7;
  std::size_t columns = 0;
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
    if (!header_seen) {
      columns = cells.size();
      bool header = columns == kRequiredColumns || columns == kColumnCount;
      for (std::size_t i = 0; header && i < columns; ++i) header = trim(cells[i]) == kColumns[i];
      if (!header)
        fail("the first line must be the header: id abbr en zh-Hant zh-Hans topic note (then, optionally, link cues)");
      header_seen = true;
      continue;
    }
    if (cells.size() != columns)
      fail("expected " + std::to_string(columns) + " tab-separated columns, as the header has, found " +
           std::to_string(cells.size()));
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
    c.topic = trim(cells[5]);
    if (c.topic.find_first_of(" ;,") != std::string::npos) fail("concept '" + c.id + "' names more than one topic");
    c.note = trim(cells[6]);
    if (columns == kColumnCount) {
      c.link_label = trim(cells[7]);
      for (const auto& piece : split(cells[8], ';'))
        if (std::string cue = trim(piece); !cue.empty()) c.link_cues.push_back(cue);
      if (c.link_label.empty() && !c.link_cues.empty()) fail("concept '" + c.id + "' has cues but no link label");
    }
    // A concept for link suggestions only needs no forms: its cues are how it is named.
    bool link_only = c.forms.empty() && !c.link_label.empty() && !c.link_cues.empty();
    if (c.forms.size() < 2 && !link_only) fail("concept '" + c.id + "' needs at least two forms");
    g.concepts_.push_back(std::move(c));
  }
  if (!header_seen) throw std::runtime_error(path + ": empty glossary (no header line)");
  return g;
}

namespace {

std::string ascii_lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

}  // namespace

bool form_occurs(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  bool ascii = !has_non_ascii(needle);
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
    if (!ascii) return true;
    bool left_ok = pos == 0 || !std::isalnum(static_cast<unsigned char>(haystack[pos - 1]));
    std::size_t end = pos + needle.size(), after = end;
    while (after < haystack.size() && after - end < 3 && std::isalpha(static_cast<unsigned char>(haystack[after]))) ++after;
    bool right_ok = end == haystack.size() || !is_word_byte(haystack[end]) ||
                    ((after == haystack.size() || !is_word_byte(haystack[after])) && needle.size() > 4);
    if (left_ok && right_ok) return true;
  }
  return false;
}

std::vector<const GlossaryConcept*> Glossary::named_in(std::string_view text) const {
  TextFolder folder;
  std::string cased = folder.fold(text), folded = ascii_lower(cased);
  std::vector<const GlossaryConcept*> found;
  // Abbreviations keep their case ("IT" is not "it"); other forms match in any case.
  auto named = [&](const GlossaryForm& f) {
    return f.column == "abbr" ? form_occurs(cased, folder.fold(f.text))
                              : form_occurs(folded, ascii_lower(folder.fold(f.text)));
  };
  for (const auto& c : concepts_)
    if (std::any_of(c.forms.begin(), c.forms.end(), named)) found.push_back(&c);
  return found;
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
