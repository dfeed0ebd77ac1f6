#include "searcher.h"

#include <algorithm>
#include <filesystem>

#include "corpus.h"
#include "schema.h"

#include <set>

namespace provisio {

namespace {

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(schema::prefixed(prefix, v));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

Searcher::Searcher(const std::string& db_path) {
  if (!std::filesystem::exists(db_path))
    throw SearchError("no index at " + db_path + " (run 'provisio index --db " + db_path + "')");
  db_ = Xapian::Database(db_path);
}

Xapian::Query Searcher::parse(const std::string& text, Xapian::Query::op default_op) {
  Xapian::QueryParser qp;
  qp.set_database(db_);
  qp.set_stemmer(analyzer_.stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  static const Xapian::SimpleStopper stopper(english_stopwords().begin(), english_stopwords().end());
  qp.set_stopper(&stopper);
  qp.set_default_op(default_op);
  try {
    return analyzer_.parse_query(qp, text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT);
  } catch (const Xapian::QueryParserError& e) {
    throw SearchError("cannot read the query '" + text + "': " + e.get_msg());
  }
}

Xapian::Query Searcher::filters(const SearchOptions& options) const {
  // In force on as_of: from <= as_of < to, i.e. to >= the next day.
  Xapian::Query q(Xapian::Query::OP_AND,
                  Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kEffectiveFromSlot,
                                options.as_of.value_key()),
                  Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kEffectiveToSlot,
                                options.as_of.next_day().value_key()));
  if (!options.instruments.empty())
    q = Xapian::Query(Xapian::Query::OP_AND, q, any_of(schema::kInstrumentTerm, options.instruments));
  if (!options.topics.empty())
    q = Xapian::Query(Xapian::Query::OP_AND, q, any_of(schema::kTopicTerm, options.topics));
  return q;
}

std::optional<StoredDocument> Searcher::sibling(const std::string& id, const std::string& from_iso,
                                                const std::string& lang) {
  std::string term = schema::unique_term(id, from_iso, lang);
  auto post = db_.postlist_begin(term);
  if (post == db_.postlist_end(term)) return std::nullopt;
  return nlohmann::json::parse(db_.get_document(*post).get_data());
}

SearchResult Searcher::search(const SearchOptions& options) {
  std::string trimmed = options.query;
  trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
  if (trimmed.empty()) throw SearchError("empty query: give some words to search for");

  SearchResult result;
  result.query = options.query;
  Xapian::Query query = parse(options.query, Xapian::Query::OP_AND);
  if (query.empty()) throw SearchError("the query '" + options.query + "' has no words to search for");

  Xapian::Enquire enquire(db_);
  enquire.set_collapse_key(schema::kProvisionIdSlot);
  auto run = [&](const Xapian::Query& q) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, filters(options)));
    return enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                            static_cast<Xapian::doccount>(options.limit), db_.get_doccount());
  };
  Xapian::MSet mset = run(query);
  if (mset.get_matches_estimated() == 0) {
    // No provision has every word: rank those with some of them rather than say nothing.
    Xapian::Query relaxed = parse(options.query, Xapian::Query::OP_OR);
    if (relaxed.get_length() > 1 || relaxed.serialise() != query.serialise()) {
      Xapian::MSet any = run(relaxed);
      if (any.get_matches_estimated() > 0) {
        mset = any;
        query = relaxed;
        result.note = "no provision matches every word; showing those matching some of them";
      }
    }
  }
  result.total = mset.get_matches_estimated();

  std::set<std::string> query_terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
  std::size_t rank = options.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    StoredDocument data = nlohmann::json::parse(it.get_document().get_data());
    if (!options.lang.empty() && data["lang"] != options.lang) {
      auto wanted = sibling(data["id"], data["effective_from"], options.lang);
      // zh-Hans is shown from the zh-Hant text when the corpus has no Simplified text.
      if (!wanted && options.lang == "zh-Hans")
        wanted = sibling(data["id"], data["effective_from"], "zh-Hant");
      if (wanted) data = *wanted;
    }
    Hit hit;
    hit.rank = ++rank;
    hit.id = data["id"];
    hit.instrument = data["instrument"];
    hit.citation = data["citation"];
    hit.heading = data["heading"];
    hit.lang = data["lang"];
    hit.score = it.get_weight();
    hit.topics = data["topics"].get<std::vector<std::string>>();
    hit.effective_from = data["effective_from"];
    if (!data["effective_to"].is_null()) hit.effective_to = data["effective_to"].get<std::string>();
    // The best passage among the document's texts (official wording before our digest).
    std::size_t best = 0;
    for (const auto& t : data["texts"]) {
      Snippet s = make_snippet(analyzer_, t["body"].get<std::string>(), query_terms);
      if (hit.snippet.text.empty() || s.highlights.size() > best) {
        best = s.highlights.size();
        hit.snippet = std::move(s);
        hit.text_kind = t["kind"];
      }
    }
    result.hits.push_back(std::move(hit));
  }
  return result;
}

std::vector<StoredDocument> Searcher::provision_documents(const std::string& id) {
  std::vector<StoredDocument> docs;
  std::string term = schema::prefixed(schema::kProvisionTerm, id);
  for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post)
    docs.push_back(nlohmann::json::parse(db_.get_document(*post).get_data()));
  auto lang_rank = [](const std::string& lang) {
    return std::find(kLanguages.begin(), kLanguages.end(), lang) - kLanguages.begin();
  };
  std::sort(docs.begin(), docs.end(), [&](const StoredDocument& a, const StoredDocument& b) {
    if (a["effective_from"] != b["effective_from"]) return a["effective_from"] < b["effective_from"];
    return lang_rank(a["lang"]) < lang_rank(b["lang"]);
  });
  return docs;
}

std::vector<std::string> Searcher::nearest_ids(const std::string& id, std::size_t n) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  std::string prefix(schema::kProvisionTerm);
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    std::string candidate = (*t).substr(prefix.size());
    std::size_t d = edit_distance(id, candidate);
    // An id that starts with what was typed (a parent path) is a good suggestion too.
    if (candidate.rfind(id, 0) == 0) d = std::min<std::size_t>(d, 1);
    if (d <= std::max<std::size_t>(3, id.size() / 3)) scored.emplace_back(d, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace provisio
