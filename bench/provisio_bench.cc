// provisio-bench: the speed-at-scale benchmark (issue 8) and its parts.
//
//   provisio-bench run        the whole benchmark, printing Markdown tables (bench/run.sh)
//   provisio-bench convert    the Taiwan law corpus -> Provisio corpus files
//   provisio-bench baseline   index a corpus with Xapian's own n-gram TermGenerator
//   provisio-bench queries    library query latency on an existing index
//
// Exit status: 0 success, 1 failure (one line on stderr), 2 wrong usage.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "baseline_indexer.h"
#include "benchmark.h"
#include "corpus.h"
#include "twlaw_corpus.h"

namespace {

namespace fs = std::filesystem;
using namespace provisio::bench;

// The shared data and the source tree, found from where the benchmark was built.
const std::string kDefaultData = std::string(PROVISIO_SOURCE_DIR) + "/../shared/data/twlaw/articles.jsonl.xz";
const std::string kDefaultQueries = std::string(PROVISIO_SOURCE_DIR) + "/bench/queries.tsv";
const std::string kDefaultCorpus = std::string(PROVISIO_SOURCE_DIR) + "/corpus/instruments";

std::vector<std::size_t> parse_counts(const std::string& text, const std::string& option) {
  std::vector<std::size_t> out;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ',');) {
    if (item == "all") {
      out.push_back(0);
      continue;
    }
    std::size_t used = 0, n = 0;
    try {
      n = std::stoul(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != item.size() || n == 0)
      throw CLI::ValidationError(option, "'" + item + "' is not a positive number" +
                                             (option == "--slices" ? " or 'all'" : ""));
    out.push_back(n);
  }
  if (out.empty()) throw CLI::ValidationError(option, "no numbers given");
  return out;
}

int baseline(const std::string& db, const std::vector<std::string>& paths) {
  provisio::Diagnostics diagnostics;
  auto files = provisio::collect_corpus_files(paths, diagnostics);
  provisio::Corpus corpus;
  if (diagnostics.empty()) corpus = provisio::load_corpus(files, diagnostics);
  if (!diagnostics.empty()) {
    for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
    return 1;
  }
  BaselineReport r = write_baseline_index(corpus, db);
  std::cout << nlohmann::json{{"documents", r.documents}, {"seconds", r.seconds}}.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"provisio-bench: indexing and search benchmarks on the Taiwan law corpus", "provisio-bench"};
  app.require_subcommand(1);

  BenchmarkOptions run;
  run.data_file = kDefaultData;
  run.work_dir = (fs::temp_directory_path() / "provisio-bench").string();
  run.queries_file = kDefaultQueries;
  run.bundled_corpus = kDefaultCorpus;
  run.provisio = PROVISIO_BINARY;
  std::string slices = "10000,100000,all";
  auto* run_cmd = app.add_subcommand("run", "Run the whole benchmark and print its tables");
  run_cmd->add_option("--data", run.data_file, "The Taiwan law corpus (articles.jsonl.xz)")->capture_default_str();
  run_cmd->add_option("--work", run.work_dir, "Scratch folder for corpora and indexes")->capture_default_str();
  run_cmd->add_option("--slices", slices, "Article counts to index, comma-separated; 'all' = every article")
      ->capture_default_str();
  std::string runs = "3";
  run_cmd->add_option("--runs", runs, "Runs per indexing figure (median printed): N, or N,N,... per slice")
      ->capture_default_str();
  run_cmd->add_option("--query-repeat", run.query_repeat, "Timed passes over the query mix")
      ->capture_default_str()->check(CLI::Range(1u, 1000u));
  run_cmd->add_option("--search-runs", run.search_runs, "Passes over the whole-process searches")
      ->capture_default_str()->check(CLI::Range(1u, 1000u));
  run_cmd->add_option("--queries", run.queries_file, "The query mix")->capture_default_str();
  run_cmd->add_option("--provisio", run.provisio, "The provisio binary to measure")->capture_default_str();
  run_cmd->add_flag("--keep", run.keep, "Keep the converted corpora and indexes in --work");
  run_cmd->footer("Examples:\n  provisio-bench run --slices 10000 --runs 1\n"
                  "  provisio-bench run --slices 10000,100000,all --runs 3,2,1");

  ConvertOptions convert;
  convert.data_file = kDefaultData;
  auto* convert_cmd = app.add_subcommand("convert", "Convert the Taiwan law corpus to corpus files");
  convert_cmd->add_option("--data", convert.data_file, "articles.jsonl.xz (or .jsonl)")->capture_default_str();
  convert_cmd->add_option("--out", convert.out_dir, "Folder for the corpus files")->required();
  convert_cmd->add_option("--articles", convert.max_articles, "Only the first N articles (0 = all)")
      ->capture_default_str();
  convert_cmd->add_option("--change", convert.change_fraction, "Fraction of articles to edit (0..1)")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  convert_cmd->add_option("--seed", convert.change_seed, "Which articles --change edits")->capture_default_str();
  convert_cmd->footer("Example:\n  provisio-bench convert --articles 10000 --out /tmp/tw10k");

  std::string db;
  std::vector<std::string> paths;
  auto* baseline_cmd = app.add_subcommand("baseline", "Index a corpus with Xapian's n-gram TermGenerator");
  baseline_cmd->add_option("--db", db, "New index folder (must not exist)")->required();
  baseline_cmd->add_option("paths", paths, "Corpus files or folders")->required();
  baseline_cmd->footer("Example:\n  provisio-bench baseline --db /tmp/tw10k-ngram /tmp/tw10k");

  std::string query_db, queries_file = kDefaultQueries;
  unsigned repeat = 5;
  auto* queries_cmd = app.add_subcommand("queries", "Measure library query latency on an index");
  queries_cmd->add_option("--db", query_db, "Index folder")->required();
  queries_cmd->add_option("--queries", queries_file, "The query mix")->capture_default_str();
  queries_cmd->add_option("--repeat", repeat, "Timed passes")->capture_default_str()->check(CLI::Range(1u, 1000u));
  queries_cmd->footer("Example:\n  provisio-bench queries --db /tmp/tw10k-index");

  try {
    app.parse(argc, argv);
    if (run_cmd->parsed()) {
      run.slices = parse_counts(slices, "--slices");
      run.runs.clear();
      for (std::size_t n : parse_counts(runs, "--runs")) {
        if (n == 0 || n > 100) throw CLI::ValidationError("--runs", "runs must be 1 to 100");
        run.runs.push_back(static_cast<unsigned>(n));
      }
      if (run.runs.size() != 1 && run.runs.size() != run.slices.size())
        throw CLI::ValidationError("--runs", "give one number, or one per slice");
    }
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "provisio-bench: " << e.what() << "\n";
    return 2;
  }

  if (convert_cmd->parsed()) {
    ConvertReport r = convert_twlaw(convert);
    std::cout << "converted " << r.articles << " articles (" << r.english << " English) into " << r.laws
              << " instruments, " << r.provisions << " provisions (" << r.paired
              << " with both languages), " << r.text_bytes << " bytes of text, " << r.changed
              << " articles changed, in " << convert.out_dir << "\n";
    return 0;
  }
  if (baseline_cmd->parsed()) return baseline(db, paths);
  if (queries_cmd->parsed()) {
    run_query_benchmark(query_db, queries_file, repeat, std::cout);
    return 0;
  }
  run.self = fs::canonical("/proc/self/exe").string();
  if (!fs::exists(run.data_file)) {
    std::cout << "skipped: " << run.data_file << " is absent (the Taiwan law corpus lives in ../shared/data)\n";
    return 0;
  }
  return run_benchmark(run, std::cout, std::cerr);
} catch (const Xapian::Error& e) {
  std::cerr << "provisio-bench: index error: " << e.get_description() << "\n";
  return 1;
} catch (const std::exception& e) {
  std::cerr << "provisio-bench: " << e.what() << "\n";
  return 1;
}
