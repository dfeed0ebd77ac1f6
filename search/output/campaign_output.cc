#include "campaign_output.h"

#include <sstream>

namespace provisio::output {

namespace {

using nlohmann::json;
using submissions::Campaign;

json or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

// The first `n` characters of `s`, with "…" when there is more.
std::string opening(const std::string& s, std::size_t n) {
  std::size_t i = 0, chars = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) return s.substr(0, i) + "…";
  return s;
}

std::string marked(const submissions::CampaignChange& c, const Style& style) {
  std::string out;
  if (!c.removed.empty())
    out += style.colour() ? std::string(style.deleted) + c.removed + std::string(style.reset)
                          : "[-" + c.removed + "-]";
  if (!c.added.empty())
    out += style.colour() ? std::string(style.inserted) + c.added + std::string(style.reset)
                          : "{+" + c.added + "+}";
  return out;
}

}  // namespace

std::string campaigns_text(const std::vector<Campaign>& campaigns, std::size_t compared, const Style& style) {
  std::ostringstream out;
  if (campaigns.empty()) {
    out << "No campaigns: no letters are near-identical (" << compared << " submissions compared).\n";
    return out.str();
  }
  std::size_t letters = 0;
  for (const auto& c : campaigns) letters += c.size();
  out << campaigns.size() << (campaigns.size() == 1 ? " campaign" : " campaigns") << ", " << letters << " of "
      << compared << " submissions\n";
  for (const auto& c : campaigns) {
    out << "\n"
        << style.bold << "campaign " << c.lead << style.reset << ": " << c.size() << " letters, common text "
        << c.common << "\n    \"" << opening(c.common_text, 70) << "\"\n";
    for (const auto& m : c.members) {
      out << "  " << m.id << "  " << (m.received.empty() ? "----------" : m.received) << "  "
          << (m.sender.empty() ? "(sender unknown)" : m.sender);
      if (m.id == c.common)
        out << "  " << style.dim << "(common text)" << style.reset;
      else if (!m.compared)
        out << "  " << style.dim << "(too long to compare)" << style.reset;
      else if (m.changes.empty())
        out << "  " << style.dim << "(same text)" << style.reset;
      out << "\n";
      for (const auto& change : m.changes) out << "      " << marked(change, style) << "\n";
    }
  }
  return out.str();
}

std::string campaigns_json(const std::string& store, const std::vector<Campaign>& campaigns,
                           std::size_t compared, std::size_t min_size) {
  json list = json::array();
  for (const auto& c : campaigns) {
    json members = json::array();
    for (const auto& m : c.members) {
      json changes = json::array();
      for (const auto& change : m.changes)
        changes.push_back({{"removed", or_null(change.removed)}, {"added", or_null(change.added)}});
      members.push_back({{"id", m.id},
                         {"sender", or_null(m.sender)},
                         {"received", or_null(m.received)},
                         {"changes", m.compared ? changes : json(nullptr)}});
    }
    list.push_back({{"id", c.lead},
                    {"size", c.size()},
                    {"common", c.common},
                    {"common_text", c.common_text},
                    {"members", members}});
  }
  return json{{"store", store}, {"compared", compared}, {"min_size", min_size}, {"campaigns", list}}.dump() +
         "\n";
}

std::string campaign_links_text(const submissions::CampaignLinkResult& result) {
  if (result.lead.empty()) return "";
  std::ostringstream out;
  out << "campaign " << result.lead << ": " << result.added()
      << (result.added() == 1 ? " new link" : " new links") << " for its " << result.members.size()
      << " other " << (result.members.size() == 1 ? "member" : "members") << "\n";
  for (const auto& m : result.members)
    for (const auto& target : m.declined)
      out << "  not linked again: " << m.id << " -> " << target << " (a person removed that link)\n";
  return out.str();
}

json campaign_links_json(const submissions::CampaignLinkResult& result) {
  if (result.lead.empty()) return nullptr;
  json members = json::array();
  for (const auto& m : result.members)
    members.push_back({{"id", m.id}, {"added", m.added}, {"declined", m.declined}});
  return {{"id", result.lead}, {"members", members}, {"added", result.added()}};
}

}  // namespace provisio::output
