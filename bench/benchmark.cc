#include "benchmark.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>
#include <stdexcept>

#include "process_runner.h"
#include "query_builder.h"
#include "query_mix.h"
#include "schema.h"
#include "searcher.h"
#include "stats.h"
#include "twlaw_corpus.h"

namespace provisio::bench {

namespace fs = std::filesystem;

namespace {

double dir_megabytes(const fs::path& dir) {
  std::uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) bytes += e.file_size();
  return static_cast<double>(bytes) / 1e6;
}

std::string fmt(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

ProcessResult checked(const std::vector<std::string>& argv, const std::string& step) {
  ProcessResult r = run_process(argv);
  if (r.status != 0)
    throw std::runtime_error(step + " failed (exit " + std::to_string(r.status) + "): " + r.err);
  return r;
}

struct Measured {
  std::vector<double> seconds, cpu, rss;
  double median_seconds() const { return median(seconds); }
  double median_cpu() const { return median(cpu); }
  double median_rss() const { return median(rss); }
};

struct SliceFigures {
  std::size_t articles = 0, laws = 0, provisions = 0, documents = 0;
  double text_mb = 0;
  Measured ours, baseline;
  double ours_mb = 0, ours_compact_mb = 0, baseline_mb = 0, baseline_compact_mb = 0;
  unsigned runs = 0;
};

std::string slice_name(std::size_t n) { return n ? std::to_string(n) : std::string("all"); }

}  // namespace

namespace {

// The same query mix through Xapian alone on the baseline's n-gram index: QueryParser with
// FLAG_CJK_NGRAM (as the baseline indexed), every word required, the same instrument, topic and
// in-force filters, the first page read with its stored data. What a plain Xapian application
// pays for the same questions: no glossary, no word segmentation, no second tier, no snippets.
std::vector<double> baseline_query_latencies(const std::string& db_path, const std::vector<BenchQuery>& queries,
                                             unsigned repeat) {
  Xapian::Database db(db_path);
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  auto search = [&](const SearchOptions& o) {
    Xapian::Query q = qp.parse_query(o.query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    Xapian::Query filter(Xapian::Query::OP_AND,
                         Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kEffectiveFromSlot, o.as_of.value_key()),
                         Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kEffectiveToSlot, o.as_of.next_day().value_key()));
    for (const auto& [values, prefix] : {std::pair{&o.instruments, schema::kInstrumentTerm}, {&o.topics, schema::kTopicTerm}})
      if (!values->empty()) {
        std::vector<Xapian::Query> terms;
        for (const auto& v : *values) terms.emplace_back(schema::prefixed(prefix, v));
        filter = Xapian::Query(Xapian::Query::OP_AND, filter, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
      }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, filter));
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(o.limit));
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
    return bytes;
  };
  for (const auto& q : queries) search(q.options);  // warm-up, as for ours
  std::vector<double> ms;
  for (unsigned r = 0; r < std::max(1u, repeat); ++r)
    for (const auto& q : queries) {
      auto t0 = std::chrono::steady_clock::now();
      search(q.options);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
  return ms;
}

}  // namespace

QueryFigures run_query_benchmark(const std::string& db_path, const std::string& queries_file, unsigned repeat,
                                 std::ostream& out, const std::string& baseline_db) {
  auto queries = load_query_mix(queries_file);
  Searcher searcher(db_path);
  // A slice need not hold the instruments the mix filters on, and the searcher rejects an unknown
  // instrument: such queries are left out of this slice's figures (the count says how many ran).
  auto known = QueryBuilder::instruments_in(searcher.database());
  std::erase_if(queries, [&](const BenchQuery& q) {
    return std::any_of(q.options.instruments.begin(), q.options.instruments.end(),
                       [&](const std::string& i) { return std::find(known.begin(), known.end(), i) == known.end(); });
  });
  std::size_t with_hits = 0;
  for (const auto& q : queries)  // warm-up: page cache, Xapian's tables, ICU data
    with_hits += searcher.search(q.options).total > 0;
  std::vector<double> all;
  std::map<std::string, std::vector<double>> by_category;
  std::vector<std::vector<double>> by_query(queries.size());
  for (unsigned r = 0; r < std::max(1u, repeat); ++r)
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto& q = queries[i];
      auto t0 = std::chrono::steady_clock::now();
      searcher.search(q.options);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      all.push_back(ms);
      by_category[q.category].push_back(ms);
      by_query[i].push_back(ms);
    }
  out << "\nQuery latency in the library (Searcher::search, warm), " << queries.size() << " queries ("
      << with_hits << " with hits) x " << std::max(1u, repeat) << " passes on " << with_commas(searcher.document_count())
      << " documents:\n\n";
  out << "| queries | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n";
  auto row = [&](const std::string& name, const std::vector<double>& v) {
    out << "| " << name << " | " << v.size() << " | " << fmt(quantile(v, 0.5), 2) << " | "
        << fmt(quantile(v, 0.95), 2) << " | " << fmt(quantile(v, 0.99), 2) << " | "
        << fmt(quantile(v, 1.0), 2) << " |\n";
  };
  row("all", all);
  for (const auto& [category, v] : by_category) row(category, v);
  QueryFigures figures{quantile(all, 0.5), quantile(all, 0.99), 0, 0};
  if (!baseline_db.empty()) {
    std::vector<double> base = baseline_query_latencies(baseline_db, queries, repeat);
    row("xapian n-gram (baseline, same queries)", base);
    figures.baseline_p50 = quantile(base, 0.5);
    figures.baseline_p99 = quantile(base, 0.99);
  }

  // Where the tail comes from: the slowest queries by their median over the passes.
  std::vector<std::pair<double, std::size_t>> medians;
  for (std::size_t i = 0; i < queries.size(); ++i) medians.emplace_back(quantile(by_query[i], 0.5), i);
  std::sort(medians.rbegin(), medians.rend());
  out << "\nSlowest queries (median of the passes):\n\n| ms | category | query |\n|---:|---|---|\n";
  for (std::size_t k = 0; k < std::min<std::size_t>(5, medians.size()); ++k) {
    const BenchQuery& q = queries[medians[k].second];
    out << "| " << fmt(medians[k].first, 2) << " | " << q.category << " | " << q.options.query << " |\n";
  }
  return figures;
}

int run_benchmark(const BenchmarkOptions& o, std::ostream& out, std::ostream& log) {
  fs::create_directories(o.work_dir);
  fs::path work = fs::absolute(o.work_dir);
  std::vector<SliceFigures> figures;
  std::string largest_db, largest_corpus;

  for (std::size_t s = 0; s < o.slices.size(); ++s) {
    std::size_t n = o.slices[s];
    bool largest = s + 1 == o.slices.size();
    fs::path dir = work / ("slice-" + slice_name(n));
    fs::path corpus = dir / "corpus";
    log << "[" << slice_name(n) << "] converting\n" << std::flush;
    ConvertReport c = convert_twlaw({o.data_file, corpus.string(), n, 0, 1});
    SliceFigures f;
    f.articles = c.articles;
    f.laws = c.laws;
    f.provisions = c.provisions;
    f.text_mb = static_cast<double>(c.text_bytes) / 1e6;
    fs::path ours_db = dir / "ours", base_db = dir / "baseline";
    unsigned runs = std::max(1u, o.runs.size() == o.slices.size() ? o.runs[s] : o.runs.front());
    f.runs = runs;
    for (unsigned r = 0; r < runs; ++r) {
      fs::remove_all(ours_db);
      fs::remove_all(base_db);
      log << "[" << slice_name(n) << "] run " << r + 1 << "/" << runs << ": provisio index" << std::flush;
      ProcessResult ours = checked({o.provisio, "index", "--json", "--db", ours_db.string(), corpus.string()},
                                   "provisio index");
      f.ours.seconds.push_back(ours.seconds);
      f.ours.cpu.push_back(ours.cpu_seconds);
      f.ours.rss.push_back(ours.peak_rss_mb);
      f.documents = nlohmann::json::parse(ours.out).at("documents").get<std::size_t>();
      log << " " << fmt(ours.seconds) << " s (" << fmt(ours.cpu_seconds) << " CPU), " << fmt(ours.peak_rss_mb, 0) << " MiB; baseline" << std::flush;
      ProcessResult base = checked({o.self, "baseline", "--db", base_db.string(), corpus.string()},
                                   "baseline index");
      f.baseline.seconds.push_back(base.seconds);
      f.baseline.cpu.push_back(base.cpu_seconds);
      f.baseline.rss.push_back(base.peak_rss_mb);
      log << " " << fmt(base.seconds) << " s (" << fmt(base.cpu_seconds) << " CPU), " << fmt(base.peak_rss_mb, 0) << " MiB\n" << std::flush;
    }
    f.ours_mb = dir_megabytes(ours_db);
    f.baseline_mb = dir_megabytes(base_db);
    for (auto [db, into] : {std::pair{ours_db, &f.ours_compact_mb}, {base_db, &f.baseline_compact_mb}}) {
      fs::path compact = db.string() + "-compact";
      fs::remove_all(compact);
      checked({"xapian-compact", db.string(), compact.string()}, "xapian-compact");
      *into = dir_megabytes(compact);
      fs::remove_all(compact);
    }
    figures.push_back(f);
    if (largest) {
      largest_db = ours_db.string();
      largest_corpus = corpus.string();
    }
  }

  out << "\nIndexing (median of runs; wall time of the whole process: read and validate the XML, "
         "analyse, write, commit):\n\n";
  out << "| articles | runs | indexer | wall s | CPU s | articles/s | text MB/s | peak RSS MiB | index MB | "
         "compacted MB |\n|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& f : figures) {
    auto row = [&](const std::string& who, const Measured& m, double mb, double compact_mb) {
      double t = m.median_seconds();
      out << "| " << with_commas(f.articles) << " | " << f.runs << " | " << who << " | "
          << fmt(t, 2) << " | " << fmt(m.median_cpu(), 2) << " | "
          << with_commas(static_cast<std::size_t>(static_cast<double>(f.articles) / t)) << " | "
          << fmt(f.text_mb / t, 2) << " | " << fmt(m.median_rss(), 0) << " | " << fmt(mb) << " | "
          << fmt(compact_mb) << " |\n";
    };
    row("provisio", f.ours, f.ours_mb, f.ours_compact_mb);
    row("xapian n-gram", f.baseline, f.baseline_mb, f.baseline_compact_mb);
    out << "| | | **ratio** | **" << fmt(f.ours.median_seconds() / f.baseline.median_seconds(), 2) << "** | "
        << fmt(f.ours.median_cpu() / f.baseline.median_cpu(), 2) << " | | | "
        << fmt(f.ours.median_rss() / f.baseline.median_rss(), 2) << " | "
        << fmt(f.ours_mb / f.baseline_mb, 2) << " | " << fmt(f.ours_compact_mb / f.baseline_compact_mb, 2)
        << " |\n";
  }
  out << "\n(One document per article; text MB = UTF-8 bytes of article text; CPU s = user + system time of all threads;\n"
         "ratio = provisio / baseline, lower is better; both use the same Xapian flush threshold.)\n"
      << std::flush;

  log << "query latency on " << largest_db << "\n" << std::flush;
  QueryFigures query_figures = run_query_benchmark(largest_db, o.queries_file, o.query_repeat, out,
                                                   (fs::path(largest_db).parent_path() / "baseline").string());
  out << std::flush;

  // Whole-process search on the bundled corpus.
  fs::path bundled_db = work / "bundled";
  fs::remove_all(bundled_db);
  checked({o.provisio, "index", "--db", bundled_db.string(), o.bundled_corpus}, "provisio index (bundled)");
  const std::vector<std::string> searches = {"CCC testing", "檢測", "资质认定", "mutual recognition",
                                             "\"conformity assessment\"", "CEPA 香港"};
  // The baseline: Xapian's own command-line search (quest, xapian-tools) on the same corpus
  // indexed with n-grams, reading the query the same way.
  fs::path bundled_base = work / "bundled-baseline";
  fs::remove_all(bundled_base);
  checked({o.self, "baseline", "--db", bundled_base.string(), o.bundled_corpus}, "baseline index (bundled)");
  std::vector<double> process_ms, quest_ms;
  for (unsigned r = 0; r < std::max(1u, o.search_runs); ++r)
    for (const auto& q : searches) {
      ProcessResult p = checked({o.provisio, "search", "--db", bundled_db.string(), q}, "provisio search");
      process_ms.push_back(p.seconds * 1000);
      p = checked({"quest", "-d", bundled_base.string(), "-f", "default,cjk_ngram", "-o", "and", "-m", "10", q}, "quest");
      quest_ms.push_back(p.seconds * 1000);
    }
  out << "\nWhole-process `provisio search` on the bundled corpus (start, open, query, print), "
      << searches.size() << " queries x " << std::max(1u, o.search_runs) << ", beside Xapian's `quest` on the n-gram "
      << "index of the same corpus:\n\n"
      << "| program | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|\n";
  for (const auto& [name, v] : {std::pair{"provisio search", &process_ms}, {"quest (xapian n-gram)", &quest_ms}})
    out << "| " << name << " | " << fmt(quantile(*v, 0.5)) << " | " << fmt(quantile(*v, 0.95)) << " | "
        << fmt(quantile(*v, 1.0)) << " |\n";
  out << "| **ratio** | **" << fmt(quantile(process_ms, 0.5) / quantile(quest_ms, 0.5), 2) << "** | | |\n" << std::flush;

  // Incremental re-indexing of the largest slice.
  const SliceFigures& big = figures.back();
  unsigned runs = big.runs;
  std::vector<double> unchanged, changed;
  std::size_t replaced = 0;
  for (unsigned r = 0; r < runs; ++r) {
    log << "incremental run " << r + 1 << ": unchanged" << std::flush;
    ProcessResult p = checked({o.provisio, "index", "--json", "--db", largest_db, largest_corpus},
                              "provisio index (unchanged)");
    if (nlohmann::json::parse(p.out).at("changed").get<bool>())
      throw std::runtime_error("re-indexing an unchanged corpus changed the index");
    unchanged.push_back(p.seconds);
    log << " " << fmt(p.seconds) << " s; 1% changed" << std::flush;
    // Odd runs edit 1% of the articles, even runs put them back: each run changes 1%.
    convert_twlaw({o.data_file, largest_corpus, o.slices.back(), r % 2 == 0 ? 0.01 : 0, 7});
    p = checked({o.provisio, "index", "--json", "--db", largest_db, largest_corpus}, "provisio index (1%)");
    changed.push_back(p.seconds);
    replaced = nlohmann::json::parse(p.out).at("replaced").get<std::size_t>();
    log << " " << fmt(p.seconds) << " s\n" << std::flush;
  }
  if (runs % 2) convert_twlaw({o.data_file, largest_corpus, o.slices.back(), 0, 7});
  double full = big.ours.median_seconds();
  out << "\nIncremental `provisio index` on the largest slice (" << with_commas(big.articles)
      << " articles; median of " << runs << "):\n\n"
      << "| run | wall s | documents rewritten | speed-up over a full index |\n|---|---:|---:|---:|\n"
      << "| full index (above) | " << fmt(full, 2) << " | " << with_commas(big.documents) << " | 1.0 |\n"
      << "| unchanged corpus | " << fmt(median(unchanged), 2) << " | 0 | " << fmt(full / median(unchanged)) << " |\n"
      << "| 1% of articles changed | " << fmt(median(changed), 2) << " | " << with_commas(replaced) << " | "
      << fmt(full / median(changed)) << " |\n" << std::flush;

  // Issue 17's targets, each with the baseline beside it.
  const SliceFigures& top = figures.back();
  out << "\nAgainst the targets (issue 17), largest slice (" << with_commas(top.articles) << " articles):\n\n"
      << "| target | provisio | xapian n-gram baseline | ratio | met |\n|---|---:|---:|---:|---|\n";
  auto target = [&](const std::string& name, double ours, double base, const std::string& unit, bool met) {
    out << "| " << name << " | " << fmt(ours, 2) << unit << " | " << fmt(base, 2) << unit << " | " << fmt(ours / base, 2)
        << " | " << (met ? "yes" : "**no**") << " |\n";
  };
  double wall_ratio = top.ours.median_seconds() / top.baseline.median_seconds();
  double cpu_ratio = top.ours.median_cpu() / top.baseline.median_cpu();
  target("indexing wall time, ratio <= 0.6", top.ours.median_seconds(), top.baseline.median_seconds(), " s", wall_ratio <= 0.6);
  target("indexing CPU time, ratio < 1", top.ours.median_cpu(), top.baseline.median_cpu(), " s", cpu_ratio < 1.0);
  target("library query p50 < 5 ms", query_figures.p50, query_figures.baseline_p50, " ms", query_figures.p50 < 5);
  target("library query p99 < 50 ms", query_figures.p99, query_figures.baseline_p99, " ms", query_figures.p99 < 50);
  target("whole-process search p50 < 20 ms (bundled corpus)", quantile(process_ms, 0.5), quantile(quest_ms, 0.5), " ms",
         quantile(process_ms, 0.5) < 20);
  out << "\n(`bench/run.sh` (`make bench`) goes on with the server under load, which has no baseline: Xapian "
         "has no HTTP server of its own; and the shards, beside the single index read in process.)\n" << std::flush;

  if (!o.keep) {  // only what this run made: work_dir may hold other things
    for (std::size_t n : o.slices) fs::remove_all(work / ("slice-" + slice_name(n)));
    fs::remove_all(bundled_db);
    fs::remove_all(bundled_base);
  }
  return 0;
}

}  // namespace provisio::bench
