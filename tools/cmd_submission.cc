// provisio submission add | list | show | remove | edit | groups: filing what the sector sends.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <xapian.h>

#include "campaign_output.h"
#include "campaigns.h"
#include "commands.h"
#include "charset.h"
#include "date.h"
#include "language.h"
#include "reader.h"
#include "store.h"
#include "submission_index.h"
#include "submission_intake.h"
#include "submission_output.h"
#include "submission_support.h"

namespace provisio::cli {

namespace {

using submissions::Store;
using submissions::Submission;

struct AddArgs {
  std::string db, store, id, from, received, by;
  std::vector<std::string> files;
  bool json = false, all_or_nothing = false;
};

int run_add(const AddArgs& a, const Terminal& terminal) {
  static const std::regex id_pattern("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  if (!a.id.empty() && !std::regex_match(a.id, id_pattern)) {
    std::cerr << "provisio: bad submission id '" << a.id
              << "': use letters, digits, '.', '_' and '-' (up to 64), starting with a letter or digit\n";
    return 1;
  }
  if (!a.received.empty() && !Date::parse(a.received)) {
    std::cerr << "provisio: bad date '" << a.received << "' for --received: expected YYYY-MM-DD\n";
    return 1;
  }
  if (!submissions::is_valid_utf8(a.from)) {
    std::cerr << "provisio: --from is not valid UTF-8\n";
    return 1;
  }
  auto sources = list_sources(a.files);
  if (!a.id.empty() && (a.files.size() != 1 || sources.size() != 1)) {
    std::cerr << "provisio: --id names one submission: give exactly one FILE with it\n";
    return 2;
  }
  // Everything is read before anything is written; what can be read is then filed in one
  // transaction, whatever could not be (unless --all-or-nothing).
  submissions::LanguageDetector languages;
  std::vector<Submission> batch;
  output::Unreadable unreadable;  // file, error
  output::Duplicates duplicates;  // file, id or earlier file
  std::set<std::string> batch_hashes;
  // A store that does not exist yet is created only when something is filed.
  std::string path = store_path(a.store);
  std::optional<Store> store;
  if (std::filesystem::exists(path)) store.emplace(path);
  std::string user = acting_user(a.by);
  std::size_t items = 0;
  auto file_item = [&](IntakeItem&& item) {
    ++items;
    if (!item.error.empty()) {
      unreadable.emplace_back(item.shown, item.error);
      return;
    }
    Submission s;
    s.file_name = item.file_name;
    // Checked before anything is filed: the store, the search index and every JSON output hold
    // text, and a name that is not UTF-8 used to fail only after the commit.
    if (!submissions::is_valid_utf8(s.file_name)) {
      unreadable.emplace_back(item.shown, item.shown + ": the file name is not valid UTF-8; rename the file");
      return;
    }
    s.sha256 = submissions::sha256_hex(item.bytes);
    if (auto existing = store ? store->find_by_hash(s.sha256) : std::nullopt) {
      duplicates.push_back(output::duplicate_of(item.shown, *store->submission(*existing)));
      return;
    }
    if (!batch_hashes.insert(s.sha256).second) {
      duplicates.push_back(output::duplicate_in_batch(item.shown));
      return;
    }
    try {
      auto read = item.email ? submissions::read_email_message(item.shown, item.bytes)
                             : submissions::read_submission(item.shown, item.bytes);
      s.id = a.id;
      s.format = read.format;
      s.charset = read.charset;
      s.text = read.text;
      s.subject = read.subject;
      s.sender = a.from.empty() ? read.sender : a.from;
      s.received = a.received.empty() ? read.received : a.received;
      s.ocr_pages = read.ocr_pages;
      s.ocr_confidence = read.ocr_confidence;
      s.lang = languages.detect(s.text);
      s.original = std::move(item.bytes);
      s.added_by = user;
      batch.push_back(std::move(s));
    } catch (const submissions::ReadError& e) {
      unreadable.emplace_back(item.shown, e.what());
    }
  };
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources.size() > 1)
      terminal.show_progress("reading " + std::to_string(i + 1) + "/" + std::to_string(sources.size()) + ": " +
                             sources[i].path);
    read_source(sources[i], file_item);
  }
  terminal.end_progress();
  if (!a.id.empty() && items != 1) {
    std::cerr << "provisio: --id names one submission, and " << a.files[0] << " holds " << items << "\n";
    return 2;
  }
  std::cout << std::flush;  // what was filed, then why the rest was not: in that order when both go to one place
  if (!unreadable.empty() && a.all_or_nothing) {
    for (const auto& [file, error] : unreadable) std::cerr << error << "\n";
    std::cerr << "provisio: " << unreadable.size() << (unreadable.size() == 1 ? " file" : " files")
              << " could not be read; nothing was filed in " << path << " (--all-or-nothing)\n";
    return 1;
  }
  if (!batch.empty()) {
    if (!store) store.emplace(path);
    std::vector<std::string> ids;
    try {
      ids = store->add_submissions(batch);  // one transaction: all or nothing
    } catch (const submissions::StoreError& e) {
      std::cerr << "provisio: " << e.what() << "; nothing was filed in " << path << "\n";
      return 1;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      batch[i].id = ids[i];
      batch[i].added_at = store->submission(ids[i])->added_at;  // the time the store gave it
    }
    // The submissions are filed: from here on nothing may report failure. The search index is
    // derived data, brought up to date again by the next search when it cannot be now (a full disk).
    try {
      submissions::sync_submission_index(*store, submissions::submission_index_path(path));
    } catch (const Xapian::Error& e) {
      std::cerr << "provisio: warning: the submissions' search index was not updated (" << e.get_description()
                << "); the next search brings it up to date\n";
    }
  }
  if (a.json) {
    std::cout << output::filed_json(path, batch, duplicates, unreadable);
  } else {
    std::cout << output::filed_text(batch, duplicates);
    // A folder or a mailbox, or several files: a closing count.
    if (items > 1 || sources.size() > 1) std::cout << output::filed_summary_text(batch.size(), duplicates.size(), unreadable.size());
  }
  if (!unreadable.empty()) {
    std::cout << std::flush;
    for (const auto& [file, error] : unreadable) std::cerr << error << "\n";
    std::cerr << "provisio: " << unreadable.size() << (unreadable.size() == 1 ? " file" : " files")
              << " could not be read" << (batch.empty() ? "" : "; the others were filed in " + path) << "\n";
    return 1;
  }
  return 0;
}

std::map<std::string, std::size_t> link_counts(Store& store) {
  std::map<std::string, std::size_t> counts;
  for (const auto& l : store.links()) ++counts[l.submission];
  return counts;
}

struct ListArgs {
  std::string db, store, lang, since, until;
  bool json = false, unlinked = false, removed = false;
};

int run_list(const ListArgs& a) {
  for (const auto& [name, value] : {std::pair{"--since", a.since}, std::pair{"--until", a.until}})
    if (!value.empty() && !Date::parse(value)) {
      std::cerr << "provisio: bad date '" << value << "' for " << name << ": expected YYYY-MM-DD\n";
      return 1;
    }
  std::string path = store_path(a.store);
  bool named = !a.store.empty() || (std::getenv("PROVISIO_STORE") && *std::getenv("PROVISIO_STORE"));
  if (!named && !std::filesystem::exists(path)) {
    // The default store of a new user: nothing filed yet. A store the user named (--store,
    // $PROVISIO_STORE) that is not there is an error (Access::kReadOnly), likely a typo.
    std::cout << (a.json ? output::submission_list_json(path, {}, {}) : output::submission_list_text(path, {}, {}));
    return 0;
  }
  Store store(path, submissions::Access::kReadOnly);
  submissions::SubmissionFilter filter;
  filter.lang = a.lang;
  filter.since = a.since.empty() ? "" : Date::parse(a.since)->iso();
  filter.until = a.until.empty() ? "" : Date::parse(a.until)->iso();
  filter.unlinked = a.unlinked;
  filter.include_removed = a.removed;
  auto all = store.submissions(filter, true);
  auto counts = link_counts(store);
  std::cout << (a.json ? output::submission_list_json(store.path(), all, counts)
                     : output::submission_list_text(store.path(), all, counts));
  return 0;
}

int run_show(const std::string& store_opt, const std::string& db_opt, const std::string& id, bool json,
             bool original, const Terminal& terminal) {
  Store store(store_path(store_opt), submissions::Access::kReadOnly);
  auto s = store.submission(id, original);
  if (!s) {
    std::cerr << "provisio: unknown submission '" << id << "'\n";
    return 1;
  }
  if (original) {
    std::cout << s->original;
    return 0;
  }
  auto links = store.links({id, "", "", true});
  std::string db;
  if (int rc = ready_index(db_opt, terminal, db); rc) return rc;
  auto checks = check_link_targets(links, db);
  auto edits = store.edits(id);
  std::cout << (json ? output::submission_show_json(*s, links, checks, edits)
                     : output::submission_show_text(*s, links, checks, edits));
  return 0;
}

struct RemoveArgs {
  std::string db, store, id, by, note;
  bool json = false;
};

int run_remove(const RemoveArgs& a) {
  Store store(store_path(a.store), submissions::Access::kReadOnly);  // never create one to remove from
  if (!store.has_submission(a.id)) {
    std::cerr << "provisio: unknown submission '" << a.id << "' in " << store.path() << "\n";
    return 1;
  }
  Store writable(store.path());
  std::size_t active = writable.links({a.id, "", "", false}).size();
  bool removed = writable.remove_submission(a.id, acting_user(a.by), a.note);
  auto s = writable.submission(a.id);
  if (removed) submissions::sync_submission_index(writable, submissions::submission_index_path(writable.path()));
  std::cout << (a.json ? output::submission_removed_json(*s, removed, removed ? active : 0)
                       : output::submission_removed_text(*s, removed, removed ? active : 0));
  return 0;
}

struct EditArgs {
  std::string db, store, id, by, note;
  std::optional<std::string> from, received, subject;
  bool json = false;
};

int run_edit(const EditArgs& a) {
  if (!a.from && !a.received && !a.subject) {
    std::cerr << "provisio: say what to change: --from, --received and/or --subject\n";
    return 2;
  }
  if (a.received && !a.received->empty() && !Date::parse(*a.received)) {
    std::cerr << "provisio: bad date '" << *a.received << "' for --received: expected YYYY-MM-DD\n";
    return 1;
  }
  // Checked before anything is written: the store and every JSON output hold text.
  for (const auto& [name, value] : {std::pair{"--from", a.from.value_or("")},
                                    std::pair{"--subject", a.subject.value_or("")}, std::pair{"--note", a.note}})
    if (!submissions::is_valid_utf8(value)) {
      std::cerr << "provisio: " << name << " is not valid UTF-8\n";
      return 1;
    }
  Store probe(store_path(a.store), submissions::Access::kReadOnly);  // never create one to edit
  if (!probe.has_submission(a.id)) {
    std::cerr << "provisio: unknown submission '" << a.id << "' in " << probe.path() << "\n";
    return 1;
  }
  Store store(probe.path());
  submissions::SubmissionChanges changes{a.from, a.received, a.subject};
  if (changes.received && !changes.received->empty()) changes.received = Date::parse(*changes.received)->iso();
  std::size_t changed = store.edit_submission(a.id, changes, acting_user(a.by), a.note);
  if (changed) submissions::sync_submission_index(store, submissions::submission_index_path(store.path()));
  auto s = store.submission(a.id);
  std::cout << (a.json ? output::submission_edited_json(*s, changed) : output::submission_edited_text(*s, changed));
  return 0;
}

struct GroupsArgs {
  std::string db, store;
  std::size_t min_size = 2;
  bool json = false;
};

int run_groups(const GroupsArgs& a, const Terminal& terminal) {
  Store store(store_path(a.store), submissions::Access::kReadOnly);
  auto filed = store.submissions(/*with_text=*/true);
  auto campaigns = submissions::find_campaigns(filed, a.min_size);
  std::cout << (a.json ? output::campaigns_json(store.path(), campaigns, filed.size(), a.min_size)
                       : output::campaigns_text(campaigns, filed.size(), terminal.style()));
  return 0;
}

}  // namespace

Run add_submission_command(CLI::App& root, const Terminal& terminal) {
  auto* cmd = root.add_subcommand("submission", "File submissions from the sector (email, letter, form) and look at them");
  cmd->require_subcommand(1);
  auto add_args = std::make_shared<AddArgs>();
  auto* add = cmd->add_subcommand(
      "add", "File submissions: .txt, .eml, .html, .docx, .pdf, scans (.png, .jpg, .tif), mbox files, folders");
  add_location_options(add, add_args->db, add_args->store);
  add->add_option("--id", add_args->id, "The submission's id (one FILE only; default: the next sub-NNNN)");
  add->add_option("--from", add_args->from, "Who sent it (default: the email's From header)");
  add->add_option("--received", add_args->received, "Day received, YYYY-MM-DD (default: the email's Date header)");
  add->add_option("--by", add_args->by, "Who files it (default: $USER)");
  add->add_flag("--json", add_args->json, "Print one JSON object instead of text");
  add->add_flag("--all-or-nothing", add_args->all_or_nothing,
                "If any file cannot be read, file nothing (default: file the others)");
  add->add_option("file", add_args->files, "Files, folders (walked), mbox files or Maildir folders to file")
      ->required();
  add->footer(
      "Every file is read before anything is written; what can be read is filed in one go, and each\n"
      "file that cannot be read is reported with the reason (exit status 1). A folder is walked;\n"
      "each message of an mbox file or Maildir folder is one submission. Scans (images, PDF pages\n"
      "without text) are read by OCR. A file filed before (same content) is not filed again.\n\n"
      "Examples:\n  provisio submission add views.eml letter.docx scan.png\n"
      "  provisio submission add inbox-export/ consultation.mbox\n"
      "  provisio submission add --id hkta-2019 --from \"HK Testing Association\" --received 2019-05-20 hkta.txt");

  auto list_args = std::make_shared<ListArgs>();
  auto* list = cmd->add_subcommand("list", "List the submissions filed");
  add_location_options(list, list_args->db, list_args->store);
  list->add_flag("--unlinked", list_args->unlinked, "Only those not linked to anything yet");
  list->add_option("--lang", list_args->lang, "Only those in this language")->check(CLI::IsMember(kLangChoices));
  list->add_option("--since", list_args->since, "Only those received on or after this day (YYYY-MM-DD)");
  list->add_option("--until", list_args->until, "Only those received on or before this day (YYYY-MM-DD)");
  list->add_flag("--removed", list_args->removed, "Include removed submissions, marked (removed)");
  list->add_flag("--json", list_args->json, "Print one JSON object instead of text");
  list->footer("A submission whose date is unknown is left out when --since or --until is given.\n\n"
               "Examples:\n  provisio submission list\n  provisio submission list --unlinked --lang zh-Hant --since 2019-05-01");

  auto remove_args = std::make_shared<RemoveArgs>();
  auto* remove = cmd->add_subcommand("remove", "Remove a submission from lists and reports (it is kept, never deleted)");
  add_location_options(remove, remove_args->db, remove_args->store);
  remove->add_option("--by", remove_args->by, "Who removes it (default: $USER)");
  remove->add_option("--note", remove_args->note, "Why it is removed");
  remove->add_flag("--json", remove_args->json, "Print one JSON object instead of text");
  remove->add_option("id", remove_args->id, "Submission id")->required();
  remove->footer("The submission, its file and its history stay in the store; its links are ended with a note\n"
                 "saying so. `submission list --removed` and `submission show` still show it.\n\n"
                 "Example:\n  provisio submission remove sub-0007 --note \"sent twice, see sub-0006\"");

  auto edit_args = std::make_shared<EditArgs>();
  auto* edit = cmd->add_subcommand("edit", "Correct a submission's sender, date or subject (kept in its history)");
  add_location_options(edit, edit_args->db, edit_args->store);
  edit->add_option("--from", edit_args->from, "Who sent it (\"\" = unknown)");
  edit->add_option("--received", edit_args->received, "Day received, YYYY-MM-DD (\"\" = unknown)");
  edit->add_option("--subject", edit_args->subject, "Its subject (\"\" = none)");
  edit->add_option("--by", edit_args->by, "Who edits it (default: $USER)");
  edit->add_option("--note", edit_args->note, "Why, kept with the change");
  edit->add_flag("--json", edit_args->json, "Print one JSON object instead of text");
  edit->add_option("id", edit_args->id, "Submission id")->required();
  edit->footer("Each changed field is recorded with its old and new value, who and when; `submission show`\n"
               "lists the changes.\n\n"
               "Example:\n  provisio submission edit sub-0001 --from \"HK Testing Association\" --received 2019-05-20");

  struct ShowArgs {
    std::string db, store, id;
    bool json = false, original = false;
  };
  auto show_args = std::make_shared<ShowArgs>();
  auto* show = cmd->add_subcommand("show", "Show one submission: where it came from, its links and its text");
  add_location_options(show, show_args->db, show_args->store);
  show->add_flag("--json", show_args->json, "Print one JSON object instead of text");
  show->add_flag("--original", show_args->original, "Print the file exactly as received");
  show->add_option("id", show_args->id, "Submission id")->required();
  show->footer("Examples:\n  provisio submission show sub-0001\n  provisio submission show --original sub-0001 > copy.eml");

  auto groups_args = std::make_shared<GroupsArgs>();
  auto* groups = cmd->add_subcommand(
      "groups", "List campaigns: groups of near-identical letters, and what each changed");
  add_location_options(groups, groups_args->db, groups_args->store);
  groups->add_option("--min-size", groups_args->min_size, "Only campaigns of at least N letters (default 2)")
      ->check(CLI::Range(2, 1000000));
  groups->add_flag("--json", groups_args->json, "Print one JSON object instead of text");
  groups->footer(
      "Letters are grouped when their texts, folded as the index folds them (so Traditional and\n"
      "Simplified copies match), share at least half of their runs of four words or four Chinese\n"
      "characters (MinHash estimate; texts under 30 words are never grouped). Each member's changes\n"
      "from the campaign's most common text are shown as [-left out-]{+written instead+}.\n"
      "`report` counts a campaign once; `link accept` and `link add` link every member.\n\n"
      "Examples:\n  provisio submission groups\n  provisio submission groups --min-size 10 --json");

  return [=, &terminal] {
    if (groups->parsed()) return run_groups(*groups_args, terminal);
    if (add->parsed()) return run_add(*add_args, terminal);
    if (list->parsed()) return run_list(*list_args);
    if (remove->parsed()) return run_remove(*remove_args);
    if (edit->parsed()) return run_edit(*edit_args);
    return run_show(show_args->store, show_args->db, show_args->id, show_args->json, show_args->original, terminal);
  };
}

}  // namespace provisio::cli
