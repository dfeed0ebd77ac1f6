#define BOOST_TEST_MODULE index
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <filesystem>
#include <map>

#include "corpus.h"
#include "document_builder.h"
#include "index_writer.h"
#include "parallel_builder.h"
#include "schema.h"
#include "test_support.h"

using namespace provisio;
using provisio::testing::TempDir;
using provisio::testing::many_provisions;
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

namespace {

std::vector<DocumentPlan> sample_plans(const Corpus& c) {
  std::vector<DocumentPlan> plans;
  for (const auto& i : c.instruments)
    for (const auto& p : i.provisions)
      for (const auto& v : p.versions)
        for (const auto& lang : document_languages(v)) plans.push_back(plan_document(i, p, v, lang));
  return plans;
}

Corpus sample_corpus(const TempDir& dir) {
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  Diagnostics d;
  Corpus c = load_corpus(collect_corpus_files({dir / "corpus"}, d), d);
  BOOST_REQUIRE(d.empty());
  return c;
}

// Every term of every document with its wdf and positions, in docid order: two databases with
// the same dump hold the same index.
std::string dump(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::string out;
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    Xapian::Document doc = db.get_document(*d);
    out += std::to_string(*d) + ":";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      out += " " + *t + "/" + std::to_string(t.get_wdf());
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += "," + std::to_string(*p);
    }
    out += " | " + doc.get_data() + "\n";
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(parallel_build_hands_every_document_over_in_order) {
  TempDir dir;
  Corpus c = sample_corpus(dir);
  auto plans = sample_plans(c);
  std::vector<std::size_t> seen;
  build_documents_in_parallel(
      1000, [&](std::size_t i) { return plans[i % plans.size()]; },
      [&](std::size_t i, Xapian::Document& doc) {
        seen.push_back(i);
        BOOST_TEST(doc.get_value(schema::kContentHashSlot) == plans[i % plans.size()].hash);
      },
      {3, 7, 2});
  BOOST_REQUIRE(seen.size() == 1000u);
  for (std::size_t i = 0; i < seen.size(); ++i) BOOST_TEST(seen[i] == i);
}

BOOST_AUTO_TEST_CASE(parallel_build_passes_on_the_first_error) {
  TempDir dir;
  Corpus c = sample_corpus(dir);
  auto plans = sample_plans(c);
  std::size_t written = 0;
  auto from_worker = [&] {
    build_documents_in_parallel(
        1000,
        [&](std::size_t i) {
          if (i == 500) throw std::runtime_error("analysis failed at 500");
          return plans[i % plans.size()];
        },
        [&](std::size_t, Xapian::Document&) { ++written; }, {2, 10, 2});
  };
  BOOST_CHECK_EXCEPTION(from_worker(), std::runtime_error,
                        [](const std::runtime_error& e) { return std::string(e.what()) == "analysis failed at 500"; });
  BOOST_TEST(written <= 500u);
  auto from_sink = [&] {
    build_documents_in_parallel(
        1000, [&](std::size_t i) { return plans[i % plans.size()]; },
        [&](std::size_t i, Xapian::Document&) {
          if (i == 10) throw std::runtime_error("disk full");
        },
        {2, 4, 2});
  };
  BOOST_CHECK_EXCEPTION(from_sink(), std::runtime_error,
                        [](const std::runtime_error& e) { return std::string(e.what()) == "disk full"; });
}

BOOST_AUTO_TEST_CASE(threads_and_flush_threshold_do_not_change_the_index) {
  TempDir dir;
  Corpus c = sample_corpus(dir);
  IndexOptions one{dir / "one", {dir / "corpus"}, {}};
  one.threads = 1;
  IndexOptions many{dir / "many", {dir / "corpus"}, {}};
  many.threads = 4;
  many.flush_threshold = 1;  // Xapian writes out after every document, inside the transaction
  write_index(c, one);
  write_index(c, many);
  BOOST_TEST(dump(dir / "one") == dump(dir / "many"));
  BOOST_TEST(dump(dir / "one").find(" Zstandard/") != std::string::npos);  // a real dump, stems and all
  BOOST_TEST(dump(dir / "one").find("Qtig/art58/2@2019-01-01#zh-Hant/0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(replaced_documents_keep_their_place) {
  TempDir dir;
  std::string xml = testing::sample_instrument();
  write_file(dir / "corpus/tig.xml", xml);
  index_folder(dir / "corpus", dir / "db");
  auto docid_of = [&](const std::string& term) {
    Xapian::Database db(dir / "db");
    return *db.postlist_begin(term);
  };
  Xapian::docid before = docid_of("Qtig/art58/1@2020-06-01#en");
  xml.replace(xml.find("align technical regulations"), 27, "share testing plans");
  write_file(dir / "corpus/tig.xml", xml);
  BOOST_TEST(index_folder(dir / "corpus", dir / "db").replaced == 1u);
  BOOST_TEST(docid_of("Qtig/art58/1@2020-06-01#en") == before);
  BOOST_TEST(Xapian::Database(dir / "db").get_doccount() == 4u);
}

BOOST_AUTO_TEST_CASE(flush_threshold_leaves_the_environment_as_it_was) {
  TempDir dir;
  Corpus c = sample_corpus(dir);
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  IndexOptions options{dir / "db", {dir / "corpus"}, {}};
  options.flush_threshold = 7;
  write_index(c, options);
  BOOST_TEST(std::getenv("XAPIAN_FLUSH_THRESHOLD") == nullptr);
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "123", 1);
  write_index(c, options);
  BOOST_TEST(std::string(std::getenv("XAPIAN_FLUSH_THRESHOLD")) == "123");
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
}


// index_corpus_files() reads files again rather than holding them: the index must be the same.
BOOST_AUTO_TEST_CASE(indexing_files_without_holding_them_gives_the_same_index) {
  TempDir dir;
  write_file(dir / "corpus/a-tig.xml", testing::sample_instrument());
  write_file(dir / "corpus/b-big.xml", many_provisions("big", 40, "Testing laboratories"));
  write_file(dir / "corpus/c-small.xml", many_provisions("small", 3, "Certification bodies"));
  Diagnostics d;
  auto files = collect_corpus_files({dir / "corpus"}, d);
  write_index(load_corpus(files, d), {dir / "in-memory", {dir / "corpus"}, {}});
  IndexReport r = index_corpus_files(files, {dir / "from-files", {dir / "corpus"}, {}}, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(r.instruments == 3u);
  BOOST_TEST(r.added == 47u);
  BOOST_TEST(dump(dir / "from-files") == dump(dir / "in-memory"));
  // A second run reads nothing again: nothing changed.
  BOOST_TEST(!index_corpus_files(files, {dir / "from-files", {dir / "corpus"}, {}}, d).changed());
}

BOOST_AUTO_TEST_CASE(indexing_files_with_problems_writes_nothing) {
  TempDir dir;
  write_file(dir / "corpus/a.xml", many_provisions("a", 2, "Testing"));
  write_file(dir / "corpus/b.xml", many_provisions("a", 2, "Testing"));  // the same ids again
  Diagnostics d;
  IndexReport r = index_corpus_files(collect_corpus_files({dir / "corpus"}, d), {dir / "db", {}, {}}, d);
  BOOST_TEST(!d.empty());
  BOOST_TEST(r.added == 0u);
  BOOST_TEST(!std::filesystem::exists(dir / "db"));
}

// A file that changes between validation and analysis must not get into the index half-checked:
// the run fails naming it, and the database keeps what it had.
BOOST_AUTO_TEST_CASE(a_file_changed_while_indexing_fails_the_run_and_changes_nothing) {
  TempDir dir;
  std::string file = dir / "corpus/big.xml";
  write_file(file, many_provisions("big", 10000, "Old wording"));
  Diagnostics d;
  auto files = collect_corpus_files({dir / "corpus"}, d);
  IndexOptions options{dir / "db", {dir / "corpus"}, {}};
  BOOST_TEST(index_corpus_files(files, options, d).added == 10000u);
  std::string before = dump(dir / "db");

  write_file(file, many_provisions("big", 10000, "New wording"));
  // Progress is reported every 10,000 documents planned: the moment to change the file again.
  int edits = 0;
  options.progress = [&](std::size_t done, std::size_t total) {
    if (total == 0 && done == 10000)
      write_file(file, many_provisions("big", 10000, "Edit " + std::to_string(++edits)));
  };
  BOOST_CHECK_EXCEPTION(index_corpus_files(files, options, d), std::runtime_error, [&](const std::runtime_error& e) {
    return std::string(e.what()).find(file + ": the file changed while it was being indexed") == 0;
  });
  BOOST_TEST(d.empty());
  BOOST_TEST(dump(dir / "db") == before);

  // A first build (no database yet) is written aside and renamed into place: when it fails,
  // neither the database nor the folder it was built in is left behind.
  options.db_path = dir / "fresh";
  BOOST_CHECK_THROW(index_corpus_files(files, options, d), std::runtime_error);
  BOOST_TEST(edits == 2);
  BOOST_TEST(!std::filesystem::exists(dir / "fresh"));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    BOOST_TEST(entry.path().filename().string().find("fresh") == std::string::npos);
}

namespace {

// Changes the working directory for a scope.
class InDirectory {
 public:
  explicit InDirectory(const std::filesystem::path& dir) : before_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~InDirectory() { std::filesystem::current_path(before_); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  std::filesystem::path before_;
};

IndexReport index_paths(const std::vector<std::string>& paths, const std::string& db, Diagnostics& d) {
  return index_corpus_files(collect_corpus_files(paths, d), {db, paths, {}}, d);
}

// An instrument whose provision refers to (and relates to) tig/art58/2 of sample_instrument().
std::string referring_instrument(const std::string& target) {
  return R"(<instrument id="o" kind="plan" signed="2019-02-18">
<title lang="en">O</title><title lang="zh-Hant">綱要</title>
<provision id="o/1"><citation lang="en">1</citation><topics>gba</topics><ref to=")" + target + R"("/>
<version from="2019-02-18"><heading lang="en">GBA</heading><text lang="en">Greater Bay Area</text></version></provision>
</instrument>)";
}

std::map<std::string, Xapian::termcount> spellings(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, Xapian::termcount> out;
  for (auto t = db.spellings_begin(); t != db.spellings_end(); ++t) out[*t] = t.get_termfreq();
  return out;
}

}  // namespace

// Issue 13, item 16: the same corpus named another way is the same corpus.
BOOST_AUTO_TEST_CASE(another_spelling_of_the_corpus_path_rewrites_nothing) {
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  InDirectory here(dir.path());
  Diagnostics d;
  BOOST_TEST(index_paths({"corpus"}, "db", d).added == 4u);
  for (std::string path : {dir / "corpus", std::string("./corpus"), std::string("./corpus/"), dir / "corpus/tig.xml"}) {
    IndexReport r = index_paths({path}, "db", d);
    BOOST_TEST(d.empty());
    BOOST_TEST(!r.changed(), path);
    BOOST_TEST(r.unchanged == 4u, path);
  }
}

// Issue 13, item 16: a file indexed on its own may refer to provisions the index already has.
BOOST_AUTO_TEST_CASE(references_to_provisions_already_indexed_are_fine) {
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  write_file(dir / "corpus/o.xml", referring_instrument("tig/art58/2"));
  Diagnostics d;
  BOOST_TEST(index_paths({dir / "corpus"}, dir / "db", d).added == 5u);
  BOOST_REQUIRE(d.empty());
  // The referring file alone: its target is in the index, from a file this run leaves alone.
  IndexReport r = index_paths({dir / "corpus/o.xml"}, dir / "db", d);
  BOOST_TEST(d.empty(), (d.empty() ? "" : d.front().to_string()));
  BOOST_TEST(r.unchanged == 1u);
  BOOST_TEST(Xapian::Database(dir / "db").get_doccount() == 5u);

  // A target neither in the files nor in the index is still a problem, and nothing is written.
  write_file(dir / "other/o.xml", referring_instrument("tig/art99"));
  d.clear();
  index_paths({dir / "other/o.xml"}, dir / "db", d);
  BOOST_REQUIRE_EQUAL(d.size(), 1u);
  BOOST_TEST(d.front().message == "reference to unknown provision 'tig/art99'");

  // A target in the index only from the files being indexed, which no longer have it, is gone.
  write_file(dir / "corpus/tig.xml", many_provisions("tig", 1, "other"));
  d.clear();
  index_paths({dir / "corpus"}, dir / "db", d);
  BOOST_REQUIRE_EQUAL(d.size(), 1u);
  BOOST_TEST(d.front().message == "reference to unknown provision 'tig/art58/2'");
}

// Issue 13, item 9: "did you mean" reads Xapian's spelling table, which follows the documents.
BOOST_AUTO_TEST_CASE(the_spelling_table_follows_the_documents) {
  TempDir dir;
  write_file(dir / "corpus/tig.xml", testing::sample_instrument());
  index_folder(dir / "corpus", dir / "db");
  auto table = spellings(dir / "db");
  // Once per document with the word (the English documents of tig/art58/1 say "standards" twice,
  // one per version); no stopwords, no Chinese, no short words.
  BOOST_TEST(table["standards"] == 2u);
  BOOST_TEST(table["laboratories"] == 1u);
  BOOST_TEST(!table.count("the"));
  for (const auto& [word, freq] : table) BOOST_TEST(schema::is_spelling_word(word), word);

  // Replacing and deleting documents takes their words out again.
  std::string xml = testing::sample_instrument();
  xml.replace(xml.find("Accredited Hong Kong laboratories"), 33, "Accredited Hong Kong labs");
  write_file(dir / "corpus/tig.xml", xml);
  index_folder(dir / "corpus", dir / "db");
  table = spellings(dir / "db");
  BOOST_TEST(!table.count("laboratories"));
  BOOST_TEST(table["labs"] == 1u);
  write_file(dir / "corpus/tig.xml", many_provisions("tig", 1, "other"));
  index_folder(dir / "corpus", dir / "db");
  table = spellings(dir / "db");
  BOOST_TEST(!table.count("standards"));
  BOOST_TEST(table["other"] == 1u);
}
