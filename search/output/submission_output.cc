#include "submission_output.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace provisio::output {

namespace {

using nlohmann::json;
using submissions::Link;
using submissions::LinkRequest;
using submissions::Report;
using submissions::ReportRow;
using submissions::Submission;
using submissions::Suggestion;
using submissions::TargetCheck;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// A target's check, or "current" when `checks` does not have it.
TargetCheck check_of(const TargetChecks& checks, const std::string& target) {
  auto it = checks.find(target);
  return it != checks.end() ? it->second : TargetCheck{TargetCheck::kCurrent, target, ""};
}

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

// One entry as the CSV, Markdown and workbook list it: its id, or for a campaign
// "sub-0037 (campaign sub-0037, signed by 4: sub-0037 sub-0038 sub-0039 sub-0040)".
std::string entry_label(const ReportRow::Entry& e) {
  if (e.campaign.empty()) return e.submission;
  std::string out =
      e.submission + " (campaign " + e.campaign + ", signed by " + std::to_string(e.signed_by()) + ":";
  for (const auto& m : e.members) out += " " + m;
  return out + ")";
}

std::string joined_ids(const ReportRow& r, const std::string& sep) {
  std::string out;
  for (const auto& e : r.submissions) out += (out.empty() ? "" : sep) + entry_label(e);
  return out;
}

std::size_t count_of(const std::map<std::string, std::size_t>& links, const std::string& id) {
  auto it = links.find(id);
  return it == links.end() ? 0 : it->second;
}

}  // namespace

json submission_json(const Submission& s, std::size_t links) {
  return {{"id", s.id},
          {"file_name", s.file_name},
          {"format", s.format},
          {"charset", s.charset},
          {"lang", s.lang},
          {"sender", s.sender},
          {"received", s.received},
          {"subject", s.subject},
          {"sha256", s.sha256},
          {"added_at", s.added_at},
          {"added_by", s.added_by},
          {"links", links},
          {"removed_at", or_null(s.removed_at)},
          {"removed_by", or_null(s.removed_by)},
          {"removal_note", or_null(s.removal_note)}};
}

namespace {

json edit_json(const submissions::SubmissionEdit& e) {
  return {{"field", e.field},         {"old", or_null(e.old_value)}, {"new", or_null(e.new_value)},
          {"by", e.edited_by},        {"at", e.edited_at},           {"note", or_null(e.note)}};
}

std::string shown_value(const std::string& v) { return v.empty() ? "(unknown)" : "\"" + v + "\""; }

}  // namespace

std::string describe_submission(const Submission& s) {
  std::string out = s.id + " from " + s.file_name + " (" + s.format + ", " + s.charset + ", " + s.lang;
  if (!s.sender.empty()) out += ", from " + s.sender;
  if (!s.received.empty()) out += ", received " + s.received;
  if (s.ocr_pages > 0) out += ", OCR confidence " + std::to_string(s.ocr_confidence) + "/100";
  return out + ")";
}

Duplicate duplicate_in_batch(const std::string& file) {
  Duplicate d;
  d.file = file;
  d.already = "an earlier file of this command";
  return d;
}

Duplicate duplicate_of(const std::string& file, const Submission& existing) {
  return {file, existing.id, existing.removed_at, existing.removed_by, existing.removal_note};
}

std::string filed_json(const std::string& store, const std::vector<Submission>& filed, const Duplicates& duplicates,
                       const Unreadable& unreadable) {
  json list = json::array(), dups = json::array(), bad = json::array();
  for (const auto& s : filed) list.push_back(submission_json(s, 0));
  for (const auto& d : duplicates) {
    json removed = nullptr;
    if (!d.removed_at.empty())
      removed = {{"at", d.removed_at}, {"by", or_null(d.removed_by)}, {"note", or_null(d.removal_note)}};
    dups.push_back({{"file", d.file}, {"already", d.already}, {"removed", removed}});
  }
  for (const auto& [file, error] : unreadable) bad.push_back({{"file", file}, {"error", error}});
  return json{{"store", store}, {"filed", list}, {"duplicates", dups}, {"unreadable", bad}}.dump() + "\n";
}

std::string filed_summary_text(std::size_t filed, std::size_t duplicates, std::size_t unreadable) {
  return "filed " + std::to_string(filed) + ", already filed " + std::to_string(duplicates) + ", unreadable " +
         std::to_string(unreadable) + "\n";
}

std::string filed_text(const std::vector<Submission>& filed, const Duplicates& duplicates) {
  std::string out;
  for (const auto& s : filed) out += "filed " + describe_submission(s) + "\n";
  for (const auto& d : duplicates) {
    if (d.removed_at.empty()) {
      out += d.file + ": already filed as " + d.already + " (same content); not filed again\n";
      continue;
    }
    out += d.file + ": filed before as " + d.already + " and removed on " + d.removed_at;
    if (!d.removed_by.empty()) out += " by " + d.removed_by;
    if (!d.removal_note.empty()) out += " (" + d.removal_note + ")";
    out += "; not filed again (the record and its file are kept: provisio submission show " + d.already + ")\n";
  }
  return out;
}

std::string submission_list_json(const std::string& store, const std::vector<Submission>& all,
                                 const std::map<std::string, std::size_t>& links) {
  json out = json::array();
  for (const auto& s : all) out.push_back(submission_json(s, count_of(links, s.id)));
  return json{{"store", store}, {"submissions", out}}.dump() + "\n";
}

std::string submission_list_text(const std::string& store, const std::vector<Submission>& all,
                                 const std::map<std::string, std::size_t>& links) {
  if (all.empty()) return "No submissions in " + store + " yet.\n";
  std::ostringstream out;
  for (const auto& s : all) {
    std::string title = !s.subject.empty() ? s.subject : s.text.substr(0, s.text.find('\n'));
    if (title.size() > 70) {
      std::size_t cut = 70;
      while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
      title = title.substr(0, cut) + "…";
    }
    std::size_t n = count_of(links, s.id);
    if (s.removed()) out << "(removed) ";
    out << s.id << "  " << (s.received.empty() ? "----------" : s.received) << "  " << s.lang << "  " << n
        << (n == 1 ? " link " : " links") << "  " << (s.sender.empty() ? "(sender unknown)" : s.sender) << "\n    "
        << title << "\n";
  }
  return out.str();
}

std::string submission_show_json(const Submission& s, const std::vector<Link>& links, const TargetChecks& checks,
                                 const std::vector<submissions::SubmissionEdit>& edits) {
  std::size_t active = 0;
  for (const auto& l : links) active += l.active();
  json j = submission_json(s, active);
  j["active_links"] = active;
  j["links"] = json::parse(links_json(links, checks))["links"];
  j["edits"] = json::array();
  for (const auto& e : edits) j["edits"].push_back(edit_json(e));
  j["text"] = s.text;
  // null when the text was in the file; else how much of it OCR read and how sure it was (0..100).
  j["ocr"] = s.ocr_pages > 0 ? json{{"pages", s.ocr_pages}, {"mean_confidence", s.ocr_confidence}} : json(nullptr);
  j["link_targets"] = json::array();
  for (const auto& l : links)
    if (l.active()) {
      TargetCheck c = check_of(checks, l.target);
      j["link_targets"].push_back({{"target", l.target}, {"state", c.state_name()}, {"now", or_null(c.now)}});
    }
  return j.dump() + "\n";
}

std::string submission_show_text(const Submission& s, const std::vector<Link>& links, const TargetChecks& checks,
                                 const std::vector<submissions::SubmissionEdit>& edits) {
  std::ostringstream out;
  out << describe_submission(s) << "\n";
  if (!s.subject.empty()) out << "subject: " << s.subject << "\n";
  if (s.ocr_pages > 0)
    out << "text read by OCR (" << s.ocr_pages << (s.ocr_pages == 1 ? " page" : " pages")
        << "), mean confidence " << s.ocr_confidence << "/100: check it against the original\n";
  out << "filed " << s.added_at << " by " << s.added_by << "; sha256 " << s.sha256 << "\n";
  if (s.removed())
    out << "removed " << s.removed_at << " by " << s.removed_by
        << (s.removal_note.empty() ? "" : " (" + s.removal_note + ")") << "\n";
  for (const auto& e : edits)
    out << "edited " << e.edited_at << " by " << e.edited_by << ": " << e.field << " " << shown_value(e.old_value)
        << " -> " << shown_value(e.new_value) << (e.note.empty() ? "" : " (" + e.note + ")") << "\n";
  for (const auto& l : links) {
    TargetCheck c = check_of(checks, l.target);
    out << (l.active() ? "linked to " : "was linked to ") << l.target;
    if (c.state == TargetCheck::kMoved)
      out << " (now " << c.now << ")";
    else if (c.state != TargetCheck::kCurrent)
      out << " (" << c.state_name() << ": no such provision now)";
    out << " (" << l.kind << ", " << l.how << ")\n";
  }
  out << "\n" << s.text << "\n";
  return out.str();
}

std::string submission_removed_json(const Submission& s, bool removed, std::size_t ended) {
  return json{{"submission", s.id}, {"removed", removed}, {"links_ended", ended},
              {"removed_at", or_null(s.removed_at)}, {"removed_by", or_null(s.removed_by)}}
             .dump() + "\n";
}

std::string submission_removed_text(const Submission& s, bool removed, std::size_t ended) {
  if (!removed) return s.id + " was already removed (at " + s.removed_at + " by " + s.removed_by + ")\n";
  std::ostringstream out;
  out << "removed " << s.id << " (kept in the store with its file and history); ended " << ended
      << (ended == 1 ? " link" : " links") << "\n";
  return out.str();
}

std::string submission_edited_json(const Submission& s, std::size_t changed) {
  return json{{"submission", submission_json(s, 0)}, {"changed", changed}}.dump() + "\n";
}

std::string submission_edited_text(const Submission& s, std::size_t changed) {
  if (changed == 0) return s.id + ": nothing changed\n";
  std::ostringstream out;
  out << "edited " << s.id << " (" << changed << (changed == 1 ? " field" : " fields")
      << ", kept in its history): " << describe_submission(s);
  if (!s.subject.empty()) out << ", subject \"" << s.subject << "\"";
  out << "\n";
  return out.str();
}

std::string score_text(double score) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << score;
  return s.str();
}

namespace {

json version_at_json(const std::optional<submissions::VersionAt>& v) {
  if (!v) return nullptr;
  return {{"id", or_null(v->id)}, {"from", or_null(v->from)}, {"to", or_null(v->to)}, {"heading", or_null(v->heading)}};
}

}  // namespace

std::string then_and_now(const json& suggestion) {
  const json& then = suggestion.value("then", json());
  const json& now = suggestion.value("now", json());
  if (then.is_null() || now.is_null()) return "";
  auto text = [](const json& v, const char* key) { return v[key].is_string() ? v[key].get<std::string>() : ""; };
  auto span = [&](const json& v) {
    return v["to"].is_null() ? " (since " + text(v, "from") + ")" : " (" + text(v, "from") + " to " + text(v, "to") + ")";
  };
  std::string out = "then: " + text(then, "heading") + span(then) + "; now: ";
  if (now["id"].is_null()) return out + "no longer in force (ended " + text(now, "to") + ")";
  if (text(now, "id") != text(suggestion, "id")) out += text(now, "id") + " ";
  return out + text(now, "heading") + span(now);
}

json suggestion_json(const Suggestion& s) {
  json concepts = json::array();
  for (const auto* c : s.concepts) concepts.push_back({{"id", c->id}, {"label", c->label}});
  return {{"id", s.id},
          {"then", version_at_json(s.then)},
          {"now", version_at_json(s.now)},
          {"kind", s.kind},
          {"score", std::round(s.score * 1000) / 1000},
          {"other_views", s.other_views},
          {"heading", s.heading},
          {"citation", s.citation},
          {"lang", s.lang},
          {"why",
           {{"terms", s.matched_words},
            {"concepts", concepts},
            {"submission_snippet", s.submission_snippet},
            {"provision_snippet", s.provision_snippet}}}};
}

json link_json(const Link& l) {
  return {{"submission", l.submission},
          {"target", l.target},
          {"kind", l.kind},
          {"how", l.how},
          {"score", l.score ? json(*l.score) : json(nullptr)},
          {"by", l.created_by},
          {"at", l.created_at},
          {"note", or_null(l.note)},
          {"active", l.active()},
          {"removed_by", or_null(l.removed_by)},
          {"removed_at", or_null(l.removed_at)},
          {"removal_note", or_null(l.removal_note)}};
}

std::string suggestions_json(const std::string& submission, const std::vector<Suggestion>& list) {
  json out = json::array();
  for (const auto& x : list) out.push_back(suggestion_json(x));
  return json{{"submission", submission}, {"suggestions", out}}.dump() + "\n";
}

std::string suggestions_text(const std::string& submission, const std::vector<Suggestion>& list, const Style& s) {
  if (list.empty())
    return "No suggestion for " + submission + ": no provision or question scores high enough (see --min-score).\n";
  std::ostringstream out;
  std::size_t rank = 0;
  for (const auto& x : list) {
    out << s.bold << ++rank << ". " << x.id << s.reset << "  " << x.kind;
    if (x.other_views) out << ", other views\n   " << x.heading << "\n";
    else out << ", score " << score_text(x.score) << "\n   " << x.heading << "\n";
    if (auto when = then_and_now(suggestion_json(x)); !when.empty()) out << "   " << s.dim << "time: " << s.reset << when << "\n";
    if (x.other_views) {
      std::string named;
      for (const auto& w : x.matched_words) named += (named.empty() ? "" : ", ") + w;
      out << "   " << s.dim << "other views: " << s.reset << "no provision fits well, but the letter is about T&C ("
          << named << ")\n\n";
      continue;
    }
    std::string words, concepts;
    for (const auto& w : x.matched_words) words += (words.empty() ? "" : ", ") + w;
    for (const auto* c : x.concepts) concepts += (concepts.empty() ? "" : "; ") + c->label;
    if (!concepts.empty()) out << "   " << s.dim << "concepts: " << s.reset << concepts << "\n";
    if (!words.empty()) out << "   " << s.dim << "words: " << s.reset << words << "\n";
    out << "   " << s.dim << "submission: " << s.reset << x.submission_snippet << "\n";
    out << "   " << s.dim << "provision:  " << s.reset << x.provision_snippet << "\n\n";
  }
  return out.str();
}

std::string accepted_json(const std::string& submission, const std::vector<LinkRequest>& requests,
                          std::size_t added, const std::vector<std::string>& declined) {
  json targets = json::array();
  for (const auto& r : requests) targets.push_back({{"id", r.target}, {"kind", r.kind}, {"score", *r.score}});
  return json{{"submission", submission}, {"added", added}, {"suggestions", targets},
              {"removed_before", declined}}.dump() + "\n";
}

std::string accepted_text(const std::string& submission, const std::vector<LinkRequest>& requests,
                          std::size_t added, const std::vector<std::string>& declined) {
  std::ostringstream out;
  if (requests.empty()) return "no suggestion for " + submission + " reaches the minimum score; nothing was linked\n";
  out << "linked " << submission << " to " << added << " new " << (added == 1 ? "target" : "targets")
      << " of the top " << requests.size() << " suggestions";
  std::string list;
  for (const auto& r : requests) list += (list.empty() ? ": " : ", ") + r.target;
  out << list << "\n";
  for (const auto& d : declined)
    out << "not linked again: " << d << " (a person removed that link; `link add` links it by hand)\n";
  return out.str();
}

std::string added_json(const std::string& submission, std::size_t requested, std::size_t added) {
  return json{{"submission", submission}, {"added", added}, {"already_linked", requested - added}}.dump() + "\n";
}

std::string added_text(const std::string& submission, std::size_t requested, std::size_t added) {
  std::ostringstream out;
  out << "linked " << submission << " to " << added << (added == 1 ? " target" : " targets");
  if (added < requested) out << " (" << requested - added << " already linked)";
  out << "\n";
  return out.str();
}

std::string removed_json(const std::string& submission, const std::string& target) {
  return json{{"submission", submission}, {"target", target}, {"removed", true}}.dump() + "\n";
}

std::string removed_text(const std::string& submission, const std::string& target) {
  return "removed the link from " + submission + " to " + target + " (kept in its history)\n";
}

std::string links_json(const std::vector<Link>& links, const TargetChecks& checks) {
  json list = json::array();
  for (const auto& l : links) {
    list.push_back(link_json(l));
    TargetCheck c = check_of(checks, l.target);
    list.back()["target_state"] = c.state_name();
    list.back()["target_now"] = or_null(c.now);
  }
  return json{{"links", list}}.dump() + "\n";
}

std::string links_text(const std::vector<Link>& links, const TargetChecks& checks) {
  if (links.empty()) return "No links.\n";
  std::ostringstream out;
  for (const auto& l : links) {
    TargetCheck c = check_of(checks, l.target);
    out << l.submission << " -> ";
    if (c.state == TargetCheck::kMoved)
      out << c.now << " (linked as " << l.target << ", which moved)";
    else if (c.state != TargetCheck::kCurrent)
      out << l.target << " (" << c.state_name() << ": no such provision now)";
    else
      out << l.target;
    out << "  " << l.kind << ", " << l.how;
    if (l.score) out << " (score " << score_text(*l.score) << ")";
    out << ", by " << l.created_by << " at " << l.created_at;
    if (!l.note.empty()) out << "; note: " << l.note;
    if (!l.active()) {
      out << "; removed by " << l.removed_by << " at " << l.removed_at;
      if (!l.removal_note.empty()) out << " (" << l.removal_note << ")";
    }
    out << "\n";
  }
  return out.str();
}

namespace {

// The columns of a per-link report, in order (also the workbook's "Links" sheet).
const std::vector<std::string> kLinkColumns = {"submission", "sender",     "received", "subject", "provision",
                                               "citation",   "linked_by", "linked_at", "note"};

std::vector<std::string> link_cells(const submissions::ReportLink& l) {
  return {l.submission, l.sender, l.received, l.subject, l.target, l.citation, l.created_by, l.created_at, l.note};
}

std::string format_link_report(const Report& report, const std::string& format) {
  std::ostringstream out;
  if (format == "json") {
    json links = json::array();
    for (const auto& l : report.links) {
      json j = {{"kind", l.kind}, {"heading", or_null(l.heading)}, {"how", l.how},
                {"score", l.score ? json(*l.score) : json(nullptr)}};
      auto cells = link_cells(l);
      for (std::size_t i = 0; i < cells.size(); ++i) j[kLinkColumns[i]] = or_null(cells[i]);
      links.push_back(std::move(j));
    }
    out << json{{"by", "link"}, {"since", or_null(report.since)}, {"until", or_null(report.until)},
                {"submissions_total", report.submissions_total}, {"links", links}, {"warnings", report.warnings}}
               .dump()
        << "\n";
  } else if (format == "csv") {
    out << "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < kLinkColumns.size(); ++i) out << (i ? "," : "") << kLinkColumns[i];
    out << "\r\n";
    for (const auto& l : report.links) {
      auto cells = link_cells(l);
      for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_field(cells[i]);
      out << "\r\n";
    }
  } else if (format == "md") {
    out << "|";
    for (const auto& c : kLinkColumns) out << " " << c << " |";
    out << "\n|";
    for (std::size_t i = 0; i < kLinkColumns.size(); ++i) out << "---|";
    out << "\n";
    for (const auto& l : report.links) {
      out << "|";
      for (const auto& c : link_cells(l)) out << " " << md_cell(c) << " |";
      out << "\n";
    }
  } else {
    for (const auto& l : report.links) {
      out << l.submission << " -> " << l.target << "  " << (l.received.empty() ? "----------" : l.received) << "  "
          << (l.sender.empty() ? "(sender unknown)" : l.sender) << "\n    linked by " << l.created_by << " at "
          << l.created_at << (l.note.empty() ? "" : "; note: " + l.note) << "\n";
    }
    if (report.links.empty()) out << "No links yet.\n";
  }
  return out.str();
}

}  // namespace

const std::vector<std::string>& report_link_columns() { return kLinkColumns; }

std::vector<std::string> report_link_cells(const submissions::ReportLink& link) { return link_cells(link); }

std::string report_entry_label(const submissions::ReportRow::Entry& entry) {
  return entry_label(entry);
}

std::string format_report(const Report& report, const std::string& format) {
  if (report.by == "link") return format_link_report(report, format);
  std::ostringstream out;
  std::string key_title = report.by == "topic" ? "topic" : report.by == "question" ? "question" : "provision";
  if (format == "json") {
    json rows = json::array();
    for (const auto& r : report.rows) {
      json subs = json::array();
      for (const auto& e : r.submissions) {
        json campaign = nullptr;
        if (!e.campaign.empty())
          campaign = {{"id", e.campaign}, {"signed", e.signed_by()}, {"members", e.members}};
        subs.push_back({{"id", e.submission},
                        {"sender", or_null(e.sender)},
                        {"received", or_null(e.received)},
                        {"campaign", campaign}});
      }
      rows.push_back({{"id", r.key},
                      {"kind", r.kind},
                      {"heading", or_null(r.heading)},
                      {"count", r.submissions.size()},
                      {"letters", r.letters()},
                      {"submissions", subs}});
    }
    out << json{{"by", report.by},        {"since", or_null(report.since)}, {"until", or_null(report.until)},
                {"submissions_total", report.submissions_total}, {"rows", rows}, {"warnings", report.warnings}}
               .dump()
        << "\n";
  } else if (format == "csv") {
    out << "\xEF\xBB\xBF" << key_title << ",kind,heading,count,letters,submissions\r\n";
    for (const auto& r : report.rows)
      out << csv_field(r.key) << "," << r.kind << "," << csv_field(r.heading) << "," << r.submissions.size()
          << "," << r.letters() << "," << csv_field(joined_ids(r, "; ")) << "\r\n";
  } else if (format == "md") {
    out << "| " << key_title
        << " | kind | heading | count | letters | submissions |\n|---|---|---|---:|---:|---|\n";
    for (const auto& r : report.rows)
      out << "| " << md_cell(r.key) << " | " << r.kind << " | " << md_cell(r.heading) << " | "
          << r.submissions.size() << " | " << r.letters() << " | " << md_cell(joined_ids(r, ", ")) << " |\n";
  } else {
    for (const auto& r : report.rows) {
      std::size_t letters = r.letters();
      out << r.key << "  (" << r.submissions.size()
          << (r.submissions.size() == 1 ? " submission" : " submissions")
          << (letters == r.submissions.size() ? "" : ", " + std::to_string(letters) + " letters") << ")"
          << (r.heading.empty() ? "" : "  " + r.heading) << "\n";
      for (const auto& e : r.submissions)
        out << "    " << e.submission << (e.received.empty() ? "" : "  " + e.received)
            << (e.sender.empty() ? "" : "  " + e.sender)
            << (e.campaign.empty()
                    ? ""
                    : "  [campaign " + e.campaign + ", signed by " + std::to_string(e.signed_by()) + "]")
            << "\n";
    }
    if (report.rows.empty()) out << "No links yet.\n";
  }
  return out.str();
}

}  // namespace provisio::output
