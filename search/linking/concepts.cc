#include "concepts.h"

#include "glossary.h"

#include <algorithm>

#include "text_folder.h"

namespace provisio::submissions {

const std::vector<Concept>& concepts() {
  static const std::vector<Concept> table = {
      {"ccc", "China Compulsory Certification (CCC, 強制性產品認證)", "ccc",
       {"CCC", "3C", "China Compulsory Certification", "compulsory certification", "強制性產品認證",
        "強制性認證", "3C認證"}},
      {"cma", "CMA qualification and mark (資質認定)", "cma",
       {"CMA", "China Metrology Accreditation", "CMA mark", "inspection body qualification",
        "資質認定", "CMA標誌", "計量認證"}},
      {"mutual-recognition", "Mutual recognition of results (互認)", "mutual-recognition",
       {"mutual recognition", "mutually recognise", "mutually recognize", "recognise each other",
        "accept each other", "acceptance of results", "accept Hong Kong results", "互認", "相互承認",
        "相互認可", "採信", "接受香港"}},
      {"accreditation", "Accreditation (HKAS, HOKLAS, CNAS; 認可)", "accreditation",
       {"accreditation", "accredited", "HKAS", "HOKLAS", "CNAS", "認可處", "認可計劃", "實驗所認可",
        "認可機構"}},
      {"gba", "Greater Bay Area (大灣區)", "gba",
       {"Greater Bay Area", "GBA", "Guangdong", "Shenzhen", "Guangzhou", "Qianhai", "Nansha",
        "大灣區", "粵港澳", "廣東", "深圳", "廣州", "前海", "南沙"}},
      {"market-access", "Opening of the Mainland market (市場開放)", "market-access",
       {"liberalisation", "liberalization", "market access", "open the market", "opening up",
        "national treatment", "開放", "市場准入", "准入", "國民待遇"}},
      {"promotion", "Promoting Hong Kong T&C services (推廣)", "promotion",
       {"promote", "promotion", "exhibition", "Hi-Tech Fair", "Chic.HK", "roadshow",
        "推廣", "宣傳", "展覽", "交易會", "高交會"}},
      {"voluntary-certification", "Voluntary product certification (自願性認證)", "voluntary-certification",
       {"voluntary certification", "voluntary product certification", "自願性認證", "自願認證"}},
      {"inspection", "Inspection services (檢驗)", "inspection",
       {"inspection", "inspection body", "inspection bodies", "surveying", "檢驗", "檢查機構"}},
      {"standards", "Standards (標準)", "standards",
       {"standard", "standards", "standardisation", "standardization", "national standard", "GB standard",
        "標準", "國家標準", "國標"}},
      {"food-safety", "Food safety testing (食品安全)", "food-safety",
       {"food safety", "food testing", "food", "食品安全", "食品檢測", "食品"}},
      {"joint-venture", "Ownership and establishment (獨資、合資)", "market-access",
       {"wholly-owned", "wholly owned", "joint venture", "equity", "establish", "獨資",
        "合資", "合營", "設立", "股權"}},
      {"designated-body", "Designated Mainland bodies and cooperation (指定機構)", "ccc",
       {"designated", "designated body", "designated bodies", "certification body", "certification bodies",
        "指定機構", "認證機構", "合作"}},
      {"obstacles", "Obstacles met on the Mainland (困難)", "",
       {"obstacle", "obstacles", "difficulty", "difficulties", "barrier", "barriers", "problem",
        "困難", "障礙", "問題"}},
  };
  return table;
}

namespace {

std::string ascii_lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<const Concept*> find_concepts(std::string_view text) {
  TextFolder folder;
  std::string folded = ascii_lower(folder.fold(text));
  std::vector<const Concept*> found;
  for (const auto& c : concepts()) {
    for (const auto& name : c.names) {
      if (form_occurs(folded, ascii_lower(folder.fold(name)))) {
        found.push_back(&c);
        break;
      }
    }
  }
  return found;
}

std::vector<std::string> glossary_concepts_named(std::string_view text, const Glossary& glossary) {
  TextFolder folder;
  std::string cased = folder.fold(text);
  std::string folded = ascii_lower(cased);
  std::vector<std::string> found;
  for (const auto& c : glossary.concepts())
    for (const auto& form : c.forms)
      // Abbreviations keep their case: "IT" is information technology, "it" is not.
      if (form.column == "abbr" ? form_occurs(cased, folder.fold(form.text))
                                : form_occurs(folded, ascii_lower(folder.fold(form.text)))) {
        found.push_back(c.id);
        break;
      }
  return found;
}

}  // namespace provisio::submissions
