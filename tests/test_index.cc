#define BOOST_TEST_MODULE index
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include "corpus.h"
#include "index_writer.h"
#include "schema.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::write_file;

namespace {

IndexReport index_folder(const std::string& corpus_dir, const std::string& db) {
  Diagnostics d;
  auto files = collect_corpus_files({corpus_dir}, d);
  Corpus c = load_corpus(files, d);
  BOOST_REQUIRE(d.empty());
  return write_index(c, {db, {corpus_dir}, {}});
}

std::set<std::string> unique_terms(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::set<std::string> out;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) out.insert(*t);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(writes_one_document_per_version_and_language) {
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  IndexReport r = index_folder(dir / "corpus", dir / "db");
  BOOST_TEST(r.instruments == 1u);
  BOOST_TEST(r.provisions == 2u);
  BOOST_TEST(r.versions == 3u);
  BOOST_TEST(r.added == 4u);  // art58/1 twice in en; art58/2 in en and zh-Hant
  BOOST_TEST((unique_terms(dir / "db") ==
              std::set<std::string>{"Qtig/art58/1@2019-01-01#en", "Qtig/art58/1@2020-06-01#en",
                                    "Qtig/art58/2@2019-01-01#en", "Qtig/art58/2@2019-01-01#zh-Hant"}));
  Xapian::Database db(dir / "db");
  BOOST_TEST(db.get_termfreq("Ktopic") == 0u);
  BOOST_TEST(db.get_termfreq("Kccc") == 2u);
  BOOST_TEST(db.get_termfreq("Itig") == 4u);
  BOOST_TEST(db.get_termfreq("Lzh-Hant") == 1u);
  auto post = db.postlist_begin("Qtig/art58/1@2019-01-01#en");
  Xapian::Document doc = db.get_document(*post);
  BOOST_TEST(doc.get_value(schema::kEffectiveFromSlot) == "20190101");
  BOOST_TEST(doc.get_value(schema::kEffectiveToSlot) == "20200601");
  BOOST_TEST(doc.get_value(schema::kProvisionIdSlot) == "tig/art58/1");
}

BOOST_AUTO_TEST_CASE(second_run_on_unchanged_corpus_changes_nothing) {
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  index_folder(dir / "corpus", dir / "db");
  Xapian::rev before = Xapian::Database(dir / "db").get_revision();
  IndexReport r = index_folder(dir / "corpus", dir / "db");
  BOOST_TEST(!r.changed());
  BOOST_TEST(r.unchanged == 4u);
  BOOST_TEST(Xapian::Database(dir / "db").get_revision() == before);
}

BOOST_AUTO_TEST_CASE(edits_replace_and_removals_delete) {
  TempDir dir;
  std::string xml = testing::sample_instrument();
  write_file(dir / "corpus/tig.xml", xml);
  index_folder(dir / "corpus", dir / "db");

  // Edit one text: exactly one document is replaced.
  std::string edited = xml;
  edited.replace(edited.find("align technical regulations"), 27, "share testing plans");
  write_file(dir / "corpus/tig.xml", edited);
  IndexReport r = index_folder(dir / "corpus", dir / "db");
  BOOST_TEST(r.replaced == 1u);
  BOOST_TEST(r.added == 0u);
  BOOST_TEST(r.deleted == 0u);
  Xapian::Database db(dir / "db");
  BOOST_TEST(db.get_termfreq("share") == 1u);
  BOOST_TEST(db.get_termfreq("align") == 0u);

  // Remove the Chinese text: its document goes.
  std::string no_zh = edited;
  auto b = no_zh.find("<text lang=\"zh-Hant\">");
  no_zh.erase(b, no_zh.find("</text>", b) + 7 - b);
  write_file(dir / "corpus/tig.xml", no_zh);
  r = index_folder(dir / "corpus", dir / "db");
  BOOST_TEST(r.deleted == 1u);
  BOOST_TEST(unique_terms(dir / "db").count("Qtig/art58/2@2019-01-01#zh-Hant") == 0u);

  // Remove the whole file: everything that came from it goes.
  std::filesystem::remove(dir / "corpus/tig.xml");
  write_file(dir / "corpus/other.xml", R"(<instrument id="o" kind="plan" signed="2019-02-18">
<title lang="en">O</title><title lang="zh-Hant">綱要</title></instrument>)");
  r = index_folder(dir / "corpus", dir / "db");
  BOOST_TEST(r.deleted == 3u);
  BOOST_TEST(Xapian::Database(dir / "db").get_doccount() == 0u);
}

BOOST_AUTO_TEST_CASE(documents_from_other_folders_are_left_alone) {
  TempDir dir;
  write_file(dir / "a/tig.xml", testing::sample_instrument());
  write_file(dir / "b/o.xml", R"(<instrument id="o" kind="plan" signed="2019-02-18">
<title lang="en">O</title><title lang="zh-Hant">綱要</title>
<provision id="o/1"><citation lang="en">1</citation><topics>gba</topics>
<version from="2019-02-18"><heading lang="en">GBA</heading><text lang="en">Greater Bay Area</text></version></provision>
</instrument>)");
  index_folder(dir / "a", dir / "db");
  IndexReport r = index_folder(dir / "b", dir / "db");
  BOOST_TEST(r.added == 1u);
  BOOST_TEST(r.deleted == 0u);
  BOOST_TEST(Xapian::Database(dir / "db").get_doccount() == 5u);
}
