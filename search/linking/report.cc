#include "report.h"

#include "link_targets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace provisio::submissions {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

std::string joined_ids(const ReportRow& r, const std::string& sep) {
  std::string out;
  for (const auto& e : r.submissions) out += (out.empty() ? "" : sep) + e.submission;
  return out;
}

}  // namespace

Report build_report(Store& store, LinkSuggester& index, const std::string& by, const std::string& lang) {
  Report report;
  report.by = by;
  std::map<std::string, Submission> submissions;
  std::map<std::string, std::size_t> order;
  for (auto& s : store.submissions()) {
    order[s.id] = order.size();
    submissions[s.id] = std::move(s);
  }
  report.submissions_total = submissions.size();
  auto links = store.links();
  LinkTargets targets(index.database());
  for (auto& l : links) {
    TargetCheck c = targets.check(l.target);
    if (c.state != TargetCheck::kCurrent) report.warnings.push_back(LinkTargets::advice(l.submission, l.target, c));
    if (c.state == TargetCheck::kMoved) l.target = c.now;
  }
  auto entry = [&](const std::string& id) {
    const auto& s = submissions[id];
    return ReportRow::Entry{id, s.sender, s.received};
  };
  auto finish = [&](ReportRow& row, const std::set<std::string>& ids) {
    std::vector<std::string> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) { return order[a] < order[b]; });
    for (const auto& id : sorted) row.submissions.push_back(entry(id));
  };

  if (by == "topic") {
    std::map<std::string, std::set<std::string>> by_topic;
    std::map<std::string, std::vector<std::string>> topics_of;
    for (const auto& l : links) {
      if (!topics_of.count(l.target)) topics_of[l.target] = index.info(l.target, lang).topics;
      for (const auto& t : topics_of[l.target]) by_topic[t].insert(l.submission);
    }
    for (const auto& [topic, ids] : by_topic) {
      ReportRow row{topic, "topic", "", {}};
      finish(row, ids);
      report.rows.push_back(std::move(row));
    }
  } else {
    std::map<std::string, std::set<std::string>> by_target;
    for (const auto& l : links)
      if (by == "provision" || l.kind == "question") by_target[l.target].insert(l.submission);
    if (by == "question")
      for (const auto& q : index.questions()) by_target[q];
    for (const auto& [target, ids] : by_target) {
      ReportRow row{target, index.kind_of(target), index.info(target, lang).heading, {}};
      finish(row, ids);
      report.rows.push_back(std::move(row));
    }
  }
  if (by != "question")
    std::stable_sort(report.rows.begin(), report.rows.end(),
                     [](const auto& a, const auto& b) { return a.submissions.size() > b.submissions.size(); });
  return report;
}

std::string format_report(const Report& report, const std::string& format) {
  std::ostringstream out;
  std::string key_title = report.by == "topic" ? "topic" : report.by == "question" ? "question" : "provision";
  if (format == "json") {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : report.rows) {
      nlohmann::json subs = nlohmann::json::array();
      for (const auto& e : r.submissions)
        subs.push_back({{"id", e.submission}, {"sender", e.sender}, {"received", e.received}});
      rows.push_back({{"id", r.key}, {"kind", r.kind}, {"heading", r.heading}, {"count", r.submissions.size()},
                      {"submissions", subs}});
    }
    out << nlohmann::json{{"by", report.by}, {"submissions_total", report.submissions_total}, {"rows", rows},
                          {"warnings", report.warnings}}
               .dump()
        << "\n";
  } else if (format == "csv") {
    out << "\xEF\xBB\xBF" << key_title << ",kind,heading,count,submissions\r\n";
    for (const auto& r : report.rows)
      out << csv_field(r.key) << "," << r.kind << "," << csv_field(r.heading) << "," << r.submissions.size()
          << "," << csv_field(joined_ids(r, "; ")) << "\r\n";
  } else if (format == "md") {
    out << "| " << key_title << " | kind | heading | count | submissions |\n|---|---|---|---:|---|\n";
    for (const auto& r : report.rows)
      out << "| " << md_cell(r.key) << " | " << r.kind << " | " << md_cell(r.heading) << " | "
          << r.submissions.size() << " | " << md_cell(joined_ids(r, ", ")) << " |\n";
  } else {
    for (const auto& r : report.rows) {
      out << r.key << "  (" << r.submissions.size() << (r.submissions.size() == 1 ? " submission" : " submissions")
          << ")" << (r.heading.empty() ? "" : "  " + r.heading) << "\n";
      for (const auto& e : r.submissions)
        out << "    " << e.submission << (e.received.empty() ? "" : "  " + e.received)
            << (e.sender.empty() ? "" : "  " + e.sender) << "\n";
    }
    if (report.rows.empty()) out << "No links yet.\n";
  }
  return out.str();
}

}  // namespace provisio::submissions
