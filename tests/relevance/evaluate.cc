#include "evaluate.h"

#include <xapian.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "document_builder.h"
#include "index_writer.h"
#include "schema.h"
#include "searcher.h"

namespace provisio::relevance {

std::vector<JudgedQuery> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read file");
  std::vector<JudgedQuery> out;
  std::string line;
  std::vector<int> line_of;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    line_of.push_back(n);
    try {
      auto j = nlohmann::json::parse(line);
      JudgedQuery q{j.at("id"), j.at("query"), j.at("lang"), j.at("half"), std::nullopt, {}};
      if (q.half != kTuningHalf && q.half != kHeldOutHalf)
        throw std::runtime_error("half must be \"" + std::string(kTuningHalf) + "\" or \"" + kHeldOutHalf + "\"");
      if (j.contains("as_of")) {
        q.as_of = Date::parse(j["as_of"].get<std::string>());
        if (!q.as_of) throw std::runtime_error("bad as_of date");
      }
      for (const auto& [id, grade] : j.at("judgements").items()) q.grades[id] = grade.get<int>();
      out.push_back(std::move(q));
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  auto halves = half_by_rule(out);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i].half != halves[i])
      throw std::runtime_error(path + ":" + std::to_string(line_of[i]) + ": query " + out[i].id + " is in the " +
                               out[i].half + " half, but the split rule (evaluate.h) puts it in the " + halves[i] +
                               " half");
  return out;
}

std::vector<std::string> half_by_rule(const std::vector<JudgedQuery>& queries) {
  struct Progress {
    int units = 0;
    std::string last_text;
  };
  std::map<std::string, Progress> by_lang;
  std::vector<std::string> out;
  for (const auto& q : queries) {
    auto [it, first] = by_lang.try_emplace(q.lang);
    Progress& p = it->second;
    if (first || q.query != p.last_text) ++p.units;
    p.last_text = q.query;
    out.push_back(p.units % 2 == 1 ? kTuningHalf : kHeldOutHalf);
  }
  return out;
}

std::vector<JudgedQuery> in_half(const std::vector<JudgedQuery>& queries, const std::string& half) {
  std::vector<JudgedQuery> out;
  for (const auto& q : queries)
    if (q.half == half) out.push_back(q);
  return out;
}

std::size_t first_answer_rank(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades) {
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    auto g = grades.find(ranking[i]);
    if (g != grades.end() && g->second == 2) return i + 1;
  }
  return 0;
}

Metrics measure(const std::vector<std::string>& shown, const std::map<std::string, int>& grades) {
  // A provision may be shown twice (in force, and a superseded version of it): it counts once, at
  // its first place; the later copy takes a place and gains nothing.
  std::vector<std::string> ranking;
  std::set<std::string> seen;
  for (const auto& id : shown) ranking.push_back(seen.insert(id).second ? id : std::string());
  Metrics m;
  m.queries = 1;
  for (std::size_t i = 0; i < ranking.size() && i < 10; ++i) {
    auto g = grades.find(ranking[i]);
    if (g != grades.end() && g->second == 2) {
      m.mrr = 1.0 / static_cast<double>(i + 1);
      break;
    }
  }
  std::size_t found = 0;
  for (std::size_t i = 0; i < ranking.size() && i < 5; ++i) found += grades.count(ranking[i]);
  m.recall5 = grades.empty() ? 0 : static_cast<double>(found) / static_cast<double>(grades.size());
  auto gain = [](int grade) { return std::pow(2.0, grade) - 1; };
  double dcg = 0, ideal = 0;
  for (std::size_t i = 0; i < ranking.size() && i < 10; ++i) {
    auto g = grades.find(ranking[i]);
    if (g != grades.end()) dcg += gain(g->second) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> best;
  for (const auto& [id, grade] : grades) best.push_back(grade);
  std::sort(best.rbegin(), best.rend());
  for (std::size_t i = 0; i < best.size() && i < 10; ++i) ideal += gain(best[i]) / std::log2(static_cast<double>(i) + 2);
  m.ndcg10 = ideal > 0 ? dcg / ideal : 0;
  return m;
}

std::map<std::string, Metrics> evaluate(const std::vector<JudgedQuery>& queries, const Ranker& ranker) {
  std::map<std::string, Metrics> sums;
  for (const auto& q : queries) {
    Metrics m = measure(ranker(q), q.grades);
    for (const std::string& key : {q.lang, std::string("all")}) {
      Metrics& s = sums[key];
      ++s.queries;
      s.mrr += m.mrr;
      s.recall5 += m.recall5;
      s.ndcg10 += m.ndcg10;
    }
  }
  for (auto& [key, s] : sums) {
    s.mrr /= static_cast<double>(s.queries);
    s.recall5 /= static_cast<double>(s.queries);
    s.ndcg10 /= static_cast<double>(s.queries);
  }
  return sums;
}

struct Engines::State {
  std::string provisio_db, baseline_db;
  std::unique_ptr<Searcher> searcher;
  Xapian::Database baseline;
};

namespace {

// The baseline index: what a developer gets by following Xapian's documentation for CJK text —
// citation, heading and text through one TermGenerator with FLAG_CJK_NGRAM and the English
// stemmer; the same documents (provision version x language) and date values as Provisio.
void build_baseline(const Corpus& corpus, const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  for (const auto& instrument : corpus.instruments)
    for (const auto& p : instrument.provisions)
      for (const auto& v : p.versions)
        for (const auto& lang : document_languages(v)) {
          Xapian::Document doc;
          tg.set_document(doc);
          tg.index_text(pick_language(p.citations, lang));
          tg.increase_termpos();
          tg.index_text(pick_language(v.headings, lang));
          for (const auto& t : v.texts)
            if (t.lang == lang) {
              tg.increase_termpos();
              tg.index_text(t.body);
            }
          doc.add_value(schema::kProvisionIdSlot, p.id);
          doc.add_value(schema::kEffectiveFromSlot, v.from.value_key());
          doc.add_value(schema::kEffectiveToSlot, v.to ? v.to->value_key() : std::string(kOpenEndValueKey));
          db.add_document(doc);
        }
  db.commit();
}

}  // namespace

Engines::Engines(const Corpus& corpus, const std::string& work_dir) : state_(std::make_unique<State>()) {
  std::filesystem::create_directories(work_dir);
  state_->provisio_db = work_dir + "/provisio";
  state_->baseline_db = work_dir + "/baseline";
  std::filesystem::remove_all(state_->provisio_db);
  write_index(corpus, {state_->provisio_db, {}, {}});
  build_baseline(corpus, state_->baseline_db);
  state_->searcher = std::make_unique<Searcher>(state_->provisio_db);
  state_->baseline = Xapian::Database(state_->baseline_db);
}

Engines::~Engines() = default;

Ranker Engines::provisio() {
  return [this](const JudgedQuery& q) {
    SearchOptions o;
    o.query = q.query;
    if (q.as_of) o.as_of = *q.as_of;
    std::vector<std::string> ids;
    try {
      for (const auto& h : state_->searcher->search(o).hits) ids.push_back(h.id);
    } catch (const SearchError&) {
      // A query Provisio rejects ranks nothing.
    }
    return ids;
  };
}

Ranker Engines::baseline() {
  return [this](const JudgedQuery& q) {
    Date day = q.as_of ? *q.as_of : Date::today();
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_database(state_->baseline);
    std::vector<std::string> ids;
    try {
      Xapian::Query query = qp.parse_query(q.query, Xapian::QueryParser::FLAG_DEFAULT |
                                                        Xapian::QueryParser::FLAG_CJK_NGRAM);
      Xapian::Query in_force(
          Xapian::Query::OP_AND,
          Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kEffectiveFromSlot, day.value_key()),
          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kEffectiveToSlot, day.next_day().value_key()));
      Xapian::Enquire enquire(state_->baseline);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, in_force));
      enquire.set_collapse_key(schema::kProvisionIdSlot);
      Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_value(schema::kProvisionIdSlot));
    } catch (const Xapian::QueryParserError&) {
      // Xapian 1.4.22 cannot parse some mixed-script queries: the baseline finds nothing then.
    }
    return ids;
  };
}

}  // namespace provisio::relevance
