#include "submission_index.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "analyzer.h"
#include "schema.h"
#include "searcher.h"
#include "suggester.h"
#include "tidy.h"

namespace provisio::submissions {

namespace {

// The layout is in schema.h (namespace schema::submission_index).
const std::string kStoreIdKey(schema::submission_index::kStoreIdKey);
const std::string kRevisionKey(schema::submission_index::kRevisionKey);
const std::string kUniquePrefix(schema::submission_index::kUniqueTerm);
constexpr Xapian::valueno kIdSlot = schema::submission_index::kIdSlot;

Xapian::Document make_document(Analyzer& analyzer, const Submission& s) {
  Xapian::Document doc;
  analyzer.begin_document(doc);
  if (!s.subject.empty()) {
    analyzer.index_text(s.subject, 2);
    analyzer.end_field();
  }
  if (!s.sender.empty()) {
    analyzer.index_text(s.sender, 1);
    analyzer.end_field();
  }
  analyzer.index_text(s.text, 1);
  doc.add_boolean_term(kUniquePrefix + s.id);
  doc.add_value(kIdSlot, s.id);
  nlohmann::json data = {{"id", s.id},       {"sender", s.sender},       {"received", s.received},
                         {"lang", s.lang},   {"file_name", s.file_name}, {"subject", s.subject},
                         {"text", s.text}};
  // Never throws on bytes that are not UTF-8 (from a store filed before names were checked): the
  // index is derived data and must not make the store unsearchable.
  doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  analyzer.end_document();
  return doc;
}

Xapian::Query parse(Xapian::Database& db, Analyzer& analyzer, const std::string& text,
                    Xapian::Query::op default_op) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  analyzer.configure_query_parser(qp);
  qp.set_default_op(default_op);
  try {
    // With the glossary: a search for CMA also finds a submission that says 資質認定.
    return analyzer.parse_query(qp, text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT);
  } catch (const Xapian::QueryParserError& e) {
    throw SearchError("cannot read the query '" + text + "': " + e.get_msg());
  }
}

}  // namespace

std::string submission_index_path(const std::string& store_path) {
  std::filesystem::path p(store_path);
  return (p.parent_path() / (p.stem().string() + ".xapian")).string();
}

bool sync_submission_index(Store& store, const std::string& index_path) {
  std::string store_id = store.store_id();
  std::string revision = std::to_string(store.revision());
  if (std::filesystem::exists(index_path)) {
    try {
      Xapian::Database current(index_path);
      if (current.get_metadata(kStoreIdKey) == store_id && current.get_metadata(kRevisionKey) == revision)
        return true;
    } catch (const Xapian::DatabaseOpeningError&) {
      // Unreadable: rebuilt below (it is derived data).
    }
  }
  try {
    Xapian::WritableDatabase db(index_path, Xapian::DB_CREATE_OR_OPEN);
    Analyzer analyzer;
    db.begin_transaction();
    std::set<std::string> wanted;
    for (const auto& s : store.submissions(true)) {
      wanted.insert(kUniquePrefix + s.id);
      db.replace_document(kUniquePrefix + s.id, make_document(analyzer, s));
    }
    std::vector<std::string> stale;
    for (auto t = db.allterms_begin(kUniquePrefix); t != db.allterms_end(kUniquePrefix); ++t)
      if (!wanted.count(*t)) stale.push_back(*t);
    for (const auto& term : stale) db.delete_document(term);
    db.set_metadata(kStoreIdKey, store_id);
    db.set_metadata(kRevisionKey, revision);
    db.commit_transaction();
    return true;
  } catch (const Xapian::DatabaseLockError&) {
    return false;
  }
}

SubmissionSearchResult search_submissions(Store& store, const std::string& query, std::size_t limit,
                                          std::size_t offset) {
  std::string trimmed = query;
  trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
  if (trimmed.empty()) throw SearchError("empty query: give some words to search for");
  std::string path = submission_index_path(store.path());
  sync_submission_index(store, path);
  SubmissionSearchResult result;
  result.query = query;
  if (!std::filesystem::exists(path)) return result;
  Xapian::Database db(path);
  Analyzer analyzer;
  Xapian::Query q = parse(db, analyzer, query, Xapian::Query::OP_AND);
  if (q.empty()) throw SearchError("the query '" + query + "' has no words to search for");
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                       static_cast<Xapian::doccount>(limit), db.get_doccount());
  if (mset.get_matches_estimated() == 0) {
    Xapian::Query relaxed = parse(db, analyzer, query, Xapian::Query::OP_OR);
    enquire.set_query(relaxed);
    Xapian::MSet any = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                        static_cast<Xapian::doccount>(limit), db.get_doccount());
    if (any.get_matches_estimated() > 0) {
      mset = any;
      q = relaxed;
      result.note = "no submission matches every word; showing those matching some of them";
    }
  }
  result.total = mset.get_matches_estimated();
  QueryHighlights terms = query_highlights(q);  // a glossary form counts only whole (snippet.h)
  std::size_t rank = offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto data = nlohmann::json::parse(it.get_document().get_data());
    SubmissionHit h;
    h.rank = ++rank;
    h.id = data["id"];
    h.sender = data["sender"];
    h.received = data["received"];
    h.lang = data["lang"];
    h.file_name = data["file_name"];
    h.subject = data["subject"];
    h.score = it.get_weight();
    h.snippet = make_snippet(analyzer, tidy_whitespace(data["text"].get<std::string>()), terms);
    result.hits.push_back(std::move(h));
  }
  return result;
}

}  // namespace provisio::submissions
