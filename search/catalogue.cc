#include "catalogue.h"

#include <algorithm>
#include <set>

#include "schema.h"
#include "stored_document.h"

namespace provisio {

std::vector<ProvisionSummary> Catalogue::provisions(const std::string& instrument, const std::string& topic,
                                                    const std::string& lang) const {
  // The best document per provision (shown_before: the latest version, then the nearest language).
  std::map<std::string, StoredDocument> best;
  Xapian::Query q = Xapian::Query::MatchAll;
  if (!instrument.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(schema::prefixed(schema::kInstrumentTerm, instrument)));
  if (!topic.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(schema::prefixed(schema::kTopicTerm, topic)));
  Xapian::Enquire enquire(db_);
  enquire.set_query(q);
  Xapian::MSet all = enquire.get_mset(0, db_.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it) {
    auto data = parse_stored_document(it.get_document().get_data());
    auto found = best.find(data.id);
    if (found == best.end() || shown_before(data, found->second, lang)) best[data.id] = std::move(data);
  }
  std::vector<ProvisionSummary> out;
  for (const auto& [id, d] : best) {
    ProvisionSummary s{id, d.instrument, d.instrument_title, d.citation, d.heading, d.lang, d.divisions, d.topics,
                       d.line};
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const ProvisionSummary& a, const ProvisionSummary& b) {
    if (a.instrument != b.instrument) return a.instrument < b.instrument;
    if (a.line != b.line) return a.line < b.line;
    return a.id < b.id;
  });
  return out;
}

IndexStats Catalogue::stats() const {
  struct Seen {
    std::set<std::string> provisions, versions;
    std::size_t documents = 0;
  };
  std::map<std::string, Seen> instruments, topics, langs;
  Seen total;
  auto count = [](Seen& s, const std::string& id, const std::string& version) {
    s.provisions.insert(id);
    s.versions.insert(version);
    ++s.documents;
  };
  std::string topic_prefix(schema::kTopicTerm);
  for (auto post = db_.postlist_begin(""); post != db_.postlist_end(""); ++post) {
    Xapian::Document doc = db_.get_document(*post);
    std::string id = doc.get_value(schema::kProvisionIdSlot), version = doc.get_value(schema::kVersionSlot);
    count(total, id, version);
    count(instruments[doc.get_value(schema::kInstrumentSlot)], id, version);
    count(langs[doc.get_value(schema::kLanguageSlot)], id, version);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      t.skip_to(topic_prefix);
      if (t == doc.termlist_end() || (*t).compare(0, topic_prefix.size(), topic_prefix) != 0) break;
      count(topics[(*t).substr(topic_prefix.size())], id, version);
    }
  }
  std::map<std::string, Seen> verification;
  for (std::string_view status : schema::kVerificationStatuses) {
    std::string term = schema::prefixed(schema::kVerificationTerm, status);
    Seen& seen = verification[std::string(status)];
    for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post) {
      Xapian::Document doc = db_.get_document(*post);
      count(seen, doc.get_value(schema::kProvisionIdSlot), doc.get_value(schema::kVersionSlot));
    }
  }
  auto counts = [](const Seen& s) { return IndexStats::Counts{s.provisions.size(), s.versions.size(), s.documents}; };
  IndexStats stats;
  for (const auto& [k, s] : verification) stats.by_verification[k] = counts(s);
  for (const auto& [k, s] : instruments) stats.by_instrument[k] = counts(s);
  for (const auto& [k, s] : topics) stats.by_topic[k] = counts(s);
  for (const auto& [k, s] : langs) stats.by_lang[k] = counts(s);
  stats.total = counts(total);
  return stats;
}

}  // namespace provisio
