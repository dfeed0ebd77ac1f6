#define BOOST_TEST_MODULE glossary
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "corpus.h"
#include "data_files.h"
#include "glossary.h"
#include "lexicon.h"
#include "test_support.h"
#include "text_folder.h"

using provisio::Glossary;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

std::string load_error(const std::string& content) {
  TempDir dir;
  write_file(dir / "g.tsv", content);
  try {
    Glossary::load(dir / "g.tsv");
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    return m.substr(m.find("g.tsv"));
  }
  return "";
}

const char* kHeader = "id\tabbr\ten\tzh-Hant\tzh-Hans\ttopic\tnote\n";

}  // namespace

BOOST_AUTO_TEST_CASE(the_bundled_glossary_is_large_and_bilingual) {
  auto g = Glossary::load(provisio::analysis_data_dir() + "/glossary.tsv");
  BOOST_TEST(g.concepts().size() >= 40u);
  std::size_t bilingual = 0;
  for (const auto& c : g.concepts()) {
    bool en = false, hant = false, hans = false;
    for (const auto& f : c.forms) {
      en |= f.column == "en" || f.column == "abbr";
      hant |= f.column == "zh-Hant";
      hans |= f.column == "zh-Hans";
    }
    bilingual += en && hant && hans;
  }
  // Every concept with forms has them in both languages and both scripts (a concept for link
  // suggestions only has cues instead).
  std::size_t with_forms = std::count_if(g.concepts().begin(), g.concepts().end(), [](const auto& c) { return !c.forms.empty(); });
  BOOST_TEST(bilingual == with_forms);
  BOOST_TEST(with_forms >= g.concepts().size() - 2);
  const auto& ccc = *std::find_if(g.concepts().begin(), g.concepts().end(), [](const auto& c) { return c.id == "ccc"; });
  std::string forms;
  for (const auto& f : ccc.forms) forms += f.text + "|";
  BOOST_TEST(forms.find("CCC|3C|") != std::string::npos);
  BOOST_TEST(forms.find("強制性產品認證") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_glossaries_are_reported_with_their_line) {
  BOOST_TEST(load_error("") == "g.tsv: empty glossary (no header line)");
  const std::string header_error =
      "g.tsv:1: the first line must be the header: id abbr en zh-Hant zh-Hans topic note (then, optionally, link cues)";
  BOOST_TEST(load_error("id\ten\n") == header_error);
  BOOST_TEST(load_error("id\tabbr\ten\tzh\tzh-Hans\ttopic\tnote\n") == header_error);
  BOOST_TEST(load_error("id\tabbr\ten\tzh-Hant\tzh-Hans\ttopic\tnote\tlink\n") == header_error);
  BOOST_TEST(load_error(std::string(kHeader) + "a\tA\talpha\n") ==
             "g.tsv:2: expected 7 tab-separated columns, as the header has, found 3");
  BOOST_TEST(load_error(std::string(kHeader) + "# comment\n\tCCC\tx\t\t\t\t\n") == "g.tsv:3: a concept needs an id");
  BOOST_TEST(load_error(std::string(kHeader) + "a\tA\talpha\t\t\t\t\na\tB\tbeta\t\t\t\t\n") ==
             "g.tsv:3: duplicate concept id 'a'");
  BOOST_TEST(load_error(std::string(kHeader) + "a\t\talpha\t\t\t\t\n") == "g.tsv:2: concept 'a' needs at least two forms");
  BOOST_TEST(load_error(std::string(kHeader) + "a\tA\talpha\t\t\tccc; gba\t\n") ==
             "g.tsv:2: concept 'a' names more than one topic");
  BOOST_TEST(load_error(std::string(kHeader) + "a\tA\talpha\t甲\t甲\tccc\tnote\n").empty());
  // The link columns: cues need a label; a concept with a label and cues needs no forms.
  const std::string link_header = "id\tabbr\ten\tzh-Hant\tzh-Hans\ttopic\tnote\tlink\tcues\n";
  BOOST_TEST(load_error(link_header + "a\tA\talpha\t\t\t\t\t\tfoo\n") == "g.tsv:2: concept 'a' has cues but no link label");
  BOOST_TEST(load_error(link_header + "a\t\t\t\t\t\t\tLabel\t\n") == "g.tsv:2: concept 'a' needs at least two forms");
  BOOST_TEST(load_error(link_header + "a\t\t\t\t\t\t\tLabel\tfoo; bar\n").empty());
  BOOST_TEST(load_error(link_header + "a\tA\talpha\t\t\t\t\n") == "g.tsv:2: expected 9 tab-separated columns, as the header has, found 7");
  TempDir dir;
  BOOST_CHECK_EXCEPTION(Glossary::load(dir / "missing.tsv"), std::runtime_error, [&](const std::runtime_error& e) {
    return std::string(e.what()) == dir / "missing.tsv" + ": cannot read the glossary";
  });
}

BOOST_AUTO_TEST_CASE(forms_are_split_and_typed) {
  TempDir dir;
  write_file(dir / "g.tsv", std::string(kHeader) + "ccc\tCCC; 3C\tChina Compulsory Certification\t強制性產品認證\t强制性产品认证\tccc\t\n");
  auto g = Glossary::load(dir / "g.tsv");
  BOOST_REQUIRE(g.concepts().size() == 1u);
  BOOST_TEST(g.concepts()[0].topic == "ccc");
  const auto& forms = g.concepts()[0].forms;
  BOOST_REQUIRE(forms.size() == 5u);
  BOOST_TEST(forms[1].text == "3C");
  BOOST_TEST(forms[1].column == "abbr");
  BOOST_TEST(!forms[2].chinese);
  BOOST_TEST(forms[3].chinese);
}

BOOST_AUTO_TEST_CASE(link_labels_and_cues_are_read) {
  TempDir dir;
  write_file(dir / "g.tsv", "id\tabbr\ten\tzh-Hant\tzh-Hans\ttopic\tnote\tlink\tcues\n"
                            "gba\tGBA\tGreater Bay Area\t大灣區\t大湾区\tgba\t\tGreater Bay Area (大灣區)\tShenzhen; 前海 \n"
                            "lab\t\tlaboratory\t實驗所\t实验所\t\t\t\t\n"
                            "obstacles\t\t\t\t\t\t\tObstacles\tobstacle; 困難\n");
  auto g = Glossary::load(dir / "g.tsv");
  BOOST_REQUIRE(g.concepts().size() == 3u);
  BOOST_TEST(g.concepts()[0].link_label == "Greater Bay Area (大灣區)");
  BOOST_TEST((g.concepts()[0].link_cues == std::vector<std::string>{"Shenzhen", "前海"}));
  BOOST_TEST(g.concepts()[1].link_label.empty());
  BOOST_TEST(g.concepts()[1].link_cues.empty());
  BOOST_TEST(g.concepts()[2].forms.empty());
  // Cues are not forms: a text naming only a cue does not name the concept for query expansion.
  BOOST_TEST(g.named_in("a lab in Shenzhen").empty());
  BOOST_TEST(g.named_in("the Greater Bay Area").size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_lexicon_folds_scripts_and_knows_prefixes) {
  provisio::TextFolder folder;
  provisio::Lexicon lex;
  TempDir dir;
  write_file(dir / "lex.txt", "# domain words\n資質認定\n  粵港澳大灣區  # the GBA\n\n");
  lex.load_domain(dir / "lex.txt", folder);
  lex.finish();
  BOOST_TEST(lex.domain_words() == 2u);
  auto found = lex.find(provisio::fold_to_code_points("资质认定", folder));
  BOOST_REQUIRE(found);
  BOOST_TEST((found->word && found->domain));
  auto prefix = lex.find(provisio::fold_to_code_points("粤港澳", folder));
  BOOST_REQUIRE(prefix);
  BOOST_TEST(!prefix->word);
  BOOST_CHECK_THROW(lex.load_domain(dir / "missing.txt", folder), std::runtime_error);
}

// The glossary is the one home of the words behind each topic; the corpus model owns the topic
// ids. Each side must know every topic of the other.
BOOST_AUTO_TEST_CASE(glossary_topics_are_the_corpus_topics) {
  auto g = Glossary::load(provisio::analysis_data_dir() + "/glossary.tsv");
  std::set<std::string> signalled;
  for (const auto& c : g.concepts())
    if (!c.topic.empty()) {
      BOOST_TEST_INFO("concept " << c.id);
      const auto& known = provisio::known_topics();
      BOOST_TEST((std::find(known.begin(), known.end(), c.topic) != known.end()));
      signalled.insert(c.topic);
    }
  for (const auto& topic : provisio::known_topics()) {
    BOOST_TEST_INFO("topic " << topic);
    BOOST_TEST(signalled.count(topic) == 1u);
  }
}

BOOST_AUTO_TEST_CASE(concepts_named_in_a_text_in_any_script) {
  TempDir dir;
  write_file(dir / "g.tsv", std::string(kHeader) +
                                "cma\tCMA\tChina Metrology Accreditation\t資質認定\t资质认定\tcma\t\n"
                                "standards\t\tstandards; standard\t標準\t标准\tstandards\t\n"
                                "gba\tGBA\tGreater Bay Area\t大灣區\t大湾区\tgba\t\n");
  auto g = Glossary::load(dir / "g.tsv");
  auto ids = [&](std::string_view text) {
    std::string out;
    for (const auto* c : g.named_in(text)) out += c->id + " ";
    return out;
  };
  BOOST_TEST(ids("办理资质认定") == "cma ");          // Simplified finds the concept
  BOOST_TEST(ids("ＣＭＡ marks and the 大湾区") == "cma gba ");  // full-width, both scripts
  BOOST_TEST(ids("a dogma about cmaX") == "");        // short acronyms only as whole words
  BOOST_TEST(ids("national STANDARDS apply") == "standards ");
  BOOST_TEST(ids("nothing here") == "");
}
