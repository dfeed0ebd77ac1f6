// `provisio serve` over HTTP: every route, its error statuses, the API's JSON against the CLI's
// --json, login and tokens, CSRF, escaping of hostile submissions, concurrent writers, the
// request log, the index reopened after `provisio index`, sessions that outlive a restart, facets as
// links.
#define BOOST_TEST_MODULE web
#include <boost/test/unit_test.hpp>

#include <regex>

#include "sessions.h"
#include "users.h"
#include "web_world.h"

using namespace provisio::testing;
using nlohmann::json;

namespace {

json json_of(const httplib::Result& r) {
  BOOST_REQUIRE(r);
  return json::parse(r->body);
}

json cli_json(const std::string& args, const WebWorld& w) {
  auto r = run_provisio(args + " --db '" + w.options.db_path + "' --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

const std::string kHostileEmail =
    "From: \"\\\"><img src=x onerror=alert(1)>\" <evil@example.com>\r\n"
    "To: consult@example.gov.hk\r\n"
    "Subject: <script>alert('subject')</script> CCC testing\r\n"
    "Date: Mon, 20 May 2019 10:00:00 +0800\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "We ask that CCC testing by Hong Kong laboratories be extended.\r\n"
    "<script>alert('body')</script> \"><img src=x onerror=alert(2)>\r\n"
    "<a href=\"javascript:alert(3)\">click</a> javascript:alert(4)\r\n";

std::string file_sample(const std::string& name) {
  return read_file(PROVISIO_SOURCE_DIR "/tests/linking/samples/" + name);
}

}  // namespace

BOOST_AUTO_TEST_CASE(api_search_is_the_cli_json) {
  WebWorld w;
  auto http = w.client();
  for (std::string q : {"CCC%20testing", "%E6%AA%A2%E6%B8%AC"}) {  // "CCC testing", 檢測
    auto api = json_of(http.Get(("/api/search?q=" + q + "&facets=1&limit=5").c_str()));
    std::string query = q == "CCC%20testing" ? "'CCC testing'" : "檢測";
    auto cli = cli_json("search --facets --limit 5 " + query, w);
    BOOST_TEST(api == cli, "api " << api.dump().substr(0, 300) << "\ncli " << cli.dump().substr(0, 300));
    BOOST_TEST(!api["results"].empty());
  }
  // A form's empty filters mean "any" (the browser test found every search empty without this).
  auto form = json_of(http.Get("/api/search?q=CCC%20testing&instrument=&topic=&lang=&as_of=&limit=5"));
  BOOST_TEST(form == cli_json("search --limit 5 'CCC testing'", w));
  auto parallel = json_of(http.Get("/api/search?q=mutual%20recognition&parallel=1&script=hans&lang=zh-Hant"));
  BOOST_TEST(parallel == cli_json("search --parallel --script hans --lang zh-Hant 'mutual recognition'", w));
}

BOOST_AUTO_TEST_CASE(api_provision_and_diff_are_the_cli_json) {
  WebWorld w;
  auto http = w.client();
  BOOST_TEST(json_of(http.Get("/api/provisions/cepa-tig/art58/2")) == cli_json("show cepa-tig/art58/2", w));
  BOOST_TEST(json_of(http.Get("/api/provisions/cepa-tig/art58/2?lang=en")) == cli_json("show --lang en cepa-tig/art58/2", w));
  // A provision on a commitment line carries it; a Simplified reader gets the Traditional converted.
  BOOST_TEST(json_of(http.Get("/api/provisions/cepa-tis/a1/t2/1fe/1")) == cli_json("show cepa-tis/a1/t2/1fe/1", w));
  auto hans = json_of(http.Get("/api/provisions/cepa-tis/a1/t2/1fe/1?lang=zh-Hans"));
  BOOST_TEST(hans == cli_json("show --lang zh-Hans cepa-tis/a1/t2/1fe/1", w));
  BOOST_TEST(hans["line"]["name"] == "CCC检测范围");
  BOOST_TEST(!hans["versions"].back()["texts"].empty(), hans.dump());
  BOOST_TEST(http.Get("/api/provisions/cepa-tig/art58/2?script=bogus")->status == 400);
  // A rejected value that is not UTF-8 is still a 400 with its one-line JSON error (it was a 500).
  auto bad_bytes = http.Get("/api/provisions/cepa-tig/art58/2?script=%FF");
  BOOST_TEST(bad_bytes->status == 400);
  BOOST_TEST(json_of(bad_bytes)["error"].get<std::string>().find("--script:") == 0u);
  BOOST_TEST(json_of(http.Get("/api/provisions/cepa-tis/a1/t2/1fe/1/diff")) == cli_json("diff cepa-tis/a1/t2/1fe/1", w));
  auto line = json_of(http.Get("/api/provisions/cepa-tis/a1/t2/1fe/1/history"));
  BOOST_TEST(line == cli_json("history cepa-tis/a1/t2/1fe/1", w));
  BOOST_TEST(line["steps"].size() >= 2u);
  BOOST_TEST(json_of(http.Get("/api/provisions/cepa-tig/art58/2/history?lang=zh-Hant")) ==
             cli_json("history --lang zh-Hant cepa-tig/art58/2", w));
  BOOST_TEST(http.Get("/api/provisions/cepa-tig/nope/history")->status == 404);
}

// The provision page follows the search's Simplified display and offers the other script; a search
// with one hit says "1 result".
BOOST_AUTO_TEST_CASE(the_provision_page_shows_simplified_when_asked) {
  WebWorld w;
  auto http = w.client();
  auto traditional = http.Get("/provisions/cepa-tig/art58/2");
  BOOST_REQUIRE(traditional->status == 200);
  BOOST_TEST(traditional->body.find("電子電器產品") != std::string::npos);
  BOOST_TEST(traditional->body.find("href=\"/provisions/cepa-tig/art58/2?script=hans\"") != std::string::npos);
  auto simplified = http.Get("/provisions/cepa-tig/art58/2?script=hans");
  BOOST_REQUIRE(simplified->status == 200);
  BOOST_TEST(simplified->body.find("电子电器产品") != std::string::npos);
  BOOST_TEST(simplified->body.find("電子電器產品") == std::string::npos);
  auto search = http.Get("/search?q=%22electrical%20and%20electronic%22&script=hans");  // one hit
  BOOST_REQUIRE(search->status == 200);
  BOOST_TEST(search->body.find("href=\"/provisions/cepa-s7/ttf/iecee-cb?script=hans\"") != std::string::npos, search->body);
  BOOST_TEST(search->body.find(">1 result · 1–1<") != std::string::npos, search->body);
  // The range counts the hits in force; superseded versions after them are counted apart, as the CLI does.
  auto cli = cli_json("search 檢測", w);
  std::size_t superseded = cli["superseded"], shown = cli["results"].size() - superseded;
  BOOST_REQUIRE(superseded > 0u);
  auto chinese = http.Get("/search?q=%E6%AA%A2%E6%B8%AC");
  BOOST_TEST(chinese->body.find("results · 1–" + std::to_string(shown) + "; " + std::to_string(superseded) +
                                " superseded versions that match better") != std::string::npos, chinese->body);
}

BOOST_AUTO_TEST_CASE(the_provision_page_links_its_line_and_relations) {
  WebWorld w;
  auto page = w.client().Get("/provisions/cepa-tis/a1/t2/1fe/1");
  BOOST_REQUIRE(page->status == 200);
  auto shown = json_of(w.client().Get("/api/provisions/cepa-tis/a1/t2/1fe/1"));
  auto line = json_of(w.client().Get("/api/provisions/cepa-tis/a1/t2/1fe/1/history"));
  BOOST_TEST(page->body.find(line["line"].get<std::string>()) != std::string::npos);
  BOOST_REQUIRE(line["members"].size() >= 2u);
  for (const auto& member : line["members"]) {
    std::string id = member;
    if (id == "cepa-tis/a1/t2/1fe/1") BOOST_TEST(page->body.find("<strong>" + id + "</strong>") != std::string::npos);
    else BOOST_TEST(page->body.find("<a href=\"/provisions/" + id + "#line\">" + id + "</a>") != std::string::npos, id);
  }
  for (const auto& r : shown["relations"])
    BOOST_TEST(page->body.find(r["type"].get<std::string>() + " <a href=\"/provisions/" + r["to"].get<std::string>()) !=
               std::string::npos);
  // One "Relations" paragraph, holding them all (the page once showed an empty one per relation too).
  std::size_t paragraphs = 0;
  for (auto at = page->body.find(">Relations:"); at != std::string::npos; at = page->body.find(">Relations:", at + 1))
    ++paragraphs;
  BOOST_TEST(paragraphs == 1u);
  // One line section too (the record's own line summary once drew a second, empty one).
  std::size_t lines = 0;
  for (auto at = page->body.find("class=\"line\""); at != std::string::npos; at = page->body.find("class=\"line\"", at + 1))
    ++lines;
  BOOST_TEST(lines == 1u);
}

BOOST_AUTO_TEST_CASE(errors_have_statuses_and_the_cli_message) {
  WebWorld w;
  auto http = w.client();
  auto unknown = http.Get("/api/provisions/cepa-tig/art58/99");
  BOOST_TEST(unknown->status == 404);
  BOOST_TEST(json_of(unknown)["error"].get<std::string>().rfind("unknown provision id 'cepa-tig/art58/99'; did you mean", 0) == 0);
  auto cli = run_provisio("show --db '" + w.options.db_path + "' cepa-tig/art58/99");
  BOOST_TEST(cli.err == "provisio: " + json_of(unknown)["error"].get<std::string>() + "\n");

  auto bad_date = http.Get("/api/search?q=CCC&as_of=2019-13-01");
  BOOST_TEST(bad_date->status == 400);
  BOOST_TEST(json_of(bad_date)["error"] == "bad date '2019-13-01' for --as-of: expected YYYY-MM-DD");
  BOOST_TEST(http.Get("/api/search?q=CCC&limit=x")->status == 400);
  BOOST_TEST(http.Get("/api/search?q=instrument%3Anope%20x")->status == 400);
  BOOST_TEST(http.Get("/api/nothing")->status == 404);
  BOOST_TEST(json_of(http.Get("/api/nothing"))["error"] == "no such API route: /api/nothing");
  BOOST_TEST(http.Get("/api/submissions/sub-9999")->status == 404);
  auto page = http.Get("/provisions/nope/1");
  BOOST_TEST(page->status == 404);
  BOOST_TEST(page->body.find("unknown provision id &#39;nope/1&#39;") != std::string::npos);
  BOOST_TEST(http.Get("/no/such/page")->status == 404);
  // Limits: a long query, a large body.
  BOOST_TEST(http.Get(("/api/search?q=" + std::string(2000, 'a')).c_str())->status == 414);
  Browser b(w);
  auto big = b.post_files("/api/submissions", {{"file", std::string(2 << 20, 'x'), "big.txt", "text/plain"}});
  BOOST_TEST(big->status == 413);
}

BOOST_AUTO_TEST_CASE(static_files_only_from_the_static_folder) {
  WebWorld w;
  auto http = w.client();
  auto css = http.Get("/static/style.css");
  BOOST_TEST(css->status == 200);
  BOOST_TEST(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  for (const char* path : {"/static/../templates/search.tpl", "/static/..%2Ftemplates%2Fsearch.tpl",
                           "/static/%2e%2e/%2e%2e/etc/passwd", "/static/../../../../etc/passwd", "/static/",
                           "/static/nothing.css"}) {
    auto r = http.Get(path);
    BOOST_TEST((r->status == 404 || r->status == 400), path << " gave " << r->status);
    BOOST_TEST(r->body.find("{{") == std::string::npos);
    BOOST_TEST(r->body.find("root:") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(every_response_has_the_security_headers) {
  WebWorld w;
  auto r = w.client().Get("/search?q=CCC");
  BOOST_TEST(r->status == 200);
  std::string csp = r->get_header_value("Content-Security-Policy");
  BOOST_TEST(csp.find("default-src 'none'") != std::string::npos);
  BOOST_TEST(csp.find("script-src 'self'") != std::string::npos);
  BOOST_TEST(csp.find("unsafe-inline") == std::string::npos);
  BOOST_TEST(r->get_header_value("X-Content-Type-Options") == "nosniff");
  BOOST_TEST(r->get_header_value("X-Frame-Options") == "DENY");
  std::string cookie = r->get_header_value("Set-Cookie");
  BOOST_TEST(cookie.find("HttpOnly") != std::string::npos);
  BOOST_TEST(cookie.find("SameSite=Strict") != std::string::npos);
  BOOST_TEST(cookie.find("Secure") == std::string::npos);
  httplib::Headers tls = {{"X-Forwarded-Proto", "https"}};
  BOOST_TEST(w.client().Get("/search", tls)->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pages_show_search_provision_submissions_report) {
  WebWorld w;
  Browser b(w);
  auto search = b.get("/search?q=CCC%20testing&instrument=cepa-tig");
  BOOST_TEST(search->status == 200);
  BOOST_TEST(search->get_header_value("Content-Type") == "text/html; charset=utf-8");
  BOOST_TEST(search->body.find("href=\"/provisions/cepa-tig/") != std::string::npos);
  BOOST_TEST(search->body.find("<mark>") != std::string::npos);
  BOOST_TEST(search->body.find("value=\"CCC testing\"") != std::string::npos);
  BOOST_TEST(search->body.find("{{") == std::string::npos);
  auto zh = b.get("/search?q=%E6%AA%A2%E6%B8%AC&ui=zh-Hant");  // 檢測, Chinese labels
  BOOST_TEST(zh->body.find("搜尋") != std::string::npos);
  BOOST_TEST(zh->body.find("lang=\"zh-Hant\"") != std::string::npos);
  auto ui = b.get("/ui?lang=zh-Hant&back=/report");
  BOOST_TEST(ui->status == 303);
  BOOST_TEST(ui->get_header_value("Location") == "/report");
  BOOST_TEST(b.get("/ui?lang=en&back=//evil.example")->get_header_value("Location") == "/");

  auto provision = b.get("/provisions/cepa-tis/a1/t2/1fe/1?from=&to=&dlang=en");
  BOOST_TEST(provision->status == 200);
  BOOST_TEST(provision->body.find("cepa-tis/a1/t2/1fe/1") != std::string::npos);
  BOOST_TEST(provision->body.find("class=\"diff\"") != std::string::npos);

  BOOST_TEST(b.get("/submissions")->status == 200);
  BOOST_TEST(b.get("/report")->status == 200);
  BOOST_TEST(b.get("/")->status == 200);
}

BOOST_AUTO_TEST_CASE(upload_link_and_report_through_the_pages) {
  WebWorld w;
  Browser b(w);
  auto up = b.post_files("/submissions", {{"file", file_sample("01-ccc-all-products.txt"), "01-ccc-all-products.txt", "text/plain"},
                                          {"from", "HK Testing Association", "", ""}});
  BOOST_TEST(up->status == 303);
  BOOST_TEST(up->get_header_value("Location") == "/submissions/sub-0001");
  auto page = b.get("/submissions/sub-0001");
  BOOST_TEST(page->status == 200);
  BOOST_TEST(page->body.find("HK Testing Association") != std::string::npos);
  BOOST_TEST(page->body.find("class=\"suggestion\"") != std::string::npos);
  // Accept the top two suggestions, add one by hand, remove it with a note.
  auto accept = b.post_form("/submissions/sub-0001/links", {{"action", "accept"}, {"top", "2"}});
  BOOST_TEST(accept->status == 303);
  auto links = json_of(w.client().Get("/api/links?submission=sub-0001"));
  BOOST_TEST(links["links"].size() == 2u);
  BOOST_TEST(links["links"][0]["by"] == "tester");
  BOOST_TEST(links["links"][0]["how"] == "suggested");
  BOOST_TEST(b.post_form("/submissions/sub-0001/links", {{"action", "add"}, {"ids", "cepa-tig/art58/2"}, {"note", "by hand"}})->status == 303);
  auto bad = b.post_form("/submissions/sub-0001/links", {{"action", "add"}, {"ids", "cepa-tig/nope"}});
  BOOST_TEST(bad->status == 400);
  BOOST_TEST(bad->body.find("unknown provision id &#39;cepa-tig/nope&#39;") != std::string::npos);
  BOOST_TEST(b.post_form("/submissions/sub-0001/links", {{"action", "remove"}, {"ids", "cepa-tig/art58/2"}, {"note", "wrong"}})->status == 303);
  auto history = json_of(w.client().Get("/api/links?submission=sub-0001&history=1"));
  BOOST_TEST(history["links"].size() == 3u);
  // The report counts the two links, as the CLI does; the CSV download is the CLI's CSV.
  auto report = b.get("/report");
  BOOST_TEST(report->body.find("<svg class=\"chart\"") != std::string::npos);
  auto csv = b.get("/api/report?format=csv");
  BOOST_TEST(csv->status == 200);
  BOOST_TEST(csv->get_header_value("Content-Disposition").find("attachment") != std::string::npos);
  auto cli = run_provisio("report --format csv --db '" + w.options.db_path + "' --store '" + w.options.store_path + "'");
  BOOST_TEST(csv->body == cli.out);
  BOOST_TEST(json_of(b.get("/api/report")) == json::parse(run_provisio("report --format json --db '" + w.options.db_path +
                                                                      "' --store '" + w.options.store_path + "'").out));
  // The API's submission objects are the CLI's.
  auto listed = json_of(b.get("/api/submissions"));
  auto cli_list = run_provisio("submission list --json --store '" + w.options.store_path + "'");
  BOOST_TEST(listed == json::parse(cli_list.out));
  auto shown = json_of(b.get("/api/submissions/sub-0001"));
  auto cli_show = json::parse(run_provisio("submission show --json sub-0001 --store '" + w.options.store_path + "'").out);
  shown.erase("history");
  BOOST_TEST(shown == cli_show);
  auto suggested = json_of(b.get("/api/submissions/sub-0001/suggestions?limit=3"));
  BOOST_TEST(suggested == json::parse(run_provisio("link suggest --json --limit 3 sub-0001 --db '" + w.options.db_path +
                                                   "' --store '" + w.options.store_path + "'").out));
}

BOOST_AUTO_TEST_CASE(upload_errors_file_nothing) {
  WebWorld w;
  Browser b(w);
  auto r = b.post_files("/api/submissions", {{"file", "fine text about CCC", "good.txt", "text/plain"},
                                              {"file", "%PDF-1.4", "letter.pdf", "application/pdf"}});
  BOOST_TEST(r->status == 400);
  BOOST_TEST(json_of(r)["error"].get<std::string>().find("letter.pdf: the PDF cannot be opened (damaged, or not a PDF)") == 0);
  BOOST_TEST(json_of(b.get("/api/submissions"))["submissions"].empty());
  auto page = b.post_files("/submissions", {{"file", "%PDF-1.4", "letter.pdf", "application/pdf"}});
  BOOST_TEST(page->status == 400);
  BOOST_TEST(page->body.find("nothing was filed") != std::string::npos);
  auto twice = b.post_files("/api/submissions", {{"file", "same text about CCC", "a.txt", "text/plain"}});
  BOOST_TEST(twice->status == 201);
  auto again = json_of(b.post_files("/api/submissions", {{"file", "same text about CCC", "b.txt", "text/plain"}}));
  BOOST_TEST(again["filed"].empty());
  BOOST_TEST(again["duplicates"][0]["already"] == "sub-0001");
}

BOOST_AUTO_TEST_CASE(hostile_submissions_are_escaped_everywhere) {
  WebWorld w;
  Browser b(w);
  auto up = b.post_files("/submissions", {{"file", kHostileEmail, "<b>hostile</b>.eml", "message/rfc822"}});
  BOOST_TEST(up->status == 303);
  std::string id = up->get_header_value("Location").substr(std::string("/submissions/").size());
  BOOST_TEST(b.post_form("/submissions/" + id + "/links",
                         {{"action", "add"}, {"ids", "cepa-tig/art58/2"}, {"note", "<script>alert('note')</script>"}})
                 ->status == 303);
  for (const std::string& path : std::vector<std::string>{"/submissions", "/submissions/" + id, "/provisions/cepa-tig/art58/2", "/report",
                           "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/submissions?sender=%22%3E%3Cimg"}) {
    auto page = b.get(path);
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST(page->status == 200);
      BOOST_TEST(page->body.find("<script>alert") == std::string::npos);
      BOOST_TEST(page->body.find("<img src=x") == std::string::npos);
      BOOST_TEST(page->body.find("href=\"javascript:") == std::string::npos);
      BOOST_TEST(page->body.find("<b>hostile") == std::string::npos);
    }
  }
  auto shown = b.get("/submissions/" + id);
  BOOST_TEST(shown->body.find("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(shown->body.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  BOOST_TEST(shown->body.find("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;") != std::string::npos);
  // JSON keeps the text as it was received: escaping is the page's job.
  auto api = json_of(b.get("/api/submissions/" + id));
  BOOST_TEST(api["subject"] == "<script>alert('subject')</script> CCC testing");
}

// A link made on the web for a member of a campaign is made for every member, as on the command
// line; the report page counts the campaign once, with a badge saying how many signed it.
BOOST_AUTO_TEST_CASE(links_for_a_campaign_member_reach_every_member) {
  WebWorld w;
  Browser b(w);
  const std::string letter =
      "Dear Council, we the undersigned laboratories ask that Hong Kong test reports be accepted for China "
      "Compulsory Certification of all products whatever their origin, since our laboratories are accredited "
      "to the same standard as those on the Mainland. Signed, ";
  for (const char* name : {"Chan Tai Man", "Lee Ka Yan", "Wong Siu Ming"})
    b.post_files("/api/submissions", {{"file", letter + name, std::string(name) + ".txt", "text/plain"}});
  auto http = w.client();
  httplib::Headers right = {{"Cookie", b.cookie()}, {"X-CSRF-Token", b.csrf()}};
  json add = {{"action", "add"}, {"submission", "sub-0002"}, {"ids", {"cepa-tig/art58/2"}}};
  auto r = json_of(http.Post("/api/links", right, add.dump(), "application/json"));
  BOOST_TEST(r["campaign"]["id"] == "sub-0001");
  BOOST_TEST(r["campaign"]["added"] == 2);
  BOOST_TEST(json_of(http.Get("/api/links?submission=sub-0003"))["links"].size() == 1u);
  json only = {{"action", "add"}, {"submission", "sub-0001"}, {"ids", {"cepa-tig/art58/1"}}, {"only_this", true}};
  BOOST_TEST(json_of(http.Post("/api/links", right, only.dump(), "application/json"))["campaign"].is_null());
  BOOST_TEST(json_of(http.Get("/api/links?submission=sub-0003"))["links"].size() == 1u);
  std::string page = b.get("/report")->body;
  BOOST_TEST(page.find("<span class=\"campaign\" title=\"sub-0001\">×3</span>") != std::string::npos, page);
}

BOOST_AUTO_TEST_CASE(csrf_and_origin_are_checked) {
  WebWorld w;
  Browser b(w);
  b.post_files("/api/submissions", {{"file", "CCC testing of toys", "toys.txt", "text/plain"}});
  json add = {{"action", "add"}, {"submission", "sub-0001"}, {"ids", {"cepa-tig/art58/2"}}};
  auto http = w.client();
  httplib::Headers with_cookie = {{"Cookie", b.cookie()}};
  auto no_token = http.Post("/api/links", with_cookie, add.dump(), "application/json");
  BOOST_TEST(no_token->status == 403);
  BOOST_TEST(json_of(no_token)["error"] == "missing or wrong CSRF token: reload the page and try again");
  httplib::Headers wrong = {{"Cookie", b.cookie()}, {"X-CSRF-Token", "0000"}};
  BOOST_TEST(http.Post("/api/links", wrong, add.dump(), "application/json")->status == 403);
  BOOST_TEST(http.Post("/api/links", add.dump(), "application/json")->status == 403);  // no session at all
  BOOST_TEST(b.post_form("/submissions/sub-0001/links", {{"action", "accept"}}, false)->status == 403);
  BOOST_TEST(json_of(http.Get("/api/links?submission=sub-0001"))["links"].empty());
  httplib::Headers right = {{"Cookie", b.cookie()}, {"X-CSRF-Token", b.csrf()}};
  auto ok = http.Post("/api/links", right, add.dump(), "application/json");
  BOOST_TEST(ok->status == 200);
  BOOST_TEST(json_of(ok) ==
             json({{"submission", "sub-0001"}, {"added", 1}, {"already_linked", 0}, {"campaign", nullptr}}));
  httplib::Headers foreign = {{"Cookie", b.cookie()}, {"X-CSRF-Token", b.csrf()}, {"Origin", "http://evil.example"}};
  BOOST_TEST(http.Post("/api/links", foreign, add.dump(), "application/json")->status == 403);
}

BOOST_AUTO_TEST_CASE(users_log_in_and_scripts_use_tokens) {
  WebWorld w;
  std::string token = provisio::web::UserStore(w.options.users_path).add("alice", "correct horse");
  Browser b(w);
  auto page = b.get("/search?q=CCC&instrument=x");
  BOOST_TEST(page->status == 303);
  // httplib's client decodes Location; curl shows it as sent, with the way back encoded.
  BOOST_TEST(page->get_header_value("Location") == "/login?back=/search?q=CCC&instrument=x");
  auto raw = run_program("curl -s -o /dev/null -w '%{redirect_url}' 'http://127.0.0.1:" + std::to_string(w.server->port()) +
                         "/search?q=CCC&instrument=x'");
  BOOST_TEST(raw.out == "http://127.0.0.1:" + std::to_string(w.server->port()) +
                            "/login?back=%2Fsearch%3Fq%3DCCC%26instrument%3Dx");
  BOOST_TEST(b.get("/api/search?q=CCC")->status == 401);
  BOOST_TEST(b.get("/static/style.css")->status == 200);
  BOOST_TEST(b.get("/login")->status == 200);
  auto wrong = b.post_form("/login", {{"name", "alice"}, {"password", "wrong horse"}, {"back", "/report"}});
  BOOST_TEST(wrong->status == 401);
  BOOST_TEST(b.post_form("/login", {{"name", "mallory"}, {"password", "correct horse"}})->status == 401);
  std::string before = b.cookie();
  auto right = b.post_form("/login", {{"name", "alice"}, {"password", "correct horse"}, {"back", "/report"}});
  BOOST_TEST(right->status == 303);
  BOOST_TEST(right->get_header_value("Location") == "/report");
  BOOST_TEST(b.cookie() != before);  // a new session id at login
  auto report = b.get("/report");
  BOOST_TEST(report->status == 200);
  BOOST_TEST(report->body.find(">alice<") != std::string::npos);
  // Links made by alice carry her name.
  b.post_files("/api/submissions", {{"file", "CCC testing of toys", "toys.txt", "text/plain"}});
  b.post_form("/submissions/sub-0001/links", {{"action", "add"}, {"ids", "cepa-tig/art58/2"}});
  auto http = w.client();
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  auto links = json_of(http.Get("/api/links?submission=sub-0001", bearer));
  BOOST_TEST(links["links"][0]["by"] == "alice");
  // A token needs no CSRF token; a wrong token is refused.
  json remove = {{"action", "remove"}, {"submission", "sub-0001"}, {"ids", {"cepa-tig/art58/2"}}, {"note", "n"}};
  BOOST_TEST(http.Post("/api/links", bearer, remove.dump(), "application/json")->status == 200);
  httplib::Headers bad = {{"Authorization", "Bearer nope"}};
  BOOST_TEST(http.Get("/api/submissions", bad)->status == 401);
  // Logging out ends the session.
  BOOST_TEST(b.post_form("/logout", {})->status == 303);
  BOOST_TEST(b.get("/report")->status == 303);
}

BOOST_AUTO_TEST_CASE(beyond_loopback_needs_users) {
  BOOST_CHECK_EXCEPTION(WebWorld(bundled_index(), "0.0.0.0"), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()) ==
           "listening on 0.0.0.0 needs users: add one with 'provisio user add NAME' first (or listen on 127.0.0.1)";
  });
}

BOOST_AUTO_TEST_CASE(two_clients_linking_one_submission_at_once_lose_nothing) {
  WebWorld w;
  Browser setup(w);
  setup.post_files("/api/submissions", {{"file", file_sample("01-ccc-all-products.txt"), "a.txt", "text/plain"}});
  auto ids = json_of(w.client().Get("/api/search?q=testing&limit=40"))["results"];
  BOOST_REQUIRE(ids.size() >= 20u);
  std::vector<std::string> targets;
  for (const auto& h : ids) targets.push_back(h["id"]);
  std::atomic<int> failures{0};
  auto client = [&](std::size_t first) {
    Browser b(w);
    std::string csrf = b.csrf();
    auto http = w.client();
    httplib::Headers h = {{"Cookie", b.cookie()}, {"X-CSRF-Token", csrf}};
    for (std::size_t i = 0; i < 10; ++i) {
      // Each client links 10 targets of its own and one target both link.
      json mine = {{"action", "add"}, {"submission", "sub-0001"}, {"ids", {targets[first + i], targets[20]}}};
      auto r = http.Post("/api/links", h, mine.dump(), "application/json");
      if (!r || r->status != 200) ++failures;
    }
  };
  std::thread one(client, 0), two(client, 10);
  one.join();
  two.join();
  BOOST_TEST(failures == 0);
  auto links = json_of(w.client().Get("/api/links?submission=sub-0001"))["links"];
  BOOST_TEST(links.size() == 21u);  // every link recorded once, the shared one too
}

BOOST_AUTO_TEST_CASE(one_log_line_per_request) {
  WebWorld w;
  w.client().Get("/search?q=CCC");
  w.client().Get("/api/nothing");
  w.stop();
  std::string log = w.log.str();
  BOOST_TEST(std::regex_search(log, std::regex(R"(\n?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ GET /search 200 \d+ms tester\n)")), log);
  BOOST_TEST(std::regex_search(log, std::regex(R"(GET /api/nothing 404 \d+ms tester\n)")), log);
  BOOST_TEST(log.find("q=CCC") == std::string::npos);  // paths only: queries stay out of the log
}

BOOST_AUTO_TEST_CASE(a_new_index_run_is_seen_without_restart) {
  TempDir corpus;
  write_file(corpus / "tig.xml", sample_instrument());
  std::string db = corpus / "index";
  BOOST_REQUIRE(run_provisio("index --db '" + db + "' '" + (corpus / "tig.xml") + "'").status == 0);
  WebWorld w(db);
  auto http = w.client();
  BOOST_TEST(json_of(http.Get("/api/search?q=zebra"))["total"] == 0);
  write_file(corpus / "zoo.xml", many_provisions("zoo", 3, "zebra crossing standards"));
  BOOST_REQUIRE(run_provisio("index --db '" + db + "' '" + (corpus / "zoo.xml") + "'").status == 0);
  BOOST_TEST(json_of(http.Get("/api/search?q=zebra"))["total"] == 3);
}

BOOST_AUTO_TEST_CASE(a_login_survives_a_restart_of_the_server) {
  WebWorld w;
  provisio::web::UserStore(w.options.users_path).add("alice", "correct horse");
  Browser b(w);
  BOOST_TEST(b.get("/login")->status == 200);  // the login form's CSRF token
  BOOST_TEST(b.post_form("/login", {{"name", "alice"}, {"password", "correct horse"}})->status == 303);
  BOOST_TEST(b.get("/report")->body.find(">alice<") != std::string::npos);
  std::string cookie = b.cookie(), csrf = b.csrf();
  w.restart();
  auto http = w.client();
  httplib::Headers h = {{"Cookie", cookie}};
  auto report = http.Get("/report", h);
  BOOST_TEST(report->status == 200);
  BOOST_TEST(report->body.find(">alice<") != std::string::npos);
  // The session's CSRF token holds too: its forms still post.
  httplib::Headers post = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  BOOST_TEST(http.Post("/api/submissions", post, httplib::MultipartFormDataItems{{"file", "CCC toys", "t.txt", "text/plain"}})
                 ->status == 201);
  // The users file keeps a hash of the session id, never the id itself.
  std::string id = cookie.substr(cookie.find('=') + 1);
  BOOST_REQUIRE(id.size() == 64u);
  std::string file = read_file(w.options.users_path) + read_file(w.options.users_path + "-wal");
  BOOST_TEST(file.find(id) == std::string::npos);
  BOOST_TEST(file.find(provisio::web::secret_hash(id)) != std::string::npos);
  // Logging out is remembered across a restart as well.
  BOOST_TEST(http.Post("/logout", post, "", "application/x-www-form-urlencoded")->status == 303);
  w.restart();
  BOOST_TEST(w.client().Get("/report", h)->status == 303);
}

BOOST_AUTO_TEST_CASE(sessions_end_when_idle) {
  TempDir dir;
  std::int64_t now = 1'800'000'000;
  auto clock = [&now] { return now; };
  std::string path = dir / "users.db";
  provisio::web::SessionTable table(path, std::chrono::hours(1), clock);
  auto s = table.create("alice");
  now += 3000;
  BOOST_TEST(table.find(s.id)->user == "alice");  // used: the hour starts again
  now += 3000;
  BOOST_TEST(table.find(s.id)->csrf == s.csrf);
  provisio::web::SessionTable reopened(path, std::chrono::hours(1), clock);  // another server on the file
  BOOST_TEST(reopened.find(s.id)->user == "alice");
  now += 3601;
  BOOST_TEST(!reopened.find(s.id));
  BOOST_TEST(!table.find(s.id));
  BOOST_TEST(!table.find(""));
  BOOST_TEST(!table.find("not-a-session"));
  auto t = table.create("");
  table.remove(t.id);
  BOOST_TEST(!reopened.find(t.id));
}

BOOST_AUTO_TEST_CASE(every_facet_is_a_link_and_year_filters_as_the_cli_does) {
  WebWorld w;
  Browser b(w);
  auto api = json_of(w.client().Get("/api/search?q=testing&facets=1"));
  BOOST_REQUIRE(api["facets"]["year"].size() >= 2u);
  auto page = b.get("/search?q=testing");
  BOOST_REQUIRE(page->status == 200);
  // Every value of every facet is a link: count the facet values and the links among them.
  std::size_t values = 0;
  for (const char* name : {"instrument", "topic", "lang", "year"}) values += api["facets"][name].size();
  std::regex linked(R"re(<li><a href="/search\?q=[^"]+">[^<]+</a> <span class="count">)re");
  auto begin = std::sregex_iterator(page->body.begin(), page->body.end(), linked);
  BOOST_TEST(static_cast<std::size_t>(std::distance(begin, std::sregex_iterator())) == values);

  for (const auto& facet : api["facets"]["year"]) {
    std::string year = facet["value"];
    BOOST_TEST_CONTEXT(year) {
      std::string href = "/search?q=testing%20year%3A" + year;
      BOOST_TEST(page->body.find("<a href=\"" + href + "\">" + year + "</a>") != std::string::npos);
      auto followed = b.get(href);
      BOOST_TEST(followed->status == 200);
      BOOST_TEST(followed->body.find("id=\"summary\">" + std::to_string(facet["count"].get<int>()) + " ") !=
                 std::string::npos);
      auto filtered = json_of(w.client().Get(("/api/search?limit=50&q=testing%20year%3A" + year).c_str()));
      BOOST_TEST(filtered["total"] == facet["count"]);
      for (const auto& hit : filtered["results"])
        BOOST_TEST(hit["effective_from"].get<std::string>().substr(0, 4) == year);
      BOOST_TEST(filtered == cli_json("search --limit 50 'testing year:" + year + "'", w));
    }
  }
  std::string first = api["facets"]["year"].front()["value"], last = api["facets"]["year"].back()["value"];
  auto span = json_of(w.client().Get(("/api/search?q=testing%20year%3A" + first + ".." + last).c_str()));
  BOOST_TEST(span["total"] == api["total"]);
  auto bad = w.client().Get("/api/search?q=testing%20year%3A19");
  BOOST_TEST(bad->status == 400);
  BOOST_TEST(json_of(bad)["error"] == "cannot read the year in year:19 (try year:2019 or year:2016..2019)");
}

// `provisio serve` as a process: SIGTERM stops accepting connections, lets the upload in flight
// finish and be filed, and exits 0.
BOOST_AUTO_TEST_CASE(sigterm_finishes_the_request_in_flight) {
  TempDir dir;
  std::string big;
  while (big.size() < 200'000) big += "CCC testing of toys made in Hong Kong. ";
  write_file(dir / "big.txt", big);
  std::string script = R"sh(set -u
d=$1 p=$2 db=$3
printf 'correct horse\n' | "$p" user add alice --store "$d/s/submissions.db" >"$d/token" 2>/dev/null || exit 3
"$p" serve --db "$db" --store "$d/s/submissions.db" --listen 127.0.0.1:0 2>"$d/log" &
server=$!
for _ in $(seq 300); do
  port=$(sed -n 's|^provisio: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$d/log")
  [ -n "$port" ] && break
  sleep 0.1
done
# 200 kB at 40 kB/s: about five seconds in flight.
curl -s -o "$d/body" -w '%{http_code}' --limit-rate 40k -H "Authorization: Bearer $(cat "$d/token")" \
  -F "file=@$d/big.txt" "http://127.0.0.1:$port/api/submissions" >"$d/status" &
upload=$!
sleep 1.5
kill -TERM "$server"
sleep 0.5
curl -s -o /dev/null "http://127.0.0.1:$port/" ; echo "new connection: curl exit $?"
wait "$upload"
wait "$server"; echo "serve exit $?"
echo "upload status $(cat "$d/status")"
)sh";
  write_file(dir / "stop.sh", script);
  auto r = run_program("bash '" + (dir / "stop.sh") + "' '" + dir.path().string() + "' '" PROVISIO_BINARY "' '" +
                       bundled_index() + "'");
  BOOST_TEST(r.out.find("new connection: curl exit 7\n") != std::string::npos, r.out);  // refused
  BOOST_TEST(r.out.find("serve exit 0\n") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("upload status 201\n") != std::string::npos, r.out);
  BOOST_TEST(read_file(dir / "log").find("provisio: stopped") != std::string::npos);
  auto listed = run_provisio("submission list --json --store '" + (dir / "s/submissions.db") + "'");
  BOOST_TEST(json::parse(listed.out)["submissions"].size() == 1u, listed.out);
}

// Facets visit every match: the search page counts them only when the search found few enough
// documents to count exactly (kExactCountLimit), and says so otherwise (a common word's facets
// took 14 s on the 301,450 Taiwan law articles). The API gives them whenever asked.
BOOST_AUTO_TEST_CASE(the_search_page_counts_facets_only_for_countable_searches) {
  TempDir corpus;
  write_file(corpus / "zoo.xml", many_provisions("zoo", 2100, "zebra crossing standards"));
  std::string db = corpus / "index";
  BOOST_REQUIRE(run_provisio("index --db '" + db + "' '" + (corpus / "zoo.xml") + "'").status == 0);
  WebWorld w(db);
  auto http = w.client();
  auto many = http.Get("/search?q=zebra");
  BOOST_TEST(many->status == 200);
  BOOST_TEST(many->body.find("id=\"facets-skipped\"") != std::string::npos);
  BOOST_TEST(many->body.find("class=\"count\"") == std::string::npos);
  BOOST_TEST(many->body.find("class=\"hit\"") != std::string::npos);
  auto few = http.Get("/search?q=%22number%207%22");  // "number 7": one provision
  BOOST_TEST(few->body.find("id=\"facets-skipped\"") == std::string::npos);
  BOOST_TEST(few->body.find("<a href=\"/search?q=%22number%207%22%20year%3A2019\">2019</a>") != std::string::npos);
  BOOST_TEST(json_of(http.Get("/api/search?q=zebra&facets=1"))["facets"]["year"][0]["count"] == 2100);
}
