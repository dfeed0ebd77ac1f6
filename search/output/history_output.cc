#include "history_output.h"

#include <nlohmann/json.hpp>

#include <sstream>

#include "provision_output.h"

namespace provisio::output {

namespace {

using nlohmann::json;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// A step's date as closely as it is known: YYYY, YYYY-MM or YYYY-MM-DD.
std::string step_date(const HistoryStep& s) {
  if (s.approx == "year") return s.from.substr(0, 4);
  if (s.approx == "month") return s.from.substr(0, 7);
  return s.from;
}

}  // namespace

std::string history_json(const History& h) {
  json steps = json::array();
  for (std::size_t i = 0; i < h.steps.size(); ++i) {
    const HistoryStep& s = h.steps[i];
    json step = {{"step", i + 1},
                 {"id", s.id},
                 {"instrument", s.instrument},
                 {"instrument_title", s.instrument_title},
                 {"effective_from", s.from},
                 {"effective_to", or_null(s.to)},
                 {"by", or_null(s.by)},
                 {"approx", or_null(s.approx)},
                 {"heading", s.heading},
                 {"text", s.body},
                 {"text_kind", s.text_kind},
                 {"here", s.here},
                 {"in_force", s.in_force},
                 {"implemented_by", s.implemented_by},
                 {"follows", s.previous < 0 ? json(nullptr) : json(s.previous + 1)},
                 {"relation", or_null(s.relation)},
                 {"changes", nullptr}};
    if (s.previous >= 0)
      step["changes"] = {{"heading", diff_ops_json(s.heading_diff)}, {"text", diff_ops_json(s.body_diff)}};
    steps.push_back(std::move(step));
  }
  return json{{"id", h.asked}, {"line", h.name}, {"lang", h.lang}, {"members", h.members}, {"steps", steps}}.dump() +
         "\n";
}

std::string history_text(const History& h, const Style& s) {
  std::ostringstream out;
  out << s.bold << h.name << s.reset << ": " << h.steps.size() << " steps since "
      << (h.steps.empty() ? std::string("?") : h.steps.front().from.substr(0, 4)) << ", " << h.members.size()
      << " provisions  " << s.dim << "[" << h.lang << "]" << s.reset << "\n";
  for (std::size_t i = 0; i < h.steps.size(); ++i) {
    const HistoryStep& step = h.steps[i];
    out << "\n"
        << (step.here ? "▶ " : "  ") << s.bold << i + 1 << ". " << step_date(step) << "  " << step.instrument_title
        << s.reset << (step.by.empty() ? "" : " (as changed by " + step.by + ")") << "\n";
    out << "     " << step.id << "  " << s.dim << "[from " << step.from << (step.to.empty() ? "" : " to " + step.to)
        << ", " << step.text_kind << "]" << s.reset;
    if (step.here) out << "  ◀ you are here";
    if (step.in_force) out << "  (in force today)";
    out << "\n";
    if (step.previous < 0) {
      out << "     " << s.bold << step.heading << s.reset << "\n     " << step.body << "\n";
    } else {
      out << "     " << s.dim << "changes from step " << step.previous + 1 << " (" << step.relation << "):" << s.reset
          << "\n";
      out << "     " << render_diff(step.heading_diff, s) << "\n     " << render_diff(step.body_diff, s) << "\n";
    }
    if (!step.implemented_by.empty()) {
      std::string list;
      for (const auto& x : step.implemented_by) list += (list.empty() ? "" : ", ") + x;
      out << "     implemented by: " << list << "\n";
    }
  }
  return out.str();
}

std::string no_line_json(const std::string& id) {
  return json{{"id", id}, {"line", nullptr}, {"steps", json::array()}}.dump() + "\n";
}

std::string no_line_text(const std::string& id) {
  return id + " is on no commitment line: the corpus relates it to no earlier or later provision.\n";
}

}  // namespace provisio::output
