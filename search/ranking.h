// How `provisio search` orders provisions beyond Xapian's BM25: every weight by name, with why.
//
// A hit's score is
//   complete match (every word of the query):  kCompleteMatchScale × (R_all + B) + (R_any + B)
//   partial match (some of the words):         R_any + B
// where R_all and R_any are BM25 relevance (Xapian's BM25Weight with its default parameters) of
// the query read with AND and with OR, and B is the sum of the boosts below that apply to the
// document. Boosts are added to BM25, not multiplied: a provision has to match the query to be
// found at all (boosts never make a document match), and among those that match, a boost is worth
// about as much as one or two more query words in the text (BM25 weights of one word here are
// 0.5–4). Tuned on the tuning half (MRR 0.774 without boosts): every boost at 0 but revisions
// 0.821; revised 1 → 0.838, 2 → 0.853, 3 → 0.860 (larger values let boosts outweigh the words
// typed, so 2 was kept); agreement-type kinds 2 rather than 1.5 → 0.860; topic 0 or 1 and notice
// 0.75 or 1 change recall@5 and nDCG by at most 0.003.
//
// The weights were tuned on the tuning half of tests/relevance only (README, "Relevance"); the
// held-out half reports. Change one, run `make eval-search`, and quote both halves.
//
// Thread-safety: constants and pure functions.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace provisio::ranking {

// Every complete match ranks above every partial one: BM25 weights here stay far below it.
inline constexpr double kCompleteMatchScale = 1000.0;

// What kind of instrument a provision is in (corpus.h kInstrumentKinds). Staff look for what is
// binding: the commitments in agreements, their supplements and amendments come before a
// consultation that quotes them, a plan that announces them, or a notice that implements them.
// A consultation question that names the same words ("CCC testing") is about the commitment, not
// the commitment itself: it gets no boost.
inline constexpr double kAgreementBoost = 2.0;     // CEPA and its subsidiary agreements
inline constexpr double kSupplementBoost = 2.0;    // Supplements I–X: commitments as binding as the agreement's
inline constexpr double kAmendmentBoost = 2.0;     // amendment agreements
inline constexpr double kMeasureBoost = 1.0;      // a government measure (e.g. GBA certification)
inline constexpr double kNoticeBoost = 1.0;       // an implementing notice (CNCA, SAMR)
inline constexpr double kPlanBoost = 0.25;         // a development plan: intentions, not commitments
inline constexpr double kConsultationBoost = 0.0;  // a call for views: questions about commitments

// The boost for an instrument kind; 0 for a kind not listed above.
double kind_boost(std::string_view kind);

// A provision with more than one version (term schema::kRevisedTerm): a commitment that
// later instruments revised — widened, narrowed, carried into a new agreement — is one that staff
// follow and are asked about, unlike a one-off clause, a consultation question or a plan's line.
inline constexpr double kRevisedBoost = 2.0;

// A provision filed under a topic (corpus/README.md, "Topics") that the query names as a glossary
// concept of the same id (CCC names topic ccc; 資質認定 names cma): the provision is about what
// was asked, not only mentions it.
inline constexpr double kTopicBoost = 1.0;

// Instrument id -> kind, as the index records it (metadata schema::kInstrumentKindsKey, written by
// the index writer); empty for an index written before it was recorded (no kind boosts then).
std::map<std::string, std::string> instrument_kinds(const Xapian::Database& db);

// The boosts for a search as one Xapian query to join with OP_AND_MAYBE (it matches nothing useful
// on its own): each a fixed weight on the documents of some boolean terms (no value is read per
// match). Instrument kinds by instrument term, through `instrument_kinds` (instrument id -> kind,
// as the index records it), kRevisedBoost by schema::kRevisedTerm, and kTopicBoost for each of
// `query_topics` a document is filed under.
Xapian::Query boosts(const std::map<std::string, std::string>& instrument_kinds,
                     const std::vector<std::string>& query_topics);

// `query` with the boosts added (OP_AND_MAYBE), or `query` itself when `boosts` is empty.
Xapian::Query boosted(const Xapian::Query& query, const Xapian::Query& boosts);

// The boosts one document gets, by name ("instrument kind agreement", "revised (3 versions)",
// "topic ccc"), in that order. `versions`: the provision's number of versions.
std::vector<std::pair<std::string, double>> boost_parts(const std::string& kind, std::size_t versions,
                                                        const std::vector<std::string>& topics,
                                                        const std::vector<std::string>& query_topics);

}  // namespace provisio::ranking
