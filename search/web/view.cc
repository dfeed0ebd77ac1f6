#include "view.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace provisio::web {

Views::Views(std::string template_dir) : dir_(std::move(template_dir)) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir_, ec)) throw std::runtime_error(dir_ + ": no web templates there");
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (entry.path().extension() != ".tpl") continue;
    if (!ctemplate::Template::GetTemplate(entry.path().string(), ctemplate::STRIP_BLANK_LINES))
      throw std::runtime_error(entry.path().string() + ": template does not parse");
  }
}

std::string Views::render(const std::string& name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!ctemplate::ExpandTemplate(dir_ + "/" + name + ".tpl", ctemplate::STRIP_BLANK_LINES, &dict, &out))
    throw std::runtime_error("template " + name + " could not be expanded");
  return out;
}

namespace {

std::string upper(std::string key) {
  for (auto& c : key) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return key;
}

}  // namespace

std::string url_encode(const std::string& value) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void set_and_show(ctemplate::TemplateDictionary& dict, const std::string& var, const std::string& value,
                  const std::string& section) {
  dict.SetValue(var, value);
  if (!value.empty()) dict.ShowSection(section);
}

void fill(ctemplate::TemplateDictionary& dict, const nlohmann::json& object) {
  for (const auto& [key, value] : object.items()) {
    std::string name = upper(key);
    if (value.is_string()) {
      if (!value.get_ref<const std::string&>().empty()) set_and_show(dict, name, value.get<std::string>(), name);
    } else if (value.is_boolean()) {
      if (value.get<bool>()) dict.ShowSection(name);
    } else if (value.is_number_integer() || value.is_number_unsigned()) {
      set_and_show(dict, name, std::to_string(value.get<long long>()), name);
    } else if (value.is_number_float()) {
      char text[32];
      std::snprintf(text, sizeof text, "%.3g", value.get<double>());
      set_and_show(dict, name, text, name);
    } else if (value.is_array()) {
      for (const auto& element : value) {
        auto* section = dict.AddSectionDictionary(name);
        if (element.is_object())
          fill(*section, element);
        else if (element.is_string())
          section->SetValue("VALUE", element.get<std::string>());
        else
          section->SetValue("VALUE", element.dump());
      }
    } else if (value.is_object()) {
      fill(*dict.AddSectionDictionary(name), value);
    }
  }
}

namespace {

struct Label {
  const char* name;
  const char* en;
  const char* zh;  // Traditional Chinese
};

// The interface's own words. Provision texts are never translated here: they come from the corpus.
constexpr Label kLabels[] = {
    {"title", "Provisio", "Provisio"},
    {"search", "Search", "搜尋"},
    {"submissions", "Submissions", "意見書"},
    {"report", "Report", "報告"},
    {"login", "Log in", "登入"},
    {"logout", "Log out", "登出"},
    {"user", "User", "使用者"},
    {"password", "Password", "密碼"},
    {"query", "Query", "查詢"},
    {"syntax_help", "Query syntax", "查詢語法"},
    {"syntax_words", "every word must occur (if no provision has them all: any of them)",
     "須包含所有字詞（若沒有條文全部包含：包含其中任何一個）"},
    {"syntax_phrase", "these words in this order; Chinese too", "依此次序的字詞；中文亦可"},
    {"syntax_boolean", "boolean operators (in capitals)", "布林運算子（大寫）"},
    {"syntax_filters", "only this instrument, topic or language", "只限此文件、主題或語言"},
    {"syntax_year", "only versions that took effect in that year or those years", "只限於該年（或該段年份）生效的版本"},
    {"syntax_cite", "provisions by citation, in either language", "按引述查找條文，中英文皆可"},
    {"instrument", "Instrument", "文件"},
    {"topic", "Topic", "主題"},
    {"language", "Language", "語言"},
    {"as_of", "In force on", "生效日期"},
    {"all_versions", "All versions", "所有版本"},
    {"simplified", "Show Chinese in Simplified characters", "以簡體字顯示中文"},
    {"as_written", "Show Chinese as written", "以原文字體顯示中文"},
    {"parallel", "English and Chinese together", "中英對照"},
    {"any", "any", "任何"},
    {"lang_en", "English", "英文"},
    {"lang_zh", "Chinese", "中文"},
    {"results", "results", "項結果"},
    {"result", "result", "項結果"},
    {"about", "about", "約"},
    {"with_every_word", "with every word", "包含所有字詞"},
    {"no_results", "No provision matches.", "沒有符合的條文。"},
    {"did_you_mean", "Did you mean", "您是不是要找"},
    {"facets", "Refine", "篩選"},
    {"year", "Year", "年份"},
    {"facets_skipped", "Counts by instrument, topic, language and year are shown when a search matches at most",
     "搜尋結果不多於"},
    {"facets_skipped_end", "provisions: add a word or a filter.", "條條文時才顯示按文件、主題、語言及年份的統計：請加入字詞或篩選條件。"},
    {"superseded", "superseded", "已被取代"},
    {"superseded_extra_one", "superseded version that matches better than any in force (marked)",
     "個已被取代的版本比任何現行條文更符合（已標示）"},
    {"superseded_extra", "superseded versions that match better than any in force (marked)",
     "個已被取代的版本比任何現行條文更符合（已標示）"},
    {"in_force", "in force", "現行"},
    {"from", "from", "自"},
    {"to", "to", "至"},
    {"previous", "Previous", "上一頁"},
    {"next", "Next", "下一頁"},
    {"page", "Page", "頁"},
    {"versions", "Versions", "版本"},
    {"version", "Version", "版本"},
    {"diff", "Compare versions", "比較版本"},
    {"compare", "Compare", "比較"},
    {"see_also", "See also", "參見"},
    {"line", "Its line", "沿革"},
    {"line_help", "the commitment across instruments, oldest first (provisio history)",
     "此承諾在各文件中的演變，由舊至新（provisio history）"},
    {"you_are_here", "this provision", "本條文"},
    {"relations", "Relations", "關係"},
    {"topics", "Topics", "主題"},
    {"in", "In", "位於"},
    {"digest_note", "our summary, not the official wording", "摘要，非官方文本"},
    {"notes", "Notes", "附註"},
    {"verification", "Verification", "核實"},
    {"by", "by", "依據"},
    {"approx", "date known to the", "日期僅知至"},
    {"linked_submissions", "Submissions linked to it", "相關意見書"},
    {"no_linked", "No submission is linked to this provision.", "沒有意見書連結到此條文。"},
    {"no_change", "No change in this language.", "此語言的文本沒有改變。"},
    {"single_version", "This provision has a single version.", "此條文只有一個版本。"},
    {"inbox", "Inbox", "收件匣"},
    {"unlinked_only", "Unlinked only", "只顯示未連結"},
    {"sender", "Sender", "寄件人"},
    {"received", "Received", "收到日期"},
    {"received_from", "Received from", "收到日期由"},
    {"filter", "Filter", "篩選"},
    {"links", "Links", "連結"},
    {"upload", "File submissions", "提交意見書"},
    {"upload_help", "Files: .txt, .eml, .html, .docx. Drop them here or choose them.",
     "檔案：.txt、.eml、.html、.docx。拖放至此或選擇檔案。"},
    {"choose_files", "Files", "檔案"},
    {"file", "File", "檔案"},
    {"subject", "Subject", "主旨"},
    {"no_submissions", "No submissions yet.", "尚無意見書。"},
    {"filed", "Filed", "已提交"},
    {"already_filed", "already filed as", "已提交為"},
    {"text", "Text", "內文"},
    {"suggestions", "Suggested provisions and questions", "建議的條文及問題"},
    {"accept", "Accept", "接受"},
    {"accept_top", "Accept the top suggestions", "接受首幾項建議"},
    {"add_link", "Add a link", "新增連結"},
    {"remove", "Remove", "移除"},
    {"note", "Note", "附註"},
    {"why", "Why", "原因"},
    {"concepts", "concepts", "概念"},
    {"words", "words", "字詞"},
    {"score", "score", "分數"},
    {"current_links", "Links", "連結"},
    {"history", "History of its links", "連結紀錄"},
    {"removed_by", "removed by", "移除者"},
    {"provision_id", "Provision or question id", "條文或問題編號"},
    {"find_provision", "Find a provision", "搜尋條文"},
    {"report_by", "Count by", "統計方式"},
    {"by_provision", "provision", "條文"},
    {"by_question", "question", "問題"},
    {"by_topic", "topic", "主題"},
    {"count", "Count", "數目"},
    {"heading", "Heading", "標題"},
    {"download", "Download", "下載"},
    {"submissions_total", "submissions in the store", "份意見書"},
    {"no_rows", "Nothing is linked yet.", "尚未有任何連結。"},
    {"interface", "中文", "English"},
    {"error", "Error", "錯誤"},
    {"login_failed", "Wrong user name or password.", "使用者名稱或密碼錯誤。"},
};

}  // namespace

void add_labels(ctemplate::TemplateDictionary& dict, const std::string& ui) {
  bool zh = ui == "zh-Hant";
  for (const auto& l : kLabels) dict.SetValue("L_" + upper(l.name), zh ? l.zh : l.en);
  dict.SetValue("UI_LANG", zh ? "zh-Hant" : "en");
  dict.SetValue("OTHER_UI", zh ? "en" : "zh-Hant");
}

std::string label(const std::string& name, const std::string& ui) {
  for (const auto& l : kLabels)
    if (name == l.name) return ui == "zh-Hant" ? l.zh : l.en;
  return name;
}

}  // namespace provisio::web
