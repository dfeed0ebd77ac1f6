// provisio link suggest | accept | add | remove | list: linking submissions to provisions and
// consultation questions.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "campaign_output.h"
#include "campaigns.h"
#include "commands.h"
#include "searcher.h"
#include "store.h"
#include "submission_output.h"
#include "submission_date.h"
#include "submission_support.h"
#include "suggester.h"

namespace provisio::cli {

namespace {

using submissions::LinkSuggester;
using submissions::Store;

struct Args {
  std::string db, store, submission, by, note, provision, question;
  std::vector<std::string> ids;
  std::size_t limit = 5, top = 3;
  std::optional<double> min_score;
  std::string as_of;  // the day the letter speaks from; "" = its received day, else a date in it
  bool json = false, history = false, only_this = false;
};

// Loads the submission's text, or prints the error and returns nullopt.
std::optional<submissions::Submission> find_submission(Store& store, const std::string& id) {
  auto s = store.submission(id);
  if (!s) std::cerr << "provisio: unknown submission '" << id << "' in " << store.path() << "\n";
  return s;
}

// What suggest and accept start with: the top `limit` suggestions for a.submission. Returns a
// non-zero exit status, the problem reported, when the submission or the index is missing.
int suggest_for(const Args& a, const Terminal& t, Store& store, std::size_t limit,
                std::vector<submissions::Suggestion>& suggestions) {
  if (!a.as_of.empty() && !Date::parse(a.as_of)) {
    std::cerr << "provisio: bad date '" << a.as_of << "' for --as-of: expected YYYY-MM-DD\n";
    return 1;
  }
  auto s = find_submission(store, a.submission);
  if (!s) return 1;
  std::string db;
  if (int rc = ready_index(a.db, t, db); rc) return rc;
  if (auto read = submissions::suggestion_input(s->text); read.size() < s->text.size())
    std::cerr << "provisio: note: " << a.submission << " is long: suggestions read only its first "
              << submissions::kMaxSuggestCharacters << " characters\n";
  submissions::SuggestTuning tuning;
  if (a.min_score) tuning.min_score = *a.min_score;
  // The letter's day decides which provision versions it can mean (suggester.h).
  auto written = submissions::submission_date(a.as_of.empty() ? s->received : a.as_of, s->text);
  suggestions = LinkSuggester(db, tuning).suggest(s->text, limit, written);
  return 0;
}

// Links made for a member of a campaign are made for every member (unless --only-this): each its
// own link row, noted as coming via the campaign. Returns what was done ("" lead when nothing).
submissions::CampaignLinkResult link_campaign(const Args& a, Store& store,
                                              const std::vector<submissions::LinkRequest>& requests) {
  if (a.only_this || requests.empty()) return {};
  auto campaigns = submissions::find_campaigns(store);
  return submissions::campaign_links(store, campaigns, a.submission, requests, acting_user(a.by));
}

// The command's own JSON object with "campaign" added (null when the submission is in none).
std::string with_campaign_json(const std::string& object, const submissions::CampaignLinkResult& campaign) {
  auto j = nlohmann::json::parse(object);
  j["campaign"] = output::campaign_links_json(campaign);
  return j.dump() + "\n";
}

int run_suggest(const Args& a, const Terminal& t) {
  Store store(store_path(a.store), submissions::Access::kReadOnly);
  std::vector<submissions::Suggestion> suggestions;
  if (int rc = suggest_for(a, t, store, a.limit, suggestions); rc) return rc;
  std::cout << (a.json ? output::suggestions_json(a.submission, suggestions)
                       : output::suggestions_text(a.submission, suggestions, t.style()));
  return 0;
}

int run_accept(const Args& a, const Terminal& t) {
  Store store(store_path(a.store));
  std::vector<submissions::Suggestion> suggestions;
  if (int rc = suggest_for(a, t, store, a.top, suggestions); rc) return rc;
  std::vector<submissions::LinkRequest> requests;
  for (const auto& x : suggestions)
    requests.push_back({x.id, x.kind, "suggested", x.score, a.note});
  // People decide: a link someone removed is not made again by accepting suggestions.
  auto removed = store.removed_targets(a.submission);
  std::vector<std::string> declined;
  for (const auto& r : requests)
    if (std::binary_search(removed.begin(), removed.end(), r.target)) declined.push_back(r.target);
  std::size_t added = store.add_links(a.submission, requests, acting_user(a.by));
  // The other members get what this one got: not the targets declined here.
  std::vector<submissions::LinkRequest> for_campaign;
  for (const auto& r : requests)
    if (!std::binary_search(removed.begin(), removed.end(), r.target)) for_campaign.push_back(r);
  auto campaign = link_campaign(a, store, for_campaign);
  if (a.json)
    std::cout << with_campaign_json(output::accepted_json(a.submission, requests, added, declined), campaign);
  else
    std::cout << output::accepted_text(a.submission, requests, added, declined)
              << output::campaign_links_text(campaign);
  return 0;
}

int run_add(const Args& a, const Terminal& t) {
  Store store(store_path(a.store));
  if (!find_submission(store, a.submission)) return 1;
  std::string db;
  if (int rc = ready_index(a.db, t, db); rc) return rc;
  LinkSuggester index(db);
  Searcher searcher(db);
  std::vector<submissions::LinkRequest> requests;
  int unknown = 0;
  for (const auto& id : a.ids) {
    if (!index.provision_exists(id)) {
      std::string message = "provisio: unknown provision id '" + id + "'";
      auto near = searcher.nearest_ids(id);
      for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "; did you mean ") + near[i];
      std::cerr << message << (near.empty() ? "" : "?") << "\n";
      ++unknown;
      continue;
    }
    requests.push_back({id, index.kind_of(id), "manual", std::nullopt, a.note});
  }
  if (unknown) {
    std::cerr << "provisio: no link was added\n";
    return 1;
  }
  std::size_t added = store.add_links(a.submission, requests, acting_user(a.by));
  auto campaign = link_campaign(a, store, requests);
  if (a.json)
    std::cout << with_campaign_json(output::added_json(a.submission, requests.size(), added), campaign);
  else
    std::cout << output::added_text(a.submission, requests.size(), added)
              << output::campaign_links_text(campaign);
  return 0;
}

int run_remove(const Args& a) {
  Store store(store_path(a.store));
  if (!find_submission(store, a.submission)) return 1;
  const std::string& target = a.ids.front();
  if (!store.remove_link(a.submission, target, acting_user(a.by), a.note)) {
    std::cerr << "provisio: " << a.submission << " is not linked to '" << target << "'\n";
    return 1;
  }
  std::cout << (a.json ? output::removed_json(a.submission, target) : output::removed_text(a.submission, target));
  return 0;
}

int run_list(const Args& a, const Terminal& t) {
  Store store(store_path(a.store), submissions::Access::kReadOnly);
  submissions::LinkFilter filter;
  filter.submission = a.submission;
  filter.target = !a.provision.empty() ? a.provision : a.question;
  filter.kind = !a.question.empty() ? "question" : "";
  filter.include_removed = a.history;
  if (!a.submission.empty() && !find_submission(store, a.submission)) return 1;
  auto links = store.links(filter);
  std::string db;
  if (int rc = ready_index(a.db, t, db); rc) return rc;
  auto checks = check_link_targets(links, db);
  std::cout << (a.json ? output::links_json(links, checks) : output::links_text(links, checks));
  return 0;
}

}  // namespace

Run add_link_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("link", "Link submissions to provisions and consultation questions");
  cmd->require_subcommand(1);
  auto args = std::make_shared<Args>();
  auto common = [&](CLI::App* sub) {
    add_location_options(sub, args->db, args->store);
  };

  auto* suggest = cmd->add_subcommand("suggest", "Rank provisions and questions for a submission, with why");
  common(suggest);
  suggest->add_option("--limit", args->limit, "Number of suggestions (default 5)")->check(CLI::Range(1, 100));
  suggest->add_option("--min-score", args->min_score,
                      "Leave out suggestions scoring below this (default: the suggester's, see README)");
  suggest->add_option("--as-of", args->as_of,
                      "The day the letter speaks from, YYYY-MM-DD: it decides which provision versions count "
                      "(default: the day received, else the first date in the letter)");
  suggest->add_flag("--json", args->json, "Print one JSON object instead of text");
  suggest->add_option("submission", args->submission, "Submission id")->required();
  suggest->footer("With a date, each suggestion is the provision version of that day; when today's differs, "
                  "both are shown (\"then: ...; now: ...\").\n\n"
                  "Examples:\n  provisio link suggest sub-0001 --limit 3\n  provisio link suggest sub-0001 --as-of 2010-06-15");

  auto* accept = cmd->add_subcommand("accept", "Link a submission to its top suggestions");
  common(accept);
  accept->add_option("--top", args->top, "How many of the top suggestions (default 3)")->check(CLI::Range(1, 100));
  accept->add_option("--min-score", args->min_score,
                     "Accept only suggestions scoring at least this (default: the suggester's, see README)");
  accept->add_option("--as-of", args->as_of,
                      "The day the letter speaks from, YYYY-MM-DD: it decides which provision versions count "
                      "(default: the day received, else the first date in the letter)");
  accept->add_option("--by", args->by, "Who links (default: $USER)");
  accept->add_option("--note", args->note, "A note kept with each link");
  accept->add_flag("--json", args->json, "Print one JSON object instead of text");
  accept->add_flag("--only-this", args->only_this,
                   "Link only this submission, not the other members of its campaign (submission groups)");
  accept->add_option("submission", args->submission, "Submission id")->required();
  accept->footer("A link a person removed is never made again by accept (`link add` makes it by hand).\n"
                 "For a member of a campaign (`submission groups`), every member gets the links, each its\n"
                 "own, noted \"via campaign LEAD\" (--only-this: this one only); never one a person removed.\n\n"
                 "Examples:\n  provisio link accept sub-0001 --top 2\n  provisio link accept sub-0001 --top 5 --min-score 0.5");

  auto* add = cmd->add_subcommand("add", "Link a submission to provisions or questions by hand");
  common(add);
  add->add_option("--by", args->by, "Who links (default: $USER)");
  add->add_option("--note", args->note, "A note kept with each link");
  add->add_flag("--json", args->json, "Print one JSON object instead of text");
  add->add_flag("--only-this", args->only_this,
                "Link only this submission, not the other members of its campaign (submission groups)");
  add->add_option("submission", args->submission, "Submission id")->required();
  add->add_option("id", args->ids, "Provision or question ids")->required();
  add->footer(
      "Every id is checked first: one unknown id and no link is added. For a member of a campaign,\n"
      "every member gets the links (--only-this: this one only), except where a person removed them.\n\n"
      "Example:\n  provisio link add sub-0001 hkctc-views-2019/q2 samr-2020/cma-gba --note \"asks for CMA\"");

  auto* remove = cmd->add_subcommand("remove", "Remove a link (it stays in the history)");
  common(remove);
  remove->add_option("--by", args->by, "Who removes it (default: $USER)");
  remove->add_option("--note", args->note, "Why it was removed");
  remove->add_flag("--json", args->json, "Print one JSON object instead of text");
  remove->add_option("submission", args->submission, "Submission id")->required();
  remove->add_option("id", args->ids, "Provision or question id")->required()->expected(1);
  remove->footer("Example:\n  provisio link remove sub-0001 hkctc-views-2019/q3 --note \"not about the GBA\"");

  auto* list = cmd->add_subcommand("list", "List links (active ones; --history adds removed ones)");
  common(list);
  auto* by_sub = list->add_option("--submission", args->submission, "Links of this submission");
  auto* by_prov = list->add_option("--provision", args->provision, "Links to this provision (or question)");
  auto* by_q = list->add_option("--question", args->question, "Links to this consultation question");
  by_sub->excludes(by_prov, by_q);
  by_prov->excludes(by_q);
  list->add_flag("--history", args->history, "Include removed links, with who removed them and when");
  list->add_flag("--json", args->json, "Print one JSON object instead of text");
  list->footer("Examples:\n  provisio link list --submission sub-0001\n  provisio link list --question hkctc-views-2019/q1 --json");

  return [=, &terminal] {
    if (suggest->parsed()) return run_suggest(*args, terminal);
    if (accept->parsed()) return run_accept(*args, terminal);
    if (add->parsed()) return run_add(*args, terminal);
    if (remove->parsed()) return run_remove(*args);
    return run_list(*args, terminal);
  };
}

}  // namespace provisio::cli
