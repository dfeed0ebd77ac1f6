#include "docx_numbering.h"

#include <charconv>
#include <cstring>
#include <optional>

#include "chinese_numerals.h"
#include "xml_names.h"

namespace provisio::extract {

namespace {

std::string roman(long n, bool upper) {
  static const std::pair<int, const char*> kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                       {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : kTable)
    while (n >= value) {
      out += letters;
      n -= value;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Word's letter numbering: a..z, then aa..zz, aaa…
std::string letters(long n, bool upper) {
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), c);
}

// A list start or override as written in numbering.xml, when it is a number a list can reach;
// nullopt otherwise (Word shows such lists from their default). Unchecked, 10^12 made a gigabyte
// label and LONG_MAX overflowed the counter.
std::optional<long> list_start(const std::string& text) {
  long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > kMaxListStart)
    return std::nullopt;
  return value;
}

}  // namespace

std::string format_list_number(long n, const std::string& format) {
  if (n <= 0) return std::to_string(n);
  // Roman numerals stop at 3999 and letter labels grow by a letter every 26: past these, digits,
  // so that no label is longer than a few dozen bytes.
  if ((format == "lowerRoman" || format == "upperRoman") && n <= 3999) return roman(n, format == "upperRoman");
  if ((format == "lowerLetter" || format == "upperLetter") && n <= 26 * 30)
    return letters(n, format == "upperLetter");
  if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if (format == "chineseCounting" || format == "chineseCountingThousand" || format == "taiwaneseCounting" ||
      format == "taiwaneseCountingThousand" || format == "chineseLegalSimplified")
    return format_chinese_number(n);
  if (format == "ideographTraditional" && n <= 10) {
    static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return kStems[n - 1];
  }
  if (format == "ideographDigital" || format == "taiwaneseDigital") {
    static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::string out;
    for (char d : std::to_string(n)) out += kDigits[d - '0'];
    return out;
  }
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    std::string out;
    for (char d : std::to_string(n)) out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (d - '0'));
    return out;
  }
  return std::to_string(n);  // decimal and anything we do not render specially
}

DocxNumbering::DocxNumbering(const pugi::xml_document& numbering) {
  pugi::xml_node root = first_child_named(numbering, "numbering");
  for (pugi::xml_node abstract : children_named(root, "abstractNum")) {
    std::vector<Level>& levels = abstract_levels_[attr(abstract, "abstractNumId")];
    for (pugi::xml_node lvl : children_named(abstract, "lvl")) {
      int ilvl = std::atoi(attr(lvl, "ilvl").c_str());
      if (ilvl < 0 || ilvl > 8) continue;
      if (levels.size() <= static_cast<std::size_t>(ilvl)) levels.resize(ilvl + 1);
      Level& level = levels[ilvl];
      if (pugi::xml_node n = first_child_named(lvl, "start")) level.start = list_start(attr(n, "val")).value_or(1);
      if (pugi::xml_node n = first_child_named(lvl, "numFmt")) level.format = attr(n, "val");
      if (pugi::xml_node n = first_child_named(lvl, "lvlText")) level.text = attr(n, "val");
    }
  }
  for (pugi::xml_node num : children_named(root, "num")) {
    List& list = lists_[attr(num, "numId")];
    list.abstract_id = attr(first_child_named(num, "abstractNumId"), "val");
    for (pugi::xml_node o : children_named(num, "lvlOverride"))
      if (pugi::xml_node s = first_child_named(o, "startOverride"))
        if (auto start = list_start(attr(s, "val"))) list.start_overrides[std::atoi(attr(o, "ilvl").c_str())] = *start;
  }
}

std::string DocxNumbering::next_label(const std::string& num_id, int ilvl) {
  auto list = lists_.find(num_id);
  if (list == lists_.end()) return "";
  auto levels_it = abstract_levels_.find(list->second.abstract_id);
  if (levels_it == abstract_levels_.end()) return "";
  const std::vector<Level>& levels = levels_it->second;
  if (ilvl < 0 || static_cast<std::size_t>(ilvl) >= levels.size()) return "";
  std::vector<long>& counters = counters_[list->second.abstract_id];
  counters.resize(levels.size(), 0);
  // A list instance with start overrides restarts its levels the first time it is used.
  if (!list_started_[num_id]) {
    list_started_[num_id] = true;
    for (const auto& [level, start] : list->second.start_overrides)
      if (level >= 0 && static_cast<std::size_t>(level) < counters.size()) counters[level] = start - 1;
  }
  counters[ilvl] = counters[ilvl] == 0 && !list->second.start_overrides.count(ilvl) ? levels[ilvl].start
                                                                                     : counters[ilvl] + 1;
  for (std::size_t deeper = ilvl + 1; deeper < counters.size(); ++deeper) counters[deeper] = 0;
  const Level& level = levels[ilvl];
  if (level.format == "bullet" || level.format == "none") return "";
  std::string label;
  for (std::size_t i = 0; i < level.text.size(); ++i) {
    if (level.text[i] == '%' && i + 1 < level.text.size() && level.text[i + 1] >= '1' && level.text[i + 1] <= '9') {
      std::size_t which = static_cast<std::size_t>(level.text[i + 1] - '1');
      if (which < levels.size()) {
        long value = counters[which] ? counters[which] : levels[which].start;
        label += format_list_number(value, levels[which].format);
      }
      ++i;
    } else {
      label += level.text[i];
    }
  }
  return label;
}

}  // namespace provisio::extract
