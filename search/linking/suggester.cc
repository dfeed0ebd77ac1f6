#include "suggester.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "glossary.h"
#include "history.h"
#include "schema.h"
#include "searcher.h"
#include "snippet.h"
#include "stored_document.h"
#include "text_folder.h"
#include "tidy.h"

namespace provisio::submissions {

namespace {

constexpr Xapian::termcount kMaxQueryWdf = 4;

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Chinese tokens are bigrams and characters (in `term`) and segmented words ("Z" + word in
// `stem`, with an empty `term`); English words have both a term and a stem.
bool is_han_token(const Analyzer::Token& t) {
  const std::string& text = t.term.empty() ? t.stem : t.term;
  std::size_t first = t.term.empty() ? 1 : 0;  // skip the "Z" of a word term
  return text.size() > first && static_cast<unsigned char>(text[first]) >= 0x80;
}


StoredDocument document_data(const Xapian::Document& doc) { return parse_stored_document(doc.get_data()); }

// The code points of a UTF-8 string, each as its own string.
std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

bool is_function_word(const std::string& word) {
  // Words that carry no subject in a letter or a provision: the tokenizer's stopwords plus the
  // auxiliaries, quantifiers, connectives and the generic verbs of legal drafting. They neither
  // pick provisions nor explain a suggestion ("would", "such", "more", "include" used to).
  static const std::set<std::string> words = [] {
    std::set<std::string> w(english_stopwords().begin(), english_stopwords().end());
    for (const char* x :
         {"would", "could", "should", "shall", "may", "might", "must", "can", "cannot", "do", "does", "did", "done",
          "been", "being", "had", "having", "not", "no", "nor", "but", "if", "then", "than", "so", "such", "more",
          "most", "less", "least", "much", "many", "any", "all", "each", "every", "some", "other", "others", "also",
          "only", "very", "too", "there", "here", "these", "those", "they", "them", "we", "our", "us", "you",
          "your", "he", "she", "his", "her", "i", "my", "me", "who", "whom", "whose", "what", "when", "where",
          "why", "how", "about", "above", "after", "again", "against", "before", "below", "between", "both",
          "during", "further", "over", "under", "until", "up", "down", "out", "off", "through", "within",
          "without", "upon", "via", "per", "include", "includes", "included", "including", "relevant",
          "relating", "related", "regarding", "concerning", "following", "such", "well", "etc", "e.g", "i.e",
          "same", "own", "one", "two", "make", "made", "get", "use", "used", "using", "new", "further",
          "whether", "while", "because", "since", "however", "therefore", "thus", "hence", "please", "dear"})
      w.insert(x);
    return w;
  }();
  return words.count(word) > 0;
}

namespace {

}  // namespace

std::string_view suggestion_input(std::string_view text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && characters++ == kMaxSuggestCharacters)
      return text.substr(0, i);
  return text;
}

LinkSuggester::LinkSuggester(const std::string& db_path, SuggestTuning tuning) : tuning_(tuning) {
  Searcher check(db_path);  // the same "no index at …" error as search
  db_ = Xapian::Database(db_path);
}

std::vector<Suggestion> LinkSuggester::suggest(const std::string& whole_text, std::size_t limit,
                                               const std::optional<Date>& written) {
  const std::string text(suggestion_input(whole_text));
  // Only the tokenizer's stopwords leave the query: dropping every function word (is_function_word)
  // as well measured worse (MRR 0.948 -> 0.932 on `make eval-link`); they are left out of the reasons.
  std::set<std::string> stopwords(english_stopwords().begin(), english_stopwords().end());
  auto tokens = analyzer_.tokenize(text);

  // 1. Salient terms.
  std::map<std::string, Xapian::termcount> tf;
  for (const auto& t : tokens) {
    if (is_han_token(t)) {
      if (!t.term.empty() && code_points(t.term) >= 2) ++tf[t.term];
    } else if (!t.stem.empty() && !stopwords.count(t.term) && t.term.size() > 1) {  // no stem: not indexed
      ++tf[t.stem];
    }
  }
  double n = std::max<double>(1, db_.get_doccount());
  std::vector<std::pair<double, std::string>> scored;
  for (const auto& [term, count] : tf) {
    Xapian::doccount df = db_.get_termfreq(term);
    if (df == 0) continue;
    scored.emplace_back(std::min(count, kMaxQueryWdf) * std::log((n + 1) / df), term);
  }
  std::sort(scored.begin(), scored.end(), std::greater<>());
  if (scored.size() > tuning_.max_terms) scored.resize(tuning_.max_terms);
  std::vector<Xapian::Query> parts;
  for (const auto& [weight, term] : scored) parts.emplace_back(term, std::min(tf[term], kMaxQueryWdf));

  // 2. Concepts, in every language, and their topics.
  auto named = find_concepts(text);
  TextFolder folder;
  auto folded_lower = [&](std::string_view s) { return Xapian::Unicode::tolower(folder.fold(s)); };
  std::string folded_text = folded_lower(text);
  for (const Concept* c : named) {
    std::vector<Xapian::Query> names;
    for (const auto& name : c->names) {
      // The names the submission uses already count through its own terms: add the others (the
      // concept in other languages), which is what reaches provisions written in another language.
      if (folded_text.find(folded_lower(name)) != std::string::npos) continue;
      std::vector<std::string> terms;
      auto name_tokens = analyzer_.tokenize(name);
      bool single_han = name_tokens.size() == 1 && is_han_token(name_tokens[0]);
      for (const auto& t : name_tokens) {
        if (t.term.empty()) continue;  // a segmented Chinese word: its bigrams are there too
        if (!is_han_token(t) || code_points(t.term) >= 2 || single_han) terms.push_back(t.term);
      }
      if (terms.empty()) continue;
      if (terms.size() == 1) names.emplace_back(terms[0]);
      else names.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
    }
    if (!names.empty() && tuning_.concept_boost > 0)
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()), tuning_.concept_boost);
    if (!c->topic.empty() && tuning_.topic_bonus > 0)
      parts.emplace_back(Xapian::Query::OP_FILTER,
                         Xapian::Query((new Xapian::FixedWeightPostingSource(tuning_.topic_bonus))->release()),
                         Xapian::Query(schema::prefixed(schema::kTopicTerm, c->topic)));
  }
  std::vector<Suggestion> out;
  if (parts.empty()) return other_views(text);

  // 3. Rank, one hit per provision.
  Xapian::Enquire enquire(db_);
  Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  enquire.set_collapse_key(schema::kProvisionIdSlot);
  auto ranked = [&](const Xapian::Query& q) {
    enquire.set_query(q);
    return enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  };
  Xapian::MSet mset = ranked(query);
  if (tuning_.feedback_docs > 0 && !mset.empty()) {
    // Pseudo-relevance feedback: the best few provisions' own salient terms (Xapian's expand set,
    // text terms only) join the query with a lower weight.
    Xapian::RSet rset;
    std::size_t n_rel = 0;
    for (auto it = mset.begin(); it != mset.end() && n_rel < tuning_.feedback_docs; ++it, ++n_rel) rset.add_document(*it);
    struct TextTermsOnly : Xapian::ExpandDecider {
      bool operator()(const std::string& term) const override {
        // Boolean terms are upper-case prefixed; "Z" stems are text.
        return !term.empty() &&
               (term.compare(0, schema::kStemTerm.size(), schema::kStemTerm) == 0 || !(term[0] >= 'A' && term[0] <= 'Z'));
      }
    } decider;
    Xapian::ESet eset = enquire.get_eset(tuning_.feedback_terms, rset, &decider);
    std::vector<Xapian::Query> expansion;
    for (auto t = eset.begin(); t != eset.end(); ++t) expansion.emplace_back(*t);
    if (!expansion.empty()) {
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()), tuning_.feedback_weight);
      query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
      mset = ranked(query);
    }
  }
  // Best first, one per provision. The docid is the MSet's: over several databases (a stub of
  // shards) Document::get_docid() is the docid inside its shard, which the Enquire does not know.
  struct Hit {
    Xapian::docid id;
    Xapian::Document doc;
    double weight;
  };
  std::vector<Hit> hits;
  if (!written) {
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_document(), it.get_weight()});
  } else {
    // Versions that had started by a year after the letter: those still in force on its day (or
    // about to be) rank as they are; provisions matched only through versions ended by then follow
    // at ended_weight. (to is the first day no longer in force; open versions store 99991231.)
    std::string cutoff = std::to_string(written->year() + kAnnouncedWithinYears) + written->value_key().substr(4);
    Xapian::Query started(Xapian::Query::OP_VALUE_LE, schema::kEffectiveFromSlot, cutoff);
    Xapian::Query in_time(Xapian::Query::OP_AND, started,
                          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kEffectiveToSlot,
                                        written->next_day().value_key()));
    Xapian::Query ended(Xapian::Query::OP_VALUE_LE, schema::kEffectiveToSlot, written->value_key());
    std::set<std::string> current;
    Xapian::MSet in_time_set = ranked(Xapian::Query(Xapian::Query::OP_FILTER, query, in_time));
    for (auto it = in_time_set.begin(); it != in_time_set.end(); ++it) {
      hits.push_back({*it, it.get_document(), it.get_weight()});
      current.insert(it.get_collapse_key());
    }
    Xapian::MSet ended_set = ranked(Xapian::Query(Xapian::Query::OP_FILTER, query, ended));
    for (auto it = ended_set.begin(); it != ended_set.end(); ++it)
      if (!current.count(it.get_collapse_key()))
        hits.push_back({*it, it.get_document(), it.get_weight() * tuning_.ended_weight});
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.weight > b.weight; });
    if (hits.size() > limit) hits.resize(limit);
    enquire.set_query(query);  // matching terms below are those of the whole query
  }
  for (const auto& [docid, doc, weight] : hits) {
    auto data = document_data(doc);
    Suggestion s;
    s.id = data.id;
    s.kind = data.is_question() ? "question" : "provision";
    s.score = weight;
    if (s.score < tuning_.min_score) break;  // best first: the rest score less
    s.heading = data.heading;
    s.citation = data.citation;
    s.lang = data.lang;
    std::set<std::string> matched(enquire.get_matching_terms_begin(docid), enquire.get_matching_terms_end(docid));
    s.matched_words = why_words(text, tokens, matched);
    std::string provision_text = data.heading;
    for (const auto& t : data.texts) provision_text += "\n" + t.body;
    auto provision_concepts = find_concepts(provision_text);
    for (const Concept* c : named)
      if ((!c->topic.empty() && data.has_topic(c->topic)) ||
          std::find(provision_concepts.begin(), provision_concepts.end(), c) != provision_concepts.end())
        s.concepts.push_back(c);
    s.submission_snippet = make_snippet(analyzer_, tidy_whitespace(text), matched).text;
    std::size_t best = 0;
    for (const auto& t : data.texts) {
      Snippet sn = make_snippet(analyzer_, t.body, matched);
      if (s.provision_snippet.empty() || sn.highlights.size() > best) {
        best = sn.highlights.size();
        s.provision_snippet = sn.text;
      }
    }
    if (written) {
      s.then = VersionAt{data.id, data.effective_from, data.effective_to.value_or(""), data.heading};
      place_in_time(s);
    }
    out.push_back(std::move(s));
  }
  if (out.empty()) return other_views(text);
  return out;
}

std::optional<VersionAt> LinkSuggester::version_in_force(const std::string& id, const std::string& lang,
                                                         const Date& day, std::string* last_end) {
  std::string term = schema::prefixed(schema::kProvisionTerm, id);
  std::optional<StoredDocument> best;
  for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post) {
    auto data = document_data(db_.get_document(*post));
    if (last_end && data.effective_to && *data.effective_to > *last_end) *last_end = *data.effective_to;
    if (data.in_force_on(day) && (!best || shown_before(data, *best, lang))) best = std::move(data);
  }
  if (!best) return std::nullopt;
  return VersionAt{best->id, best->effective_from, best->effective_to.value_or(""), best->heading};
}

void LinkSuggester::place_in_time(Suggestion& s) {
  // s.then is the version that matched, chosen among those of the letter's day.
  Date today = Date::today();
  std::string last_end;
  auto now = version_in_force(s.id, s.lang, today, &last_end);
  if (!now) {
    // The provision has ended: what holds today is the latest member of its commitment line that
    // is in force (the Supplement VII pilot's line ends in today's CCC testing commitment).
    if (!graph_) graph_ = read_graph(db_);
    if (const auto* line = graph_->line_of(s.id))
      for (auto m = line->members.rbegin(); m != line->members.rend() && !now; ++m)
        if (*m != s.id) now = version_in_force(*m, s.lang, today, nullptr);
  }
  if (!now) now = VersionAt{"", "", last_end, ""};
  if (now->id == s.then->id && now->from == s.then->from) return;  // the same version: nothing to add
  s.now = std::move(now);
}

bool is_other_views_question(const std::string& id) {
  return id.size() > 6 && id.compare(id.size() - 6, 6, "/other") == 0;
}

std::vector<Suggestion> LinkSuggester::other_views(const std::string& text) {
  std::vector<Suggestion> out;
  if (!tuning_.other_views) return out;
  auto named = glossary_concepts_named(text, *Glossary::standard());
  if (named.empty()) return out;  // not about T&C: no suggestion at all
  for (const auto& id : questions()) {
    if (!is_other_views_question(id)) continue;
    ProvisionInfo about = info(id);
    Suggestion s;
    s.id = id;
    s.kind = "question";
    s.other_views = true;
    s.heading = about.heading;
    s.citation = about.citation;
    s.matched_words = named;
    s.submission_snippet = make_snippet(analyzer_, tidy_whitespace(text), std::set<std::string>{}).text;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> LinkSuggester::why_words(const std::string& text, const std::vector<Analyzer::Token>& tokens,
                                                 const std::set<std::string>& matched) {
  // Whole words only, as the one tokenizer gives them: English words whose stem matched, and the
  // segmenter's Chinese words (its lexicon holds the glossary's forms) all of whose bigrams
  // matched. Spans of matched bigrams used to be merged instead, which cut words apart (因是 of
  // 原因是, 檢測結果在).
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& t : tokens) {
    if (!is_han_token(t)) {
      if (!t.term.empty() && !t.stem.empty() && matched.count(t.stem) && t.term.size() > 1 &&
          !is_function_word(t.term))
        spans.emplace_back(t.begin, t.end);
      continue;
    }
    if (!t.term.empty() || t.stem.size() < 2) continue;  // bigrams and characters: not words
    auto chars = characters(t.stem.substr(1));
    if (chars.size() < 2) continue;
    bool all = true;
    for (std::size_t i = 0; all && i + 1 < chars.size(); ++i) all = matched.count(chars[i] + chars[i + 1]) > 0;
    if (all) spans.emplace_back(t.begin, t.end);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& [b, e] : spans) {
    std::string word = text.substr(b, e - b);
    if (seen.insert(Xapian::Unicode::tolower(word)).second) out.push_back(word);
  }
  return out;
}

bool LinkSuggester::provision_exists(const std::string& id) {
  return db_.get_termfreq(schema::prefixed(schema::kProvisionTerm, id)) > 0;
}

std::string LinkSuggester::kind_of(const std::string& id) {
  std::string term = schema::prefixed(schema::kProvisionTerm, id);
  auto post = db_.postlist_begin(term);
  if (post == db_.postlist_end(term)) return "provision";
  return document_data(db_.get_document(*post)).is_question() ? "question" : "provision";
}

LinkSuggester::ProvisionInfo LinkSuggester::info(const std::string& id, const std::string& lang) {
  std::string term = schema::prefixed(schema::kProvisionTerm, id);
  std::optional<StoredDocument> best;
  for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post) {
    auto data = document_data(db_.get_document(*post));
    if (!best || shown_before(data, *best, lang)) best = std::move(data);
  }
  ProvisionInfo info;
  if (best) info = {best->heading, best->citation, best->topics};
  return info;
}

std::vector<std::string> LinkSuggester::questions() {
  std::set<std::string> ids;
  std::string term = schema::prefixed(schema::kTopicTerm, "consultation");
  for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post)
    ids.insert(db_.get_document(*post).get_value(schema::kProvisionIdSlot));
  return {ids.begin(), ids.end()};
}

}  // namespace provisio::submissions
