#include "report.h"

#include "campaigns.h"
#include "link_targets.h"

#include <algorithm>
#include <map>
#include <set>

namespace provisio::submissions {

std::size_t ReportRow::letters() const {
  std::size_t n = 0;
  for (const auto& e : submissions) n += e.signed_by();
  return n;
}

Report build_report(Store& store, LinkSuggester& index, const std::string& by, const std::string& lang,
                    const SubmissionFilter& filter) {
  Report report;
  report.by = by;
  report.since = filter.since;
  report.until = filter.until;
  std::map<std::string, Submission> submissions;
  std::map<std::string, std::size_t> order;
  SubmissionFilter reported = filter;
  reported.include_removed = false;
  auto reported_letters = store.submissions(reported, /*with_text=*/true);
  std::map<std::string, std::string> campaign_lead;  // member -> lead
  for (const auto& c : find_campaigns(reported_letters, 2, /*with_changes=*/false))
    for (const auto& m : c.members) campaign_lead[m.id] = c.lead;
  for (auto& s : reported_letters) {
    s.text.clear();
    order[s.id] = order.size();
    submissions[s.id] = std::move(s);
  }
  report.submissions_total = submissions.size();
  std::vector<Link> links;
  for (auto& l : store.links())
    if (submissions.count(l.submission)) links.push_back(std::move(l));
  LinkTargets targets(index.database());
  for (auto& l : links) {
    TargetCheck c = targets.check(l.target);
    if (c.state != TargetCheck::kCurrent) report.warnings.push_back(LinkTargets::advice(l.submission, l.target, c));
    if (c.state == TargetCheck::kMoved) l.target = c.now;
  }
  std::map<std::string, LinkSuggester::ProvisionInfo> infos;
  for (const auto& l : links) {
    auto [it, fresh] = infos.emplace(l.target, LinkSuggester::ProvisionInfo{});
    if (fresh) it->second = index.info(l.target, lang);
    const auto& s = submissions[l.submission];
    report.links.push_back({l.submission, s.sender, s.received, s.subject, l.target, l.kind, it->second.heading,
                            it->second.citation, l.how, l.score, l.created_by, l.created_at, l.note});
  }
  if (by == "link") return report;
  // The entries of a row: one per letter, but one per campaign for the members of a campaign.
  auto finish = [&](ReportRow& row, const std::set<std::string>& ids) {
    std::vector<std::string> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) { return order[a] < order[b]; });
    std::map<std::string, std::size_t> entry_of_campaign;
    for (const auto& id : sorted) {
      auto lead = campaign_lead.find(id);
      if (lead != campaign_lead.end()) {
        auto [it, fresh] = entry_of_campaign.emplace(lead->second, row.submissions.size());
        if (!fresh) {
          row.submissions[it->second].members.push_back(id);
          continue;
        }
      }
      const auto& s = submissions[id];
      ReportRow::Entry e{id, s.sender, s.received, "", {}};
      if (lead != campaign_lead.end()) e.campaign = lead->second, e.members = {id};
      row.submissions.push_back(std::move(e));
    }
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

}  // namespace provisio::submissions
