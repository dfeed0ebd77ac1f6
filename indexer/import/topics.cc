#include "topics.h"

#include <cctype>

namespace provisio::import {

namespace {

struct TopicWords {
  const char* topic;
  std::vector<std::string> words;  // English in lower case; Chinese in both scripts
};

// Keywords chosen to be specific: generic words such as 認可 (also "approve") are left out.
const std::vector<TopicWords>& table() {
  static const std::vector<TopicWords> kTable = {
      {"ccc", {"ccc", "china compulsory certification", "compulsory product certification", "強制性產品認證", "强制性产品认证"}},
      {"cma", {"china metrology accreditation", "cma", "資質認定", "资质认定"}},
      {"mutual-recognition", {"mutual recognition", "mutually recogni", "互認", "互认", "相互承認", "相互承认"}},
      {"gba", {"greater bay area", "guangdong", "大灣區", "大湾区", "廣東", "广东"}},
      {"accreditation", {"accreditation", "accredited", "hkas", "hoklas", "cnas", "認可機構", "认可机构"}},
      {"conformity-assessment", {"conformity assessment", "testing", "certification", "合格評定", "合格评定", "檢測", "检测", "認證", "认证"}},
      {"market-access", {"market access", "national treatment", "市場准入", "市场准入", "國民待遇", "国民待遇"}},
      {"inspection", {"inspection", "檢驗", "检验"}},
      {"standards", {"standardi", "standards", "標準", "标准"}},
      {"food-safety", {"food safety", "食品安全"}},
  };
  return kTable;
}

bool has_word(const std::string& lower_text, const std::string& word) {
  bool ascii = true;
  for (unsigned char c : word) ascii = ascii && c < 0x80;
  for (std::size_t pos = lower_text.find(word); pos != std::string::npos; pos = lower_text.find(word, pos + 1)) {
    if (!ascii) return true;
    // English keywords must start a word ("cma" is not in "dogma").
    if (pos == 0 || !std::isalnum(static_cast<unsigned char>(lower_text[pos - 1]))) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> infer_topics(const std::string& text, const std::vector<std::string>& fallback) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> topics;
  for (const auto& [topic, words] : table())
    for (const auto& w : words)
      if (has_word(lower, w)) {
        topics.push_back(topic);
        break;
      }
  return topics.empty() ? fallback : topics;
}

}  // namespace provisio::import
