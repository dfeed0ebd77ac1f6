// provisio import: an official text (pdftotext output, HTML page, Word .docx) into corpus XML.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "corpus.h"
#include "importer.h"

namespace provisio::cli {

namespace {

struct ImportArgs {
  std::string file, output, instrument, lang, format, encoding, merge, kind = "agreement", signed_on, effective, from, source;
  std::vector<std::string> titles;
  std::string topics = "conformity-assessment";
  bool strict = false, json = false;
};

std::string describe_counts(const std::vector<std::pair<std::string, int>>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) {
    std::string word = name;
    if (n == 1) word = word == "annexes" ? "annex" : word.substr(0, word.size() - 1);
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + word;
  }
  return out;
}

int run(const ImportArgs& a) {
  import::ImportRequest request;
  request.input = a.file;
  request.format = a.format;
  request.lang = a.lang;
  request.encoding = a.encoding;
  request.merge_into = a.merge;
  import::InstrumentFacts& facts = request.facts;
  facts.id = a.instrument;
  facts.kind = a.kind;
  facts.signed_on = a.signed_on;
  facts.effective = a.effective;
  facts.version_from = a.from;
  facts.source_href = a.source;
  for (const std::string& t : a.titles) {
    // "zh-Hant=貨物貿易協議" names its language; a bare title is in the imported language.
    std::string lang = a.lang, text = t;
    if (auto eq = t.find('='); eq != std::string::npos)
      for (const auto& l : kLangChoices)
        if (t.compare(0, eq, l) == 0) lang = l, text = t.substr(eq + 1);
    facts.titles[lang] = text;
  }
  std::istringstream words(a.topics);
  for (std::string topic; words >> topic;) {
    const auto& known = known_topics();
    if (std::find(known.begin(), known.end(), topic) == known.end()) {
      std::cerr << "provisio: unknown topic '" << topic << "' for --topics (see the list in corpus/README.md)\n";
      return 2;
    }
    facts.fallback_topics.push_back(topic);
  }
  if (facts.fallback_topics.empty()) {
    std::cerr << "provisio: --topics needs at least one topic\n";
    return 2;
  }

  import::ImportPlan plan;
  try {
    plan = import::plan_import(request);
  } catch (const import::ImportUsageError& e) {
    std::cerr << "provisio: " << e.what() << "\n";
    return 2;
  } catch (const import::ImportError& e) {
    std::cerr << e.what() << "\n" << "provisio: nothing was written\n";
    return 1;
  }

  for (const auto& s : plan.outline.unplaced)
    // Word files have no lines: their stretches are numbered by paragraph.
    std::cerr << a.file << (plan.format == "docx" ? ": paragraph " : ":") << s.first_line
              << (s.last_line != s.first_line ? "-" + std::to_string(s.last_line) : "")
              << ": " << (a.strict ? "error" : "warning") << ": could not place " << s.lines
              << (s.lines == 1 ? " line" : " lines") << " ("
              << (s.reason.empty() ? "text outside any article, annex, table or numbered paragraph" : s.reason)
              << "): " << s.excerpt << "\n";
  if (a.strict && !plan.outline.unplaced.empty()) {
    std::size_t n = plan.outline.unplaced.size();
    std::cerr << "provisio: " << n << (n == 1 ? " stretch" : " stretches")
              << " could not be placed; nothing was written (--strict)\n";
    return 1;
  }
  try {
    import::write_import(plan, a.output);
  } catch (const import::ImportError& e) {
    std::cerr << "provisio: " << e.what() << "\n";
    return 1;
  }

  int provisions = plan.merged.added + plan.merged.updated;
  if (a.json) {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [name, n] : plan.counts) counts[name] = n;
    nlohmann::json unplaced = nlohmann::json::array();
    for (const auto& s : plan.outline.unplaced)
      unplaced.push_back({{"first_line", s.first_line}, {"last_line", s.last_line}, {"lines", s.lines}, {"excerpt", s.excerpt},
                          {"reason", s.reason.empty() ? "outside any unit" : s.reason}});
    nlohmann::json j = {{"file", a.file},
                        {"format", plan.format},
                        {"lang", a.lang},
                        {"output", a.output},
                        {"title", plan.outline.title},
                        {"counts", counts},
                        {"provisions", provisions},
                        {"added", plan.merged.added},
                        {"updated", plan.merged.updated},
                        {"dropped", {{"pages", plan.cleanup.pages},
                                     {"running_header_lines", plan.cleanup.furniture_lines},
                                     {"page_numbers", plan.cleanup.page_numbers},
                                     {"contents_lines", plan.cleanup.contents_lines}}},
                        {"unplaced", unplaced}};
    std::cout << j.dump() << "\n";
    return 0;
  }
  std::cout << "imported " << a.file << " (" << plan.format << ", " << a.lang << "): " << describe_counts(plan.counts)
            << "\n";
  if (plan.format != "text" && plan.cleanup.furniture_lines)
    std::cout << "dropped " << plan.cleanup.furniture_lines
              << (plan.cleanup.furniture_lines == 1 ? " line" : " lines") << " of site furniture (copyright, last revised…)\n";
  if (plan.format == "text")
    std::cout << "dropped " << plan.cleanup.furniture_lines << " running header/footer lines"
              << (plan.cleanup.contents_lines ? ", " + std::to_string(plan.cleanup.contents_lines) + " table-of-contents lines" : "")
              << " and " << plan.cleanup.page_numbers << " page numbers on " << plan.cleanup.pages
              << (plan.cleanup.pages == 1 ? " page\n" : " pages\n");
  std::cout << "wrote " << a.output << ": " << provisions << (provisions == 1 ? " provision" : " provisions") << " ("
            << plan.merged.added << " added, " << plan.merged.updated << " updated)";
  if (!plan.outline.unplaced.empty())
    std::cout << "; " << plan.outline.unplaced.size()
              << (plan.outline.unplaced.size() == 1 ? " stretch" : " stretches") << " not placed (see above)";
  std::cout << "\n";
  return 0;
}

}  // namespace

Run add_import_command(CLI::App& root, const Terminal&) {
  auto* cmd = root.add_subcommand("import", "Turn an official text (PDF text, HTML, Word) into a corpus file");
  auto a = std::make_shared<ImportArgs>();
  cmd->add_option("file", a->file, "The text to import: pdftotext -layout output, an HTML page or a .docx")->required();
  cmd->add_option("-o,--output", a->output, "The corpus file to write (may be the --merge file)")->required();
  cmd->add_option("--lang", a->lang, "Language of the text")->required()->check(CLI::IsMember(kLangChoices));
  cmd->add_option("--instrument", a->instrument, "Instrument id, e.g. cepa-tig (default with --merge: the file's)");
  cmd->add_option("--format", a->format, "text, html or docx (default: from the name, else the content)")
      ->check(CLI::IsMember({"text", "html", "docx"}));
  cmd->add_option("--encoding", a->encoding, "Encoding of a text or HTML file that is not UTF-8, e.g. big5, big5-hkscs, "
                                             "gb18030 (HTML default: the charset the page declares)");
  cmd->add_option("--merge", a->merge, "Add this language to an existing instrument file, pairing provisions by id");
  cmd->add_option("--title", a->titles, "Title, [LANG=]TEXT (repeatable; default for --lang: the document's own)")
      ->allow_extra_args(false);
  cmd->add_option("--kind", a->kind, "Instrument kind for a new file (default agreement)")
      ->check(CLI::IsMember(kInstrumentKinds));
  cmd->add_option("--signed", a->signed_on, "Date signed, YYYY-MM-DD (required for a new file)");
  cmd->add_option("--effective", a->effective, "Date it took effect, YYYY-MM-DD");
  cmd->add_option("--from", a->from, "First day the imported text is in effect (default: --effective, else --signed); "
                                     "with --merge, the text goes to the version in force that day");
  cmd->add_option("--topics", a->topics, "Topics for provisions that name none of the T&C keywords (default conformity-assessment)");
  cmd->add_option("--source", a->source, "Where the official text was downloaded from (URL)");
  cmd->add_flag("--strict", a->strict, "Fail, writing nothing, if any text could not be placed");
  cmd->add_flag("--json", a->json, "Print the report as one JSON object");
  cmd->footer(
      "Finds chapters, sections, articles, annexes, tables and numbered paragraphs in English\n"
      "(Chapter 5, Article 58, Annex 1, Table 2, 1., (a), (i)) and Chinese (第五章, 第五十八條,\n"
      "附件1, 表2, 一、, （一）); drops running headers, footers and page numbers; joins wrapped lines.\n"
      "Extracts may skip numbers (Articles 58, 59, 68; lists from (ii) or （五）). Services schedules\n"
      "(Sectors or sub-sectors / 1. / F. / e. / Specific commitments / Effective from 1 March 2025)\n"
      "give sector ids such as a1/t2/1fe/1. Text that cannot be placed is reported, never merged.\n\n"
      "Examples:\n"
      "  pdftotext -layout tig-en.pdf tig-en.txt\n"
      "  provisio import --instrument cepa-tig --lang en --signed 2018-12-14 \\\n"
      "      --title zh-Hant=貨物貿易協議 tig-en.txt -o cepa-tig.xml\n"
      "  provisio import --lang zh-Hant --merge cepa-tig.xml tig-zh.txt -o cepa-tig.xml\n"
      "  provisio index cepa-tig.xml");
  return [a] { return run(*a); };
}

}  // namespace provisio::cli
