#include "searcher.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "corpus.h"
#include "edit_distance.h"
#include "explain.h"
#include "negation.h"
#include "query_builder.h"
#include "ranking.h"
#include "schema.h"
#include "script.h"
#include "utf8.h"
#include "spelling.h"

#include <set>

namespace provisio {

namespace {

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(schema::prefixed(prefix, v));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}


// The smallest effective-to value key of a version in force on `as_of` (to is exclusive). The
// day after 9999-12-31 has a five-digit year, whose key sorts before every other: on that last
// day only open-ended versions are in force.
std::string in_force_key(const Date& as_of) {
  std::string key = as_of.next_day().value_key();
  return key.size() == kOpenEndValueKey.size() ? key : std::string(kOpenEndValueKey);
}

// With every version listed, versions in force on the day asked for come before superseded ones,
// whatever their scores. Not a sort key (a Xapian::KeyMaker of ours: Xapian 1.4's remote backend
// can only rebuild the key makers it registers itself, so a search over xapian-tcpsrv shards could
// not use it), but a fixed weight far above any score (the scores reach a few thousand: the
// complete-match scale times BM25 plus boosts) added to every version in force, taken off again
// before scores are shown. FixedWeightPostingSource is one of Xapian's registered classes.
constexpr double kInForceWeight = 1e9;

Xapian::Query in_force_first(const Xapian::Query& query, const Date& as_of) {
  Xapian::Query lift(Xapian::Query::OP_FILTER,
                     Xapian::Query((new Xapian::FixedWeightPostingSource(kInForceWeight))->release()),
                     Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kEffectiveToSlot, in_force_key(as_of)));
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, lift);
}

// At most this many superseded versions follow the first page of hits (SearchResult::superseded).
constexpr std::size_t kSupersededShown = 3;

}  // namespace

std::string display_language(const std::string& requested, std::string_view query) {
  if (!requested.empty()) return requested;
  // A query that filters on a language (lang:en 檢測) asks to read that one.
  for (std::size_t at = query.find("lang:"); at != std::string_view::npos; at = query.find("lang:", at + 1)) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(query[at - 1])) && query[at - 1] != '(') continue;
    std::string_view value = query.substr(at + 5);
    value = value.substr(0, value.find_first_of(" \t)"));
    if (std::find(kLanguages.begin(), kLanguages.end(), value) != kLanguages.end()) return std::string(value);
  }
  if (!contains_han(query)) return "en";
  // Traditional or Simplified by the characters only one script has; ties (檢測 and 3C alike) go to
  // Traditional, the corpus's and Hong Kong's script.
  long script = 0;
  for (std::size_t pos = 0; pos < query.size();) {
    HanVariant v = han_variant(decode_utf8(query, pos));
    script += v == HanVariant::kTraditional ? 1 : v == HanVariant::kSimplified ? -1 : 0;
  }
  return script < 0 ? "zh-Hans" : "zh-Hant";
}

std::vector<std::string> parallel_languages(const std::string& lang) {
  std::vector<std::string> out;
  for (const auto& other : kLanguages) {
    // Traditional and Simplified are one language in two scripts: neither is the other's parallel.
    bool chinese = other != "en", hit_chinese = lang != "en";
    if (other != lang && !(chinese && hit_chinese)) out.push_back(other);
  }
  return out;
}

Searcher::Searcher(const std::string& db_path) {
  if (!std::filesystem::exists(db_path))
    throw SearchError("no index at " + db_path + " (run 'provisio index --db " + db_path + "')");
  try {
    db_ = Xapian::Database(db_path);
  } catch (const Xapian::NetworkError& e) {
    // A remote shard listed in a stub file (docs/scaling.md) is down, unreachable, or did not answer
    // within Xapian's remote timeout (10 s for a stub's entries): the context names it,
    // "remote:tcp(HOST:PORT)" or "remote:prog(...)".
    throw SearchError("a shard of the index at " + db_path + " cannot be reached: " + e.get_context() + ": " +
                      e.get_msg() + (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : ""));
  } catch (const Xapian::DatabaseError& e) {
    // Not found, corrupt, wrong version, unreadable: all mean this folder cannot be searched.
    throw SearchError("cannot open the index at " + db_path + ": " + e.get_msg() +
                      " (is it a Provisio index? rebuild it with 'provisio index --db " + db_path + "')");
  }
}

bool Searcher::reopen() {
  bool changed = db_.reopen();
  if (changed) instrument_kinds_.reset();
  return changed;
}

const std::map<std::string, std::string>& Searcher::instrument_kinds() {
  if (!instrument_kinds_) instrument_kinds_ = ranking::instrument_kinds(db_);
  return *instrument_kinds_;
}

Xapian::Query Searcher::filters(const SearchOptions& options) const {
  // In force on as_of (the rule of in_force_on() in date.h, on value keys): from <= as_of < to,
  // i.e. to >= the next day. With all_versions: every version that had started by as_of (nothing
  // not yet signed).
  Xapian::Query q(Xapian::Query::OP_VALUE_LE, schema::kEffectiveFromSlot, options.as_of.value_key());
  if (!options.all_versions)
    q = Xapian::Query(Xapian::Query::OP_AND, q,
                      Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kEffectiveToSlot, in_force_key(options.as_of)));
  return subject_filters(q, options);
}

Xapian::Query Searcher::subject_filters(Xapian::Query q, const SearchOptions& options) const {
  if (!options.instruments.empty())
    q = Xapian::Query(Xapian::Query::OP_AND, q, any_of(schema::kInstrumentTerm, options.instruments));
  if (!options.topics.empty())
    q = Xapian::Query(Xapian::Query::OP_AND, q, any_of(schema::kTopicTerm, options.topics));
  return q;
}

StoredDocument Searcher::in_language(StoredDocument data, const std::string& lang) {
  if (lang.empty()) return data;
  // The nearest language this version has, the hit's own included (zh-Hans is shown from the
  // zh-Hant text when the corpus has no Simplified text).
  for (const auto& wanted_lang : language_fallbacks(lang)) {
    if (data.lang == wanted_lang) return data;
    if (auto wanted = sibling(data.id, data.effective_from, wanted_lang)) return std::move(*wanted);
  }
  return data;
}

std::vector<Hit> Searcher::superseded_matches(const Xapian::Query& query, const SearchOptions& options,
                                              double best_current, std::size_t room, const QueryHighlights& query_terms,
                                              const VersionExclusion& exclusion) {
  std::vector<Hit> out;
  if (room == 0) return out;
  // Ended on or before as_of (effective_to is the first day no longer in force).
  Xapian::Query ended(Xapian::Query::OP_VALUE_LE, schema::kEffectiveToSlot, options.as_of.value_key());
  Xapian::Enquire enquire(db_);
  enquire.set_collapse_key(schema::kProvisionIdSlot);
  enquire.set_query(exclusion.applied_to(Xapian::Query(Xapian::Query::OP_FILTER, query, subject_filters(ended, options))));
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(room));
  for (auto it = mset.begin(); it != mset.end() && out.size() < room; ++it) {
    if (it.get_weight() <= best_current) break;
    StoredDocument data = in_language(parse_stored_document(it.get_document().get_data()), options.lang);
    Hit hit = make_hit(data, query_terms);
    hit.score = it.get_weight();
    hit.superseded = true;
    // The version that replaced it names the instrument that made it.
    if (hit.effective_to)
      if (auto next = sibling(hit.id, *hit.effective_to, data.lang); next && next->by)
        hit.superseded_by = *next->by;
    out.push_back(std::move(hit));
  }
  return out;
}

void Searcher::place_superseded(std::vector<Hit>& hits, std::vector<Hit> superseded, std::size_t current_complete,
                                const Xapian::Query& all_words) {
  // Every complete match ranks above every partial one (ranking.h), across versions too. A
  // superseded version with every word, of a provision not on the page, comes after the current
  // hits with every word and before those with only some: the query was about how things stood
  // (a pilot since widened, a Supplement since replaced). The rest (versions with only some
  // words, and earlier versions of provisions already on the page in force) follow the page: a
  // provision in force is never preceded by its own earlier version.
  std::set<std::string> shown;
  for (const auto& h : hits) shown.insert(h.id);
  std::vector<Hit> inline_hits, after_page;
  for (auto& h : superseded)
    (current_complete < hits.size() && !shown.count(h.id) && matches_every_word(all_words, h) ? inline_hits : after_page)
        .push_back(std::move(h));
  auto at = hits.begin() + static_cast<std::ptrdiff_t>(current_complete);
  hits.insert(at, std::make_move_iterator(inline_hits.begin()), std::make_move_iterator(inline_hits.end()));
  hits.insert(hits.end(), std::make_move_iterator(after_page.begin()), std::make_move_iterator(after_page.end()));
  for (std::size_t i = 0; i < hits.size(); ++i) hits[i].rank = i + 1;
}

bool Searcher::matches_every_word(const Xapian::Query& all_words, const Hit& hit) {
  // The hit is shown in the reader's language; the words may have matched its other language.
  std::vector<std::string> versions;
  for (const auto& lang : kLanguages) versions.push_back(schema::unique_term(hit.id, hit.effective_from, lang));
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, all_words,
                                  Xapian::Query(Xapian::Query::OP_OR, versions.begin(), versions.end())));
  return !enquire.get_mset(0, 1).empty();
}

std::optional<StoredDocument> Searcher::sibling(const std::string& id, const std::string& from_iso,
                                                const std::string& lang) {
  std::string term = schema::unique_term(id, from_iso, lang);
  auto post = db_.postlist_begin(term);
  if (post == db_.postlist_end(term)) return std::nullopt;
  return parse_stored_document(db_.get_document(*post).get_data());
}

SearchResult Searcher::search(const SearchOptions& options) {
  std::string trimmed = options.query;
  trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
  if (trimmed.empty()) throw SearchError("empty query: give some words to search for");

  // Filter values are checked like instrument: and topic: in the query: a misspelt one would
  // otherwise find nothing and look like an answer.
  if (!options.instruments.empty()) {
    auto known = QueryBuilder::instruments_in(db_);
    for (const auto& i : options.instruments) QueryBuilder::require_known("instrument", i, "--instrument", known);
  }
  for (const auto& t : options.topics) QueryBuilder::require_known("topic", t, "--topic", known_topics());

  SearchResult result;
  result.query = options.query;
  if (options.all_versions) result.unit = "provision versions";
  QueryBuilder builder(db_, analyzer_);
  BuiltQuery built = builder.build(options.query, Xapian::Query::OP_AND);
  result.notes = built.notes;
  Xapian::Query query = built.query;

  Xapian::Enquire enquire(db_);
  // One hit per provision; with every version asked for, one per provision version.
  Xapian::valueno collapse_slot = options.all_versions ? schema::kVersionSlot : schema::kProvisionIdSlot;
  enquire.set_collapse_key(collapse_slot);
  // Xapian's own spies only (facets.h): remote shards run them too.
  DistinctCounter counter(collapse_slot);
  std::unique_ptr<Xapian::ValueCountMatchSpy> facet_spy;
  auto fresh_spies = [&] {
    enquire.clear_matchspies();
    counter.clear();
    enquire.add_matchspy(counter.spy());
    if (!options.facets) return;
    facet_spy = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetSlot);
    enquire.add_matchspy(facet_spy.get());
  };
  fresh_spies();
  const Xapian::doccount first = static_cast<Xapian::doccount>(options.offset);
  const Xapian::doccount size = static_cast<Xapian::doccount>(options.limit);
  const Xapian::doccount check = options.facets ? db_.get_doccount() : std::max(kExactCountLimit, first + size);
  // NOT and '-' exclude a provision version in every language, not only the document that has the
  // excluded words (its other-language sibling would otherwise be found and shown).
  VersionExclusion exclusion(db_, excluded_parts(built.query), schema::kVersionSlot);
  // `q` within the options' filters, without the excluded versions: what both runs below match.
  const Xapian::Query filter = filters(options);
  auto restricted = [&](const Xapian::Query& q) {
    return exclusion.applied_to(Xapian::Query(Xapian::Query::OP_FILTER, q, filter));
  };
  auto run = [&](const Xapian::Query& q) {
    Xapian::Query filtered = restricted(q);
    if (options.all_versions) filtered = in_force_first(filtered, options.as_of);
    enquire.set_query(filtered);
    return enquire.get_mset(first, size, check);
  };
  // Counting needs only which documents match: not the boosts, whose posting sources read a value
  // for every match (p99 65 -> 58 ms on the 301k corpus, counts identical). BoolWeight would save
  // more (p99 49 ms), but Xapian then stops extrapolating its estimate past the documents checked,
  // and its estimates past kExactCountLimit are rough already (docs/performance.md).
  auto run_to_count = [&](const Xapian::Query& q) {
    enquire.set_query(restricted(q));
    return enquire.get_mset(first, size, check);
  };
  // The number of provisions `m` matched: counted when the spy saw every matching document. The
  // matcher stops early only once it has checked `check` documents, so seeing fewer means it ran
  // out of matches (Xapian's bounds are not always tight then: value-range filters).
  auto count = [&](const Xapian::MSet& m) -> std::size_t {
    if (counter.documents() < check || counter.documents() >= m.get_uncollapsed_matches_upper_bound())
      return counter.count();
    if (m.get_matches_lower_bound() == m.get_matches_upper_bound()) return m.get_matches_lower_bound();
    result.counts_exact = false;
    return m.get_matches_estimated();
  };
  // Provisions with every word come first; those with only some follow, so a long or
  // paraphrased query still shows what is near. The scale puts every complete match above every
  // partial one (BM25 weights here are far below it). Both tiers get the boosts of ranking.h.
  Xapian::Query any_word = builder.build(options.query, Xapian::Query::OP_OR).query;
  Xapian::Query boosts = ranking::boosts(instrument_kinds(), topics_named(built.concepts));
  query = ranking::boosted(query, boosts);
  std::size_t complete = 0;
  const Xapian::Query all_words = query;
  if (any_word.serialise() != built.query.serialise()) {
    complete = count(run_to_count(built.query));
    fresh_spies();
    query = Xapian::Query(Xapian::Query::OP_OR,
                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, ranking::kCompleteMatchScale),
                          ranking::boosted(any_word, boosts));
  }
  Xapian::MSet mset = run(query);
  result.total = std::max(count(mset), complete);
  result.complete = any_word.serialise() != built.query.serialise() ? complete : result.total;
  if (result.complete == 0 && result.total > 0)
    result.notes.push_back(std::string(options.all_versions ? "no provision version" : "no provision in force") +
                           " matches every word; showing those matching some of them");
  if (options.facets) result.facets = facets_from(*facet_spy, options.all_versions);
  if (result.complete == 0) result.suggestion = spelling_suggestion(options.query, built.words);

  QueryHighlights query_terms = query_highlights(query);
  std::size_t rank = options.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    StoredDocument data = in_language(parse_stored_document(it.get_document().get_data()), options.lang);
    Hit hit = make_hit(data, query_terms);
    hit.rank = ++rank;
    hit.score = it.get_weight();
    if (options.all_versions && hit.score >= kInForceWeight) hit.score -= kInForceWeight;
    if (options.parallel) {
      // English beside Chinese: the other language of the same version.
      for (const auto& lang : parallel_languages(hit.lang))
        if (auto other = sibling(hit.id, hit.effective_from, lang)) hit.parallel.push_back(make_hit(*other, query_terms));
    }
    result.hits.push_back(std::move(hit));
  }
  // History: when versions that have since been superseded match better than anything in force,
  // up to kSupersededShown of them join the first page of current hits, marked (staff research
  // how measures evolved). A provision may then appear twice: as in force, and as it stood
  // before. Never with all_versions, which lists every version anyway.
  if (!options.all_versions && options.offset == 0) {
    double best_current = result.total ? mset.get_max_attained() : 0.0;
    auto superseded = superseded_matches(query, options, best_current, kSupersededShown, query_terms, exclusion);
    result.superseded = superseded.size();
    place_superseded(result.hits, std::move(superseded), std::min(result.complete, result.hits.size()), all_words);
  }
  return result;
}

Hit Searcher::make_hit(const StoredDocument& data, const QueryHighlights& query_terms) {
  Hit hit;
  hit.id = data.id;
  hit.instrument = data.instrument;
  hit.citation = data.citation;
  hit.heading = data.heading;
  hit.lang = data.lang;
  hit.topics = data.topics;
  hit.effective_from = data.effective_from;
  hit.effective_to = data.effective_to;
  // The best passage among the document's texts (official wording before our digest).
  std::size_t best = 0;
  for (const auto& t : data.texts) {
    Snippet s = make_snippet(analyzer_, t.body, query_terms);
    if (hit.snippet.text.empty() || s.highlights.size() > best) {
      best = s.highlights.size();
      hit.snippet = std::move(s);
      hit.text_kind = t.kind;
    }
  }
  return hit;
}

std::string Searcher::spelling_suggestion(const std::string& query, const std::vector<std::string>& words) {
  return provisio::spelling_suggestion(db_, query, words);
}

std::vector<StoredDocument> Searcher::provision_documents(const std::string& id) {
  std::vector<StoredDocument> docs;
  std::string term = schema::prefixed(schema::kProvisionTerm, id);
  for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post)
    docs.push_back(parse_stored_document(db_.get_document(*post).get_data()));
  auto lang_rank = [](const std::string& lang) {
    return std::find(kLanguages.begin(), kLanguages.end(), lang) - kLanguages.begin();
  };
  std::sort(docs.begin(), docs.end(), [&](const StoredDocument& a, const StoredDocument& b) {
    if (a.effective_from != b.effective_from) return a.effective_from < b.effective_from;
    return lang_rank(a.lang) < lang_rank(b.lang);
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
