#include "provision_output.h"

#include <cstdio>
#include <sstream>

namespace provisio::output {

namespace {

using nlohmann::json;

json or_null(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json ops_json(const std::vector<DiffOp>& ops) {
  json j = json::array();
  for (const auto& op : ops) j.push_back({{"op", diff_kind_name(op.kind)}, {"text", op.text}});
  return j;
}

json counts_json(const IndexStats::Counts& c) {
  return json{{"provisions", c.provisions}, {"versions", c.versions}, {"documents", c.documents}};
}

// printf into a string (the stats table is laid out in fixed columns).
template <typename... Args>
std::string format(const char* pattern, Args... args) {
  int n = std::snprintf(nullptr, 0, pattern, args...);
  std::string out(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), pattern, args...);
  out.pop_back();
  return out;
}

}  // namespace

json provision_record(const std::vector<StoredDocument>& docs, const std::string& lang) {
  const auto& first = docs.front();
  json record = {{"id", first.id},
                 {"instrument", first.instrument},
                 {"topics", first.topics},
                 {"refs", first.refs},
                 {"divisions", first.divisions},
                 {"citations", json::object()},
                 {"instrument_titles", json::object()},
                 {"versions", json::array()}};
  for (const auto& d : docs) {
    record["citations"][d.lang] = d.citation;
    record["instrument_titles"][d.lang] = d.instrument_title;
    json* version = nullptr;
    for (auto& v : record["versions"])
      if (v["effective_from"] == d.effective_from) version = &v;
    if (!version) {
      record["versions"].push_back({{"effective_from", d.effective_from},
                                    {"effective_to", or_null(d.effective_to)},
                                    {"by", or_null(d.by)},
                                    {"approx", or_null(d.approx)},
                                    {"notes", d.notes},
                                    {"texts", json::array()}});
      version = &record["versions"].back();
    }
    if (lang != "all" && d.lang != lang) continue;
    for (const auto& t : d.texts)
      (*version)["texts"].push_back({{"lang", d.lang}, {"kind", t.kind}, {"heading", d.heading}, {"body", t.body}});
  }
  return record;
}

std::string show_json(const std::vector<StoredDocument>& docs, const std::string& lang) {
  return provision_record(docs, lang).dump() + "\n";
}

std::string show_text(const std::vector<StoredDocument>& docs, const std::string& lang, const Style& s) {
  json r = provision_record(docs, lang);
  std::ostringstream out;
  out << s.bold << r["id"].get<std::string>() << s.reset << "\n";
  for (const auto& [l, cite] : r["citations"].items())
    out << "  " << cite.get<std::string>() << "  " << s.dim << "[" << l << "]" << s.reset << "\n";
  if (!r["divisions"].empty()) {
    std::string path;
    for (const auto& d : r["divisions"]) path += (path.empty() ? "" : " › ") + d.get<std::string>();
    out << "  in: " << path << "\n";
  }
  std::string topics, refs;
  for (const auto& x : r["topics"]) topics += (topics.empty() ? "" : ", ") + x.get<std::string>();
  for (const auto& x : r["refs"]) refs += (refs.empty() ? "" : ", ") + x.get<std::string>();
  out << "  topics: " << topics << "\n";
  if (!refs.empty()) out << "  see also: " << refs << "\n";
  std::size_t n = r["versions"].size();
  std::size_t i = 0;
  for (const auto& v : r["versions"]) {
    ++i;
    std::string to = v["effective_to"].is_null() ? "in force" : "to " + v["effective_to"].get<std::string>();
    out << "\n" << s.bold << "Version " << i << " of " << n << ": from " << v["effective_from"].get<std::string>()
        << ", " << to << s.reset;
    if (!v["by"].is_null()) out << " (by " << v["by"].get<std::string>() << ")";
    if (!v["approx"].is_null()) out << " (date known to the " << v["approx"].get<std::string>() << ")";
    out << "\n";
    for (const auto& text : v["texts"]) {
      out << "  " << s.bold << text["heading"].get<std::string>() << s.reset << "  " << s.dim << "["
          << text["lang"].get<std::string>() << ", " << text["kind"].get<std::string>()
          << (text["kind"] == "digest" ? ": our summary, not the official wording" : "") << "]" << s.reset << "\n";
      out << "  " << text["body"].get<std::string>() << "\n";
    }
    for (const auto& note : v["notes"]) out << "  " << s.dim << "note: " << note.get<std::string>() << s.reset << "\n";
  }
  return out.str();
}

std::string render_diff(const std::vector<DiffOp>& ops, const Style& s) {
  std::string out;
  for (const auto& op : ops) {
    if (op.kind == DiffOp::kEqual) {
      out += op.text;
    } else if (s.colour()) {
      out += std::string(op.kind == DiffOp::kDelete ? s.deleted : s.inserted) + op.text + std::string(s.reset);
    } else {
      out += op.kind == DiffOp::kDelete ? "[-" + op.text + "-]" : "{+" + op.text + "+}";
    }
  }
  return out;
}

std::string diff_json(const std::string& id, const std::string& lang, const VersionText& a, const VersionText& b) {
  auto version_json = [](const VersionText& v) {
    return json{{"effective_from", v.from}, {"effective_to", or_null(v.to)}, {"text_kind", v.kind}};
  };
  json out = {{"id", id},
              {"lang", lang},
              {"from", version_json(a)},
              {"to", version_json(b)},
              {"heading", ops_json(diff_texts(a.heading, b.heading))},
              {"text", ops_json(diff_texts(a.body, b.body))},
              {"changed", a.heading != b.heading || a.body != b.body}};
  return out.dump() + "\n";
}

std::string diff_text(const std::string& id, const std::string& lang, const VersionText& a, const VersionText& b,
                      bool same, const Style& s) {
  std::ostringstream out;
  out << s.bold << id << s.reset << " [" << lang << ", " << b.kind << "]: version from " << a.from
      << " → version from " << b.from << "\n";
  if (same || (a.heading == b.heading && a.body == b.body)) {
    out << "No change in the " << lang << " text.\n";
    return out.str();
  }
  out << "\n"
      << render_diff(diff_texts(a.heading, b.heading), s) << "\n\n"
      << render_diff(diff_texts(a.body, b.body), s) << "\n";
  return out.str();
}

std::string single_version_text(const std::string& id, const VersionText& only) {
  return id + " has a single version (from " + only.from + "): nothing to compare.\n";
}

std::string list_json(const std::vector<ProvisionSummary>& provisions) {
  json out = {{"provisions", json::array()}};
  for (const auto& p : provisions)
    out["provisions"].push_back({{"id", p.id},
                                 {"instrument", p.instrument},
                                 {"citation", p.citation},
                                 {"heading", p.heading},
                                 {"lang", p.lang},
                                 {"divisions", p.divisions},
                                 {"topics", p.topics}});
  return out.dump() + "\n";
}

std::string list_text(const std::vector<ProvisionSummary>& provisions, const Style& s) {
  if (provisions.empty()) return "No provision matches.\n";
  std::ostringstream out;
  std::string instrument;
  std::vector<std::string> open;  // the divisions printed above the current provision
  for (const auto& p : provisions) {
    if (p.instrument != instrument) {
      if (!instrument.empty()) out << "\n";
      out << s.bold << p.instrument << s.reset << "  " << p.instrument_title << "\n";
      instrument = p.instrument;
      open.clear();
    }
    std::size_t same = 0;
    while (same < open.size() && same < p.divisions.size() && open[same] == p.divisions[same]) ++same;
    open.resize(same);
    for (std::size_t d = same; d < p.divisions.size(); ++d) {
      out << std::string(2 * (d + 1), ' ') << p.divisions[d] << "\n";
      open.push_back(p.divisions[d]);
    }
    out << std::string(2 * (p.divisions.size() + 1), ' ') << s.bold << p.id << s.reset << "  " << p.citation
        << " — " << p.heading << "\n";
  }
  return out.str();
}

std::string stats_json(const IndexStats& stats) {
  json out = {{"total", counts_json(stats.total)}};
  for (const auto& [name, table] : {std::pair{"instruments", &stats.by_instrument},
                                    std::pair{"topics", &stats.by_topic}, std::pair{"languages", &stats.by_lang}})
    for (const auto& [key, c] : *table) out[name][key] = counts_json(c);
  return out.dump() + "\n";
}

std::string stats_text(const IndexStats& stats) {
  std::string out = format("%-28s %10s %9s %10s\n", "", "provisions", "versions", "documents");
  for (const auto& [title, table] : {std::pair{"by instrument", &stats.by_instrument},
                                     std::pair{"by topic", &stats.by_topic}, std::pair{"by language", &stats.by_lang}}) {
    out += format("%s\n", title);
    for (const auto& [key, c] : *table)
      out += format("  %-26s %10zu %9zu %10zu\n", key.c_str(), c.provisions, c.versions, c.documents);
  }
  out += format("%-28s %10zu %9zu %10zu\n", "total", stats.total.provisions, stats.total.versions,
                stats.total.documents);
  return out;
}

}  // namespace provisio::output
