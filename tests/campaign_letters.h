// A synthetic form-letter campaign, written deterministically by code (no files): 50 letters of
// two campaigns (34 English copies of one letter; 16 Chinese copies of another, half in Traditional
// and half in Simplified characters), each with small edits (the signatory's name and firm, the
// greeting, a sentence added or left out), mixed with 10 unrelated letters on the same subjects
// (CCC, CMA, the Greater Bay Area), one of which quotes a sentence of the English campaign.
// Used by tests/test_campaigns.cc and by tests/linking/eval_link.cc (grouping precision and recall).
//
// Every name, firm and address here is fictional.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace provisio::testing {

struct SyntheticLetter {
  std::string file_name;  // "campaign-en-07.txt", "campaign-zh-03.txt", "other-2.txt"
  std::string sender;
  std::string received;  // YYYY-MM-DD
  std::string text;
  int campaign = -1;  // 0: the English campaign, 1: the Chinese one, -1: none
};

inline std::vector<SyntheticLetter> synthetic_campaign_letters() {
  static const std::vector<std::string> en_body = {
      "We write as testing laboratories accredited by HKAS to ask the Government to press for full "
      "recognition "
      "of Hong Kong test reports under the China Compulsory Certification scheme.",
      "At present only products processed or manufactured in Hong Kong may be tested here for CCC, so our "
      "clients must send samples to designated laboratories on the Mainland.",
      "This adds weeks to every certification and costs our clients money they would rather spend on "
      "product development.",
      "Our laboratories hold the same ISO/IEC 17025 accreditation as the designated laboratories and test "
      "to the same national standards.",
      "We therefore ask that CEPA be extended so that accredited Hong Kong laboratories can test all "
      "products for CCC, whatever their place of origin.",
      "We also ask that the certification bodies on the Mainland accept our reports without repeating the "
      "tests.",
      "We would welcome the chance to meet officials of the Council to explain the difficulties our members "
      "face each day."};
  static const std::vector<std::string> en_extra = {
      "Last year one of our clients waited eleven weeks for a single CCC certificate.",
      "Small laboratories like ours cannot afford to open branches across the boundary.",
      "Many of our staff trained in Hong Kong and would gladly take on this work.",
      "Our clients in the toy and electrical appliance trades are affected most.",
      "The same problem arises for medical devices and building materials."};
  static const std::vector<std::string> en_names = {
      "Chan Tai Man", "Wong Siu Ming", "Lee Ka Yan",    "Cheung Wai Kit", "Lau Mei Kuen", "Ho Chi Wing",
      "Ng Ka Lok",    "Yip Hoi Ling",  "Tsang Kin Wah", "Leung Pui Shan", "Kwok Man Hon", "Fung Sze Wan",
      "Mak Tsz Hin",  "Choi Yuen Yee", "Lam Chun Kit",  "Tang Hiu Tung",  "Poon Wing Sze"};
  static const std::vector<std::string> en_firms = {"Harbour Testing Laboratory",
                                                    "Kowloon Materials Lab",
                                                    "Tsuen Wan Electrical Testing",
                                                    "Pearl River Quality Services",
                                                    "Sha Tin Product Safety Centre",
                                                    "Victoria Analytical",
                                                    "Lantau Test House"};
  static const std::vector<std::string> en_greetings = {
      "Dear Sir or Madam,", "To the Hong Kong Council for Testing and Certification,",
      "Dear Council members,"};

  static const std::vector<std::string> zh_hant_body = {
      "我們是獲香港認可處認可的檢測實驗所，謹此就內地強制性產品認證（CCC）向貴局提出意見。",
      "目前只有在香港加工或製造的產品才可在香港進行CCC檢測，其他產品必須送往內地指定實驗室。",
      "這令每項認證延誤數星期，亦大大增加客戶的成本。",
      "我們的實驗所與內地指定實驗室同樣符合ISO/IEC 17025的要求，並按相同的國家標準進行檢測。",
      "因此我們建議擴大CEPA的安排，容許香港認可實驗所為所有產品進行CCC檢測，不論產地。",
      "我們亦希望內地認證機構直接採信香港的檢測報告，無須重複檢測。"};
  static const std::vector<std::string> zh_hans_body = {
      "我们是获香港认可处认可的检测实验所，谨此就内地强制性产品认证（CCC）向贵局提出意见。",
      "目前只有在香港加工或制造的产品才可在香港进行CCC检测，其他产品必须送往内地指定实验室。",
      "这令每项认证延误数星期，亦大大增加客户的成本。",
      "我们的实验所与内地指定实验室同样符合ISO/IEC 17025的要求，并按相同的国家标准进行检测。",
      "因此我们建议扩大CEPA的安排，容许香港认可实验所为所有产品进行CCC检测，不论产地。",
      "我们亦希望内地认证机构直接采信香港的检测报告，无须重复检测。"};
  static const std::vector<std::string> zh_hant_extra = {"去年我們有一位客戶等了十一個星期才取得證書。",
                                                         "小型實驗所無法在內地另設分所。",
                                                         "玩具及電器業界受影響最大。"};
  static const std::vector<std::string> zh_hans_extra = {"去年我们有一位客户等了十一个星期才取得证书。",
                                                         "小型实验所无法在内地另设分所。",
                                                         "玩具及电器业界受影响最大。"};
  static const std::vector<std::string> zh_names = {"陳大文", "李小玲", "張志強", "黃美儀",
                                                    "劉家明", "何嘉欣", "吳偉倫", "林淑芬"};

  std::vector<SyntheticLetter> out;
  auto two = [](std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };

  for (std::size_t i = 0; i < 34; ++i) {
    std::string text = en_greetings[i % en_greetings.size()] + "\n\n";
    for (std::size_t k = 0; k < en_body.size(); ++k) {
      if (k == 3 && i % 4 == 1) continue;  // a sentence left out
      text += en_body[k] + (k == 4 && i % 3 == 0 ? " " + en_extra[i % en_extra.size()] : "") + "\n";
    }
    std::string name = en_names[i % en_names.size()], firm = en_firms[i % en_firms.size()];
    text += "\nYours faithfully,\n" + name + "\n" + firm + "\n";
    out.push_back(
        {"campaign-en-" + two(i + 1) + ".txt", name + ", " + firm, "2019-05-" + two(10 + i % 15), text, 0});
  }
  for (std::size_t j = 0; j < 16; ++j) {
    bool hant = j % 2 == 0;
    const auto& body = hant ? zh_hant_body : zh_hans_body;
    const auto& extra = hant ? zh_hant_extra : zh_hans_extra;
    std::string text = hant ? "致香港檢測和認證局：\n" : "致香港检测和认证局：\n";
    for (std::size_t k = 0; k < body.size(); ++k) {
      if (k == 2 && j % 4 == 1) continue;  // a sentence left out
      text += body[k];
      if (k == 3 && j % 3 == 0) text += extra[j % extra.size()];  // a sentence added
    }
    std::string name = zh_names[j % zh_names.size()];
    text += "\n" + name + (j < 8 ? (hant ? " 謹啟\n" : " 谨启\n") : " 敬上\n");
    out.push_back({"campaign-zh-" + two(j + 1) + ".txt", name, "2019-05-" + two(12 + j % 10), text, 1});
  }

  // Unrelated letters on the campaigns' subjects: different letters, same words.
  static const std::vector<std::pair<std::string, std::string>> others = {
      {"Kowloon Materials Lab",
       "Dear Council,\nOur laboratory tests construction materials for projects in the Greater Bay Area. The "
       "Mainland "
       "developers we work with ask for a CMA mark on every report, which we cannot give because we have no "
       "inspection and testing body qualification. We ask the Council to arrange for accredited Hong Kong "
       "laboratories to apply for CMA qualification in Guangdong, starting with building materials.\n"},
      {"Pearl River Quality Services",
       "To whom it may concern,\nWe are a certification body with offices in Hong Kong and Shenzhen. "
       "Recognition of "
       "test reports is only half of the problem: our auditors also need their qualifications recognised "
       "across "
       "the boundary. We suggest a joint register of auditors for management system certification under "
       "CEPA, "
       "so that a Hong Kong audit counts on the Mainland.\n"},
      {"Harbour Testing Laboratory",
       "Dear Sir,\nWe write as testing laboratories accredited by HKAS to ask the Government to press for "
       "full "
       "recognition of Hong Kong test reports under the China Compulsory Certification scheme. In our case "
       "the "
       "issue is food testing rather than products: exporters of packaged food to Guangdong must have their "
       "samples retested on arrival, and perishable goods spoil while they wait at the boundary.\n"},
      {"Victoria Analytical",
       "Dear Council members,\nThank you for the consultation. Our main concern is the shortage of trained "
       "analysts. "
       "Young people do not see testing and certification as a career. We suggest scholarships, internships "
       "with "
       "accredited laboratories and a recognised professional qualification, so that the sector can grow "
       "when "
       "the Mainland market opens further.\n"},
      {"Lantau Test House",
       "Dear Madam,\nWe test electrical appliances for export to Europe and North America and have no plans "
       "to "
       "serve the Mainland market. We ask only that HKAS keep its accreditation fees stable and its "
       "assessment "
       "visits short, since every day of an assessment is a day our small team cannot test.\n"},
      {"Sha Tin Product Safety Centre",
       "Dear Sir or Madam,\nWe support the proposal to let Hong Kong laboratories serve the Greater Bay Area "
       "but ask "
       "that the rules be published in English as well as Chinese. Our technical staff include engineers "
       "from "
       "overseas who cannot read the national standards, and every translation we commission adds cost and "
       "delay to our work for Mainland clients.\n"},
      {"陳先生",
       "致香港檢測和認證局：\n本公司從事中藥檢測，內地客戶要求檢測報告加蓋CMA標誌，但香港實驗所未能取得資質認"
       "定。"
       "建議貴局與國家認監委商討，讓香港的認可實驗所在大灣區設立辦事處並申請資質認定，首先開放中藥及食品檢測"
       "。\n"},
      {"王小姐",
       "致香港检测和认证局：\n我们是一家小型纺织品检测公司，希望政府资助业界参加内地的能力验证计划。"
       "参加这些计划的费用很高，但没有结果内地客户不会相信我们的报告。此外，我们希望有更多关于大湾区标准的培"
       "训课程。\n"},
      {"李先生",
       "敬啟者：\n我們是珠寶檢測實驗所，客戶主要來自內地旅客。近年內地旅客減少，業務大受影響。"
       "希望政府加強宣傳香港檢測證書的公信力，並在內地主要城市舉辦推廣活動，讓消費者認識香港的認可制度。\n"},
      {"張女士",
       "致香港檢測和認證局：\n本人是一名實驗室技術員，想就人手問題表達意見。業界薪酬偏低，年輕人不願入行，"
       "而內地實驗室的待遇越來越好。建議設立專業資格及晉升階梯，並資助在職培訓，留住人才。\n"}};
  for (std::size_t k = 0; k < others.size(); ++k)
    out.push_back(
        {"other-" + two(k + 1) + ".txt", others[k].first, "2019-05-" + two(11 + k), others[k].second, -1});
  return out;
}

}  // namespace provisio::testing
