// One tokenizer behind indexing, queries, snippets and suggestions: the same text gives the same
// words on every path (AT&T, C++, 1,000.5 and don't used to be split three ways).
#define BOOST_TEST_MODULE tokenizer
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "snippet.h"
#include "tokenizer.h"

using provisio::Analyzer;

namespace {

using Positional = std::set<std::pair<Xapian::termpos, std::string>>;

std::string compact(const Positional& terms) {
  std::string out;
  for (const auto& [pos, term] : terms) out += (out.empty() ? "" : " ") + term + "[" + std::to_string(pos) + "]";
  return out;
}

std::string joined(const std::set<std::string>& terms) {
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

// Indexing: the document's positional terms and its ranked ("Z") terms.
std::pair<std::string, std::string> index_terms(Analyzer& a, const std::string& text) {
  Xapian::Document doc;
  a.begin_document(doc);
  a.index_text(text);
  Positional positional;
  std::set<std::string> ranked;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t)[0] == 'Z') ranked.insert(*t);
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positional.emplace(*p, *t);
  }
  return {compact(positional), joined(ranked)};
}

// Snippets and suggestions (both read Analyzer::tokenize): the same two views.
std::pair<std::string, std::string> token_terms(Analyzer& a, const std::string& text) {
  Positional positional;
  std::set<std::string> ranked;
  for (const auto& t : a.tokenize(text)) {
    if (t.position) positional.emplace(t.position, t.term);
    if (!t.stem.empty()) ranked.insert(t.stem);
  }
  return {compact(positional), joined(ranked)};
}

// The query: the terms QueryParser makes of the rewritten query, in query order, without the "Z"
// terms; where a Chinese word is searched both as a word and as bigrams, the bigrams.
std::set<std::string> query_terms(Analyzer& a, const std::string& text) {
  Xapian::QueryParser qp;
  a.configure_query_parser(qp);
  Xapian::Query q = qp.parse_query(a.prepare_query(text));
  return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

// The index's words: at each position the longest term (a bigram rather than a run's edge
// character), with its ranked term.
std::vector<std::pair<std::string, std::string>> words_of(Analyzer& a, const std::string& text) {
  std::map<Xapian::termpos, provisio::Token> longest;
  for (const auto& t : a.tokenize(text))
    if (t.position && t.term.size() > longest[t.position].term.size()) longest[t.position] = t;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [pos, t] : longest) out.emplace_back(t.term, t.stem);
  return out;
}

const std::string kLong = "Supercalifragilisticexpialidocious" "Supercalifragilisticexpialidocious" "ly";
const std::string kLongTerm = "supercalifragilisticexpialidocioussupercalifragilisticexpialidoc";  // 64 bytes

}  // namespace

BOOST_AUTO_TEST_CASE(every_path_gives_the_same_terms) {
  BOOST_REQUIRE(kLong.size() == 70u);
  BOOST_REQUIRE(kLongTerm.size() == provisio::Tokenizer::kMaxWordBytes);
  struct {
    std::string in;
    std::string positional;  // index and tokens, "term[position]"
    std::string ranked;      // index and tokens, the "Z" terms
    std::string snippet;     // the text with the query's matches in [brackets]
  } cases[] = {
      {"AT&T", "at&t[1]", "Zat&t", "[AT&T]"},
      {"C++", "c++[1]", "Zc++", "[C++]"},
      {"1,000.5", "1,000.5[1]", "", "[1,000.5]"},
      {"don't", "don't[1]", "Zdon't", "[don't]"},
      {"ISO/IEC 17025", "iso[1] iec[2] 17025[3]", "Ziec Ziso", "[ISO]/[IEC] [17025]"},
      {"ＩＳＯ１７０２５", "iso17025[1]", "Ziso17025", "[ＩＳＯ１７０２５]"},
      {"CCC檢測ISO17025認可", "ccc[1] 检[2] 检测[2] 测[2] iso17025[3] 可[4] 认[4] 认可[4]",
       "Zccc Ziso17025 Z检测 Z认可", "[CCC檢測ISO17025認可]"},
      {kLong, kLongTerm + "[1]", "Z" + kLongTerm, "[" + kLong + "]"},
  };
  for (const auto& c : cases) {
    Analyzer a;
    auto [positional, ranked] = index_terms(a, c.in);
    BOOST_TEST(positional == c.positional, "index: " << c.in << ": " << positional);
    BOOST_TEST(ranked == c.ranked, "index: " << c.in << ": " << ranked);
    auto [tok_positional, tok_ranked] = token_terms(a, c.in);
    BOOST_TEST(tok_positional == c.positional, "tokens: " << c.in << ": " << tok_positional);
    BOOST_TEST(tok_ranked == c.ranked, "tokens: " << c.in << ": " << tok_ranked);

    // Every term the query asks for is one the index holds, and it asks for every word (as
    // typed, or by its stem: QueryParser stems words that do not start with a capital).
    auto asked = query_terms(a, c.in);
    for (const auto& t : asked)
      BOOST_TEST((positional.find(t + "[") != std::string::npos || ranked.find(t) != std::string::npos),
                 "query term " << t << " of " << c.in << " is not indexed");
    for (const auto& [word, stem] : words_of(a, c.in))
      BOOST_TEST((asked.count(word) || asked.count(stem)), "query: " << c.in << " does not ask for " << word);

    auto snippet = provisio::make_snippet(a, c.in, asked);
    BOOST_TEST(provisio::render_snippet(snippet, "[", "]") == c.snippet, "snippet: " << c.in << ": " << provisio::render_snippet(snippet, "[", "]"));
  }
}

BOOST_AUTO_TEST_CASE(joining_characters_and_suffixes_follow_the_rules) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"fish+chips", "fish[1] chips[2]"},        // + is a suffix only at the end of a word
      {"C++++ C#", "c[1] c#[2]"},                // more than three + are not part of the word
      {"M&S AT&T's", "m&s[1] at&t's[2]"},
      {"don\u2019t", "don't[1]"},                // the typographic apostrophe reads as '
      {"C.C.C. U.S.A x", "ccc[1] usa[2] x[3]"},  // acronyms, with or without the final dot
      {"C.C.x", "c[1] c[2] x[3]"},               // not an acronym: a letter follows
      {"1.5.2 a.b 3,a", "1.5.2[1] a[2] b[3] 3[4] a[5]"},  // . and , join digits only
      {"co\u200Bop", "coop[1]"},                 // a zero-width space inside a word is dropped
  };
  for (const auto& c : cases) {
    Analyzer a;
    BOOST_TEST(index_terms(a, c.in).first == c.out, c.in << ": " << index_terms(a, c.in).first);
    BOOST_TEST(token_terms(a, c.in).first == c.out, c.in);
  }
}

BOOST_AUTO_TEST_CASE(an_over_long_word_is_cut_alike_in_queries_and_phrases) {
  Analyzer a;
  BOOST_TEST(a.prepare_query(kLong) == kLong.substr(0, 64));
  BOOST_TEST(a.prepare_query("\"" + kLong + " x\"") == "\"" + kLong.substr(0, 64) + " x\"");
  auto tokens = a.tokenize("a " + kLong + " b");
  BOOST_REQUIRE(tokens.size() == 3u);
  BOOST_TEST(tokens[1].begin == 2u);  // the token still covers the whole word, for highlighting
  BOOST_TEST(tokens[1].end == 72u);
}
