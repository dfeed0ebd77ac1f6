// The lines particular to a services schedule, as official texts lay one out:
//
//   Sectors or sub-sectors            部門或分部門
//   1. Business Services              1. 商業服務
//   F. Other Business Services        F. 其他商業服務
//   e. Technical testing …            e. 技術測試和分析服務…
//   Specific commitments              具體承諾
//   Effective from 1 March 2025       2025年3月1日起實施
//   1. …                              1. …
//
// The sector code (1.F.e) is spread over three lines under the first label; the commitments are
// the numbered items after the second. The outline builder uses these recognisers; this file only
// reads single lines. All functions are pure and thread-safe; lines of any length are safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace provisio::import {

enum class ScheduleLabel { None, Sectors, Commitments };

struct ScheduleLabelLine {
  ScheduleLabel label = ScheduleLabel::None;
  std::string rest;  // what follows the label on the same line (a table row), trimmed; may be ""
};

// "Sectors or sub-sectors" (also singular, "subsectors", any case), 部門或分部門 / 部门或分部门, or
// "Specific commitments", 具體承諾 / 具体承诺, at the start of `line`, optionally followed by ':'
// or '|' and the first cell of the row.
ScheduleLabelLine schedule_label(std::string_view line);

// One line of a sector code: "1. Business Services" (level 0, code "1"), "F. Other Business
// Services" (level 1, "F"), "e. Technical testing…" (level 2, "e"). Full-width digits, letters
// and stops count as ASCII.
struct SectorPart {
  int level = 0;
  std::string code;
  std::string name;  // may be "" when the name is on the next line
};
std::optional<SectorPart> sector_part(std::string_view line);

// The day a line such as "Effective from 1 March 2025", "With effect from March 1, 2025",
// "2025年3月1日起實施" or "自2025年3月1日起实施" names, as YYYY-MM-DD; nullopt for any other line
// (including a date that is not a real day).
std::optional<std::string> effective_date_line(std::string_view line);

}  // namespace provisio::import
