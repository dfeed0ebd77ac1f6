// provisio link suggest | accept | add | remove | list: linking submissions to provisions and
// consultation questions.
#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "searcher.h"
#include "store.h"
#include "suggester.h"
#include "submission_support.h"

namespace provisio::cli {

namespace {

using submissions::LinkSuggester;
using submissions::Store;

struct Args {
  std::string db, store, submission, by, note, provision, question;
  std::vector<std::string> ids;
  std::size_t limit = 5, top = 3;
  bool json = false, history = false;
};

std::string score_text(double score) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << score;
  return s.str();
}

nlohmann::json suggestion_json(const submissions::Suggestion& s) {
  nlohmann::json concepts = nlohmann::json::array();
  for (const auto* c : s.concepts) concepts.push_back({{"id", c->id}, {"label", c->label}});
  return {{"id", s.id},
          {"kind", s.kind},
          {"score", std::round(s.score * 1000) / 1000},
          {"heading", s.heading},
          {"citation", s.citation},
          {"lang", s.lang},
          {"why",
           {{"terms", s.matched_words},
            {"concepts", concepts},
            {"submission_snippet", s.submission_snippet},
            {"provision_snippet", s.provision_snippet}}}};
}

nlohmann::json link_json(const submissions::Link& l) {
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"submission", l.submission},  {"target", l.target},         {"kind", l.kind},
          {"how", l.how},                {"score", l.score ? nlohmann::json(*l.score) : nlohmann::json(nullptr)},
          {"by", l.created_by},          {"at", l.created_at},         {"note", or_null(l.note)},
          {"active", l.active()},        {"removed_by", or_null(l.removed_by)},
          {"removed_at", or_null(l.removed_at)}, {"removal_note", or_null(l.removal_note)}};
}

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
  auto s = find_submission(store, a.submission);
  if (!s) return 1;
  std::string db;
  if (int rc = ready_index(a.db, t, db); rc) return rc;
  suggestions = LinkSuggester(db).suggest(s->text, limit);
  return 0;
}

int run_suggest(const Args& a, const Terminal& t) {
  Store store(store_path(a.store));
  std::vector<submissions::Suggestion> suggestions;
  if (int rc = suggest_for(a, t, store, a.limit, suggestions); rc) return rc;
  if (a.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& x : suggestions) list.push_back(suggestion_json(x));
    std::cout << nlohmann::json{{"submission", a.submission}, {"suggestions", list}}.dump() << "\n";
    return 0;
  }
  if (suggestions.empty()) {
    std::cout << "No provision or question shares words with " << a.submission << ".\n";
    return 0;
  }
  std::size_t rank = 0;
  for (const auto& x : suggestions) {
    std::cout << t.bold() << ++rank << ". " << x.id << t.reset() << "  " << x.kind << ", score "
              << score_text(x.score) << "\n   " << x.heading << "\n";
    std::string words, concepts;
    for (const auto& w : x.matched_words) words += (words.empty() ? "" : ", ") + w;
    for (const auto* c : x.concepts) concepts += (concepts.empty() ? "" : "; ") + c->label;
    if (!concepts.empty()) std::cout << "   " << t.dim() << "concepts: " << t.reset() << concepts << "\n";
    if (!words.empty()) std::cout << "   " << t.dim() << "words: " << t.reset() << words << "\n";
    std::cout << "   " << t.dim() << "submission: " << t.reset() << x.submission_snippet << "\n";
    std::cout << "   " << t.dim() << "provision:  " << t.reset() << x.provision_snippet << "\n\n";
  }
  return 0;
}

int run_accept(const Args& a, const Terminal& t) {
  Store store(store_path(a.store));
  std::vector<submissions::Suggestion> suggestions;
  if (int rc = suggest_for(a, t, store, a.top, suggestions); rc) return rc;
  std::vector<submissions::LinkRequest> requests;
  for (const auto& x : suggestions)
    requests.push_back({x.id, x.kind, "suggested", x.score, a.note});
  std::size_t added = store.add_links(a.submission, requests, acting_user(a.by));
  if (a.json) {
    nlohmann::json targets = nlohmann::json::array();
    for (const auto& r : requests) targets.push_back({{"id", r.target}, {"kind", r.kind}, {"score", *r.score}});
    std::cout << nlohmann::json{{"submission", a.submission}, {"added", added}, {"suggestions", targets}}.dump() << "\n";
    return 0;
  }
  std::cout << "linked " << a.submission << " to " << added << " new "
            << (added == 1 ? "target" : "targets") << " of the top " << requests.size() << " suggestions";
  std::string list;
  for (const auto& r : requests) list += (list.empty() ? ": " : ", ") + r.target;
  std::cout << list << "\n";
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
  if (a.json) {
    std::cout << nlohmann::json{{"submission", a.submission}, {"added", added}, {"already_linked", requests.size() - added}}.dump()
              << "\n";
    return 0;
  }
  std::cout << "linked " << a.submission << " to " << added << (added == 1 ? " target" : " targets");
  if (added < requests.size()) std::cout << " (" << requests.size() - added << " already linked)";
  std::cout << "\n";
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
  if (a.json) {
    std::cout << nlohmann::json{{"submission", a.submission}, {"target", target}, {"removed", true}}.dump() << "\n";
    return 0;
  }
  std::cout << "removed the link from " << a.submission << " to " << target << " (kept in its history)\n";
  return 0;
}

int run_list(const Args& a, const Terminal& t) {
  Store store(store_path(a.store));
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
  if (a.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& l : links) {
      list.push_back(link_json(l));
      const auto& c = checks.at(l.target);
      list.back()["target_state"] = c.state_name();
      list.back()["target_now"] = c.now.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.now);
    }
    std::cout << nlohmann::json{{"links", list}}.dump() << "\n";
    return 0;
  }
  if (links.empty()) {
    std::cout << "No links.\n";
    return 0;
  }
  for (const auto& l : links) {
    const auto& c = checks.at(l.target);
    std::cout << l.submission << " -> ";
    if (c.state == submissions::TargetCheck::kMoved)
      std::cout << c.now << " (linked as " << l.target << ", which moved)";
    else if (c.state != submissions::TargetCheck::kCurrent)
      std::cout << l.target << " (" << c.state_name() << ": no such provision now)";
    else
      std::cout << l.target;
    std::cout << "  " << l.kind << ", " << l.how;
    if (l.score) std::cout << " (score " << score_text(*l.score) << ")";
    std::cout << ", by " << l.created_by << " at " << l.created_at;
    if (!l.note.empty()) std::cout << "; note: " << l.note;
    if (!l.active()) {
      std::cout << "; removed by " << l.removed_by << " at " << l.removed_at;
      if (!l.removal_note.empty()) std::cout << " (" << l.removal_note << ")";
    }
    std::cout << "\n";
  }
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
  suggest->add_flag("--json", args->json, "Print one JSON object instead of text");
  suggest->add_option("submission", args->submission, "Submission id")->required();
  suggest->footer("Example:\n  provisio link suggest sub-0001 --limit 3");

  auto* accept = cmd->add_subcommand("accept", "Link a submission to its top suggestions");
  common(accept);
  accept->add_option("--top", args->top, "How many of the top suggestions (default 3)")->check(CLI::Range(1, 100));
  accept->add_option("--by", args->by, "Who links (default: $USER)");
  accept->add_option("--note", args->note, "A note kept with each link");
  accept->add_flag("--json", args->json, "Print one JSON object instead of text");
  accept->add_option("submission", args->submission, "Submission id")->required();
  accept->footer("Example:\n  provisio link accept sub-0001 --top 2");

  auto* add = cmd->add_subcommand("add", "Link a submission to provisions or questions by hand");
  common(add);
  add->add_option("--by", args->by, "Who links (default: $USER)");
  add->add_option("--note", args->note, "A note kept with each link");
  add->add_flag("--json", args->json, "Print one JSON object instead of text");
  add->add_option("submission", args->submission, "Submission id")->required();
  add->add_option("id", args->ids, "Provision or question ids")->required();
  add->footer("Every id is checked first: one unknown id and no link is added.\n\n"
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
