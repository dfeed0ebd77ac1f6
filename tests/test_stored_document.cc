#define BOOST_TEST_MODULE stored_document
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "corpus.h"
#include "stored_document.h"

using namespace provisio;

namespace {

StoredDocument sample() {
  StoredDocument d;
  d.id = "cepa-tig/art58/2";
  d.instrument = "cepa-tig";
  d.instrument_title = "Agreement on Trade in Goods";
  d.lang = "en";
  d.citation = "Article 58(2)";
  d.heading = "Testing";
  d.divisions = {"Chapter 7", "Article 58"};
  d.texts = {{"official", "The sides shall…"}, {"digest", "Our words."}};
  d.topics = {"ccc", "consultation"};
  d.refs = {"cepa-tig/art58/1"};
  d.effective_from = "2019-01-01";
  d.effective_to = "2020-06-01";
  d.approx = "month";
  d.notes = {"a note"};
  d.source_file = "corpus/instruments/cepa-tig.xml";
  d.line = 42;
  d.verification.status = "partly verified";
  d.verification.checked = {{"the CEPA page", "2026-12-01", "month"}};
  d.verification.unverified = "the end date";
  d.relations = {{"supersedes", "cepa-s7/ts/1"}};
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(serialises_to_the_documented_json_and_back) {
  // The exact stored form: field names and null for absent optionals are the index format.
  BOOST_TEST(serialise(sample()) ==
             R"j({"approx":"month","by":null,"citation":"Article 58(2)","divisions":["Chapter 7","Article 58"],)j"
             R"j("effective_from":"2019-01-01","effective_to":"2020-06-01","heading":"Testing","id":"cepa-tig/art58/2",)j"
             R"j("instrument":"cepa-tig","instrument_title":"Agreement on Trade in Goods","lang":"en","line":42,)j"
             R"j("notes":["a note"],"refs":["cepa-tig/art58/1"],"relations":[{"to":"cepa-s7/ts/1","type":"supersedes"}],)j"
             R"j("source_file":"corpus/instruments/cepa-tig.xml",)j"
             R"j("texts":[{"body":"The sides shall…","kind":"official"},{"body":"Our words.","kind":"digest"}],)j"
             R"j("topics":["ccc","consultation"],)j"
             R"j("verification":{"checked":[{"approx":"month","on":"2026-12-01","source":"the CEPA page"}],)j"
             R"j("status":"partly verified","unverified":"the end date"}})j");
  StoredDocument back = parse_stored_document(serialise(sample()));
  BOOST_TEST(serialise(back) == serialise(sample()));
  BOOST_TEST(!back.by.has_value());
  BOOST_TEST(*back.approx == "month");
  BOOST_TEST(back.texts[1].kind == "digest");
  BOOST_TEST(back.line == 42);
  BOOST_TEST(*back.verification.checked[0].approx == "month");
  BOOST_TEST(back.relations[0].to == "cepa-s7/ts/1");
}

BOOST_AUTO_TEST_CASE(older_data_without_line_or_source_file_still_reads) {
  nlohmann::json j = sample();
  j.erase("line");
  j.erase("source_file");
  j.erase("verification");
  j.erase("relations");
  StoredDocument d = parse_stored_document(j.dump());
  BOOST_TEST(d.line == 0);
  BOOST_TEST(d.source_file.empty());
  BOOST_TEST(d.verification.status == "not stated");
  BOOST_TEST(d.relations.empty());
}

BOOST_AUTO_TEST_CASE(bad_data_names_the_field) {
  auto message = [](const std::string& data) {
    try {
      parse_stored_document(data);
    } catch (const StoredDocumentError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  nlohmann::json j = sample();
  BOOST_TEST(message("not json") == "stored document data is not JSON");
  BOOST_TEST(message("[1]") == "stored document is not a JSON object");
  auto without = [&](const char* key) {
    nlohmann::json k = j;
    k.erase(key);
    return k.dump();
  };
  BOOST_TEST(message(without("heading")) == "stored document has no 'heading'");
  nlohmann::json wrong = j;
  wrong["topics"] = "ccc";
  BOOST_TEST(message(wrong.dump()) == "stored document field 'topics' has the wrong type");
  wrong = j;
  wrong["effective_to"] = "2020-02-30";
  BOOST_TEST(message(wrong.dump()) == "stored document field 'effective_to' is not a date: '2020-02-30'");
  wrong = j;
  wrong["texts"] = nlohmann::json::array({{{"kind", "digest"}}});
  BOOST_TEST(message(wrong.dump()) == "stored document has a text without a string 'kind' and 'body'");
}

BOOST_AUTO_TEST_CASE(in_force_from_the_first_day_until_the_day_before_to) {
  StoredDocument d = sample();
  auto day = [](const char* iso) { return *Date::parse(iso); };
  BOOST_TEST(!d.in_force_on(day("2018-12-31")));
  BOOST_TEST(d.in_force_on(day("2019-01-01")));
  BOOST_TEST(d.in_force_on(day("2020-05-31")));
  BOOST_TEST(!d.in_force_on(day("2020-06-01")));  // `to` is the first day no longer in force
  d.effective_to.reset();
  BOOST_TEST(d.in_force_on(day("2999-01-01")));
  // The model's versions follow the same rule.
  Version v{day("2019-01-01"), day("2020-06-01"), "", "", {}, {}, {}};
  BOOST_TEST(v.in_force_on(day("2019-01-01")));
  BOOST_TEST(!v.in_force_on(day("2020-06-01")));
}

BOOST_AUTO_TEST_CASE(questions_are_documents_with_the_consultation_topic) {
  StoredDocument d = sample();
  BOOST_TEST(d.is_question());
  BOOST_TEST(d.has_topic("ccc"));
  d.topics = {"ccc"};
  BOOST_TEST(!d.is_question());
}

BOOST_AUTO_TEST_CASE(instrument_ids_and_kinds_have_one_definition) {
  BOOST_TEST(is_instrument_id("cepa-tig"));
  BOOST_TEST(is_instrument_id("2019x"));
  BOOST_TEST(!is_instrument_id("-cepa"));
  BOOST_TEST(!is_instrument_id("CEPA"));
  BOOST_TEST(!is_instrument_id("cepa/tig"));
  BOOST_TEST(!is_instrument_id(""));
  BOOST_TEST(kInstrumentKinds.size() == 7u);
  BOOST_TEST(kLanguages == (std::vector<std::string>{"en", "zh-Hant", "zh-Hans"}));
}

// Lists and link suggestions show one document per provision: the latest version, then the
// language nearest the reader's (catalogue and suggester once chose in different orders).
BOOST_AUTO_TEST_CASE(the_document_shown_is_the_latest_version_then_the_nearest_language) {
  auto doc = [](std::string from, std::string lang) {
    StoredDocument d;
    d.effective_from = std::move(from);
    d.lang = std::move(lang);
    return d;
  };
  BOOST_TEST(provisio::shown_before(doc("2020-06-01", "zh-Hant"), doc("2019-01-01", "en"), "en"));
  BOOST_TEST(!provisio::shown_before(doc("2019-01-01", "en"), doc("2020-06-01", "zh-Hant"), "en"));
  BOOST_TEST(provisio::shown_before(doc("2020-06-01", "en"), doc("2020-06-01", "zh-Hant"), "en"));
  BOOST_TEST(provisio::shown_before(doc("2020-06-01", "zh-Hant"), doc("2020-06-01", "en"), "zh-Hans"));
  BOOST_TEST(provisio::shown_before(doc("2020-06-01", "zh-Hans"), doc("2020-06-01", "zh-Hant"), "zh-Hans"));
  BOOST_TEST(!provisio::shown_before(doc("2020-06-01", "en"), doc("2020-06-01", "en"), "en"));
}
