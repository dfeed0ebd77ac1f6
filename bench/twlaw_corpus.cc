#include "twlaw_corpus.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <algorithm>
#include <stdexcept>
#include <vector>

#include "corpus.h"
#include "fnv1a.h"

namespace provisio::bench {

namespace fs = std::filesystem;

namespace {

// The seed every converted corpus so far was made with: it picks the laws' order, topics and the
// articles --change edits, so another one would give another corpus.
constexpr std::uint64_t kSeed = 1469598103934665603ULL;

struct Article {
  std::string id, lang, pcode, law, no, text;
};


// Reads the file line by line, decompressing .xz through the xz tool.
class LineReader {
 public:
  explicit LineReader(const std::string& path) : path_(path) {
    if (!fs::is_regular_file(path)) throw std::runtime_error(path + ": no such file");
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".xz") == 0) {
      std::string cmd = "xz -dc -- '" + path + "'";
      pipe_ = ::popen(cmd.c_str(), "r");
      if (!pipe_) throw std::runtime_error(path + ": cannot run xz to decompress it");
    } else {
      file_.open(path, std::ios::binary);
      if (!file_) throw std::runtime_error(path + ": cannot be read");
    }
  }
  ~LineReader() {
    if (pipe_) ::pclose(pipe_);
  }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool next(std::string& line) {
    ++line_no_;
    if (!pipe_) return static_cast<bool>(std::getline(file_, line));
    line.clear();
    char buf[65536];
    while (std::fgets(buf, sizeof buf, pipe_)) {
      line += buf;
      if (!line.empty() && line.back() == '\n') {
        line.pop_back();
        return true;
      }
    }
    return !line.empty();
  }
  // Fails if xz reported an error (a truncated or corrupt file); call after the last line.
  void finish() {
    if (!pipe_) return;
    int status = ::pclose(pipe_);
    pipe_ = nullptr;
    if (status != 0) throw std::runtime_error(path_ + ": xz could not decompress it");
  }
  std::size_t line_no() const { return line_no_; }

 private:
  std::string path_;
  FILE* pipe_ = nullptr;
  std::ifstream file_;
  std::size_t line_no_ = 0;
};

Article parse_article(const std::string& line, const std::string& path, std::size_t line_no) {
  auto where = path + ":" + std::to_string(line_no) + ": ";
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(where + "not JSON (" + e.what() + ")");
  }
  Article a;
  for (auto [field, into] : {std::pair{"id", &a.id}, {"lang", &a.lang}, {"pcode", &a.pcode},
                             {"law", &a.law}, {"no", &a.no}, {"text", &a.text}}) {
    if (!j.is_object() || !j.contains(field) || !j[field].is_string())
      throw std::runtime_error(where + "no string field '" + field + "'");
    *into = j[field].get<std::string>();
  }
  if (a.lang != "en" && a.lang != "zh-Hant")
    throw std::runtime_error(where + "unknown language '" + a.lang + "'");
  return a;
}

// Source layout breaks lines anywhere, even inside a word: Chinese needs no spaces, English does.
// Characters XML 1.0 cannot carry are dropped.
std::string clean_text(const std::string& text, bool chinese) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      if (!chinese && !out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "第 4-1 條", "Article 4-1", "4" -> "4-1" / "4"; "preamble" stays.
std::string article_number(const std::string& no) {
  std::string digits;
  for (char c : no) {
    if ((c >= '0' && c <= '9') || (c == '-' && !digits.empty())) digits += c;
    else if (!digits.empty()) break;
  }
  while (!digits.empty() && digits.back() == '-') digits.pop_back();
  if (!digits.empty()) return digits;
  std::string slug;
  for (char c : no) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
  }
  return slug.empty() ? "x" : slug;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A made-up but stable version date for a law: 1990-01-01 to 2023-12-28.
std::string law_date(const std::string& pcode) {
  std::uint64_t h = fnv1a(pcode, kSeed);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1990 + static_cast<int>(h % 34),
                static_cast<int>((h / 34) % 12) + 1, static_cast<int>((h / 408) % 28) + 1);
  return buf;
}

class Converter {
 public:
  Converter(const ConvertOptions& options, ConvertReport& report) : options_(options), report_(report) {}

  // The file lists every Chinese article first and the English ones after them, so a law is
  // complete only at the end: articles are kept by law until then.
  void add(Article a) {
    if (options_.change_fraction > 0) {
      std::uint64_t h = fnv1a(a.id, kSeed ^ options_.change_seed);
      if (static_cast<double>(h % 1000000) < options_.change_fraction * 1000000) {
        a.text += a.lang == "en" ? "\n(amended for the benchmark)" : "（基準測試修訂）";
        ++report_.changed;
      }
    }
    a.text = clean_text(a.text, a.lang != "en");
    report_.text_bytes += a.text.size();
    if (a.lang == "en") ++report_.english;
    auto [it, added] = law_index_.emplace(a.pcode, laws_.size());
    if (added) laws_.emplace_back();
    laws_[it->second].push_back(std::move(a));
  }

  void flush() {
    for (auto& law : laws_) {
      write_law(law);
      law = {};
    }
    laws_.clear();
    law_index_.clear();
  }

 private:
  struct Pair {
    std::string number;
    const Article* zh = nullptr;
    const Article* en = nullptr;
  };

  void write_law(const std::vector<Article>& law) {
    const std::string& pcode = law.front().pcode;
    std::string id = "tw-" + lower(pcode);
    std::string title_en, title_zh;
    // Pair by (number, occurrence): the n-th "Article 5" with the n-th "第 5 條".
    std::vector<Pair> pairs;
    std::map<std::pair<std::string, int>, std::size_t> index;
    std::map<std::string, int> seen_zh, seen_en;
    for (const auto& a : law) {
      bool en = a.lang == "en";
      (en ? title_en : title_zh) = a.law;
      std::string number = article_number(a.no);
      int occurrence = ++(en ? seen_en : seen_zh)[number];
      auto key = std::pair{number, occurrence};
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, pairs.size()).first;
        pairs.push_back({occurrence == 1 ? number : number + "_" + std::to_string(occurrence)});
      }
      (en ? pairs[it->second].en : pairs[it->second].zh) = &a;
    }
    if (title_en.empty()) title_en = "Taiwan law " + pcode + " (no English translation)";
    if (title_zh.empty()) title_zh = title_en;
    static const std::vector<std::string> topics = {
        "ccc", "cma", "mutual-recognition", "gba", "accreditation", "conformity-assessment",
        "market-access", "promotion", "voluntary-certification", "inspection", "standards",
        "food-safety", "consultation"};
    const std::string& topic = topics[fnv1a(pcode, kSeed) % topics.size()];
    std::string from = law_date(pcode);

    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto root = doc.append_child("instrument");
    root.append_attribute("id") = id.c_str();
    root.append_attribute("kind") = "measure";
    root.append_attribute("signed") = from.c_str();
    auto add_text = [](pugi::xml_node parent, const char* name, const char* lang, const std::string& text) {
      auto n = parent.append_child(name);
      n.append_attribute("lang") = lang;
      n.text().set(text.c_str());
      return n;
    };
    add_text(root, "title", "en", title_en);
    add_text(root, "title", "zh-Hant", title_zh);
    root.append_child("note").text().set(
        "Converted by provisio-bench from the Taiwan Laws and Regulations Database; topic and "
        "dates are made up for benchmarking.");
    for (const auto& p : pairs) {
      auto prov = root.append_child("provision");
      prov.append_attribute("id") = (id + "/" + p.number).c_str();
      std::string label_en = p.en ? p.en->no : p.number == "preamble" ? "Preamble" : "Article " + p.number;
      add_text(prov, "citation", "en", title_en + ", " + label_en);
      if (p.zh) add_text(prov, "citation", "zh-Hant", "《" + title_zh + "》" + p.zh->no);
      prov.append_child("topics").text().set(topic.c_str());
      auto version = prov.append_child("version");
      version.append_attribute("from") = from.c_str();
      add_text(version, "heading", "en", label_en);
      if (p.zh) add_text(version, "heading", "zh-Hant", p.zh->no);
      for (const Article* a : {p.en, p.zh}) {
        if (!a || a->text.empty()) continue;
        add_text(version, "text", a->lang.c_str(), a->text).append_attribute("kind") = "official";
      }
      // A provision whose only text was empty still needs one: the heading stands in.
      if (!version.child("text")) add_text(version, "text", "en", label_en).append_attribute("kind") = "official";
      ++report_.provisions;
      if (p.en && p.zh) ++report_.paired;
    }
    std::string path = (fs::path(options_.out_dir) / (id + ".xml")).string();
    if (!doc.save_file(path.c_str(), "  ", pugi::format_default, pugi::encoding_utf8))
      throw std::runtime_error(path + ": cannot be written");
    ++report_.laws;
  }

  const ConvertOptions& options_;
  ConvertReport& report_;
  std::vector<std::vector<Article>> laws_;  // each law's articles, laws in order of first appearance
  std::map<std::string, std::size_t> law_index_;  // pcode -> index in laws_
};


// The laws of a slice of about `max_articles` articles: whole laws (so translations stay paired),
// taken in a fixed pseudo-random order of their codes, so that every slice mixes old and new laws,
// Chinese-only and translated ones, as the whole corpus does; a smaller slice is part of a larger.
std::set<std::string> choose_laws(const std::string& path, std::size_t max_articles) {
  std::map<std::string, std::size_t> articles_per_law;
  LineReader reader(path);
  std::string line;
  // Only the code is needed here: found by its key rather than parsing each line in full (the
  // second pass parses and checks every line it keeps).
  static const std::string kKey = "\"pcode\": \"";
  while (reader.next(line)) {
    if (line.empty()) continue;
    auto at = line.find(kKey);
    auto end = at == std::string::npos ? at : line.find('"', at + kKey.size());
    if (end == std::string::npos) {
      ++articles_per_law[parse_article(line, path, reader.line_no()).pcode];
      continue;
    }
    ++articles_per_law[line.substr(at + kKey.size(), end - at - kKey.size())];
  }
  reader.finish();
  std::vector<std::pair<std::uint64_t, std::string>> order;
  for (const auto& [pcode, n] : articles_per_law) order.emplace_back(fnv1a(pcode, kSeed), pcode);
  std::sort(order.begin(), order.end());
  std::set<std::string> chosen;
  std::size_t total = 0;
  for (const auto& [h, pcode] : order) {
    if (total >= max_articles) break;
    chosen.insert(pcode);
    total += articles_per_law[pcode];
  }
  return chosen;
}

}  // namespace

ConvertReport convert_twlaw(const ConvertOptions& options) {
  ConvertReport report;
  fs::create_directories(options.out_dir);
  for (const auto& entry : fs::directory_iterator(options.out_dir))
    if (entry.path().extension() == ".xml" && entry.path().filename().string().rfind("tw-", 0) == 0)
      fs::remove(entry.path());
  std::set<std::string> laws;
  if (options.max_articles) laws = choose_laws(options.data_file, options.max_articles);
  LineReader reader(options.data_file);
  Converter converter(options, report);
  std::string line;
  while (reader.next(line)) {
    if (line.empty()) continue;
    Article a = parse_article(line, options.data_file, reader.line_no());
    if (options.max_articles && !laws.count(a.pcode)) continue;
    converter.add(std::move(a));
    ++report.articles;
  }
  converter.flush();
  reader.finish();
  if (report.articles == 0) throw std::runtime_error(options.data_file + ": no articles in it");
  return report;
}

}  // namespace provisio::bench
