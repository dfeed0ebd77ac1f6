// Long queries (issue 13 item 4, issue 18): how the query side's time grows with the length of a
// Chinese query, with the 500-character limit of QueryBuilder lifted (the analyser is called
// directly). For each length it times, once each (best of --runs):
//   rewrite  Analyzer::prepare_query: folding, segmentation and the rewriting for QueryParser;
//   parse    Analyzer::parse_query: the same with glossary expansion, then Xapian's QueryParser;
//   search   the parsed query run against an index (--db; skipped without one), top 10.
// The text is the bundled corpus's Traditional Chinese provision texts, run together and cut to
// the length; --han-only keeps only Chinese characters (one unbroken run: the worst case).
// Growth that is linear in the length shows as a constant "µs/char" column.
//
// Run: build/bench/bench_long_query [--db build/demo-index] [--lengths 500,4000,20000] [--han-only]
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer.h"
#include "corpus.h"
#include "utf8.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The corpus's zh-Hant texts run together, as code points.
std::u32string chinese_text(bool han_only) {
  provisio::Diagnostics d;
  auto corpus = provisio::load_corpus(provisio::collect_corpus_files({PROVISIO_SOURCE_CORPUS}, d), d);
  std::u32string all;
  for (const auto& i : corpus.instruments)
    for (const auto& p : i.provisions)
      for (const auto& v : p.versions)
        for (const auto& t : v.texts)
          if (t.lang == "zh-Hant")
            for (std::size_t at = 0; at < t.body.size();) {
              char32_t c = provisio::decode_utf8(t.body, at);
              if (!han_only || (c >= 0x4E00 && c <= 0x9FFF)) all += c;
            }
  return all;
}

std::string first_chars(const std::u32string& text, std::size_t n) {
  std::u32string cut;
  while (cut.size() < n) cut += text.substr(0, std::min(text.size(), n - cut.size()));
  std::string out;
  for (char32_t c : cut) provisio::append_utf8(out, c);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::vector<std::size_t> lengths = {500, 4000, 20000};
  bool han_only = false;
  int runs = 1;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "--db" && a + 1 < argc) {
      db_path = argv[++a];
    } else if (arg == "--lengths" && a + 1 < argc) {
      lengths.clear();
      std::stringstream list(argv[++a]);
      for (std::string item; std::getline(list, item, ',');) lengths.push_back(std::stoul(item));
    } else if (arg == "--han-only") {
      han_only = true;
    } else if (arg == "--runs" && a + 1 < argc) {
      runs = std::max(1, std::stoi(argv[++a]));
    } else {
      std::cerr << "usage: bench_long_query [--db INDEX] [--lengths N,N,...] [--han-only] [--runs N]\n";
      return 2;
    }
  }
  std::u32string text = chinese_text(han_only);
  if (text.empty()) {
    std::cerr << "bench_long_query: no Chinese text in " << PROVISIO_SOURCE_CORPUS << "\n";
    return 1;
  }
  Xapian::Database db;
  if (!db_path.empty()) db = Xapian::Database(db_path);
  provisio::Analyzer analyzer;
  analyzer.prepare_query("預熱");  // loads the lexicon and glossary outside the timings
  std::printf("%8s  %10s  %10s  %10s  %10s  %8s\n", "chars", "rewrite s", "parse s", "search s", "µs/char", "terms");
  for (std::size_t n : lengths) {
    std::string query = first_chars(text, n);
    double rewrite = 1e300, parse = 1e300, search = db_path.empty() ? 0 : 1e300;
    std::size_t terms = 0;
    for (int r = 0; r < runs; ++r) {
      auto start = Clock::now();
      analyzer.prepare_query(query);
      rewrite = std::min(rewrite, seconds_since(start));

      start = Clock::now();
      Xapian::QueryParser qp;
      if (!db_path.empty()) qp.set_database(db);
      analyzer.configure_query_parser(qp);
      Xapian::Query q = analyzer.parse_query(qp, query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT);
      parse = std::min(parse, seconds_since(start));
      terms = static_cast<std::size_t>(std::distance(q.get_unique_terms_begin(), q.get_unique_terms_end()));

      if (!db_path.empty()) {
        start = Clock::now();
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        enquire.get_mset(0, 10);
        search = std::min(search, seconds_since(start));
      }
    }
    std::printf("%8zu  %10.3f  %10.3f  %10.3f  %10.1f  %8zu\n", n, rewrite, parse, search,
                (rewrite + parse + search) * 1e6 / static_cast<double>(n), terms);
  }
  return 0;
}
