// The grouping half of `make eval-link`: precision and recall of campaign grouping
// (search/linking/campaigns.h) on the synthetic campaign of tests/campaign_letters.h (50 letters in
// two campaigns, 10 unrelated letters) mixed with every sample submission of tests/linking (32
// more unrelated letters, on the same subjects). Kept apart from eval_link.cc's suggestion
// measures so each can change on its own.
//
// Pairwise measures: a pair of letters is "grouped" when both are in one campaign; precision is
// the share of grouped pairs that are copies of one letter, recall the share of such pairs grouped.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "campaign_letters.h"
#include "campaigns.h"
#include "near_duplicates.h"
#include "reader.h"

namespace provisio::testing {

inline void print_grouping_figures(const std::string& samples_dir) {
  std::vector<submissions::Submission> letters;
  std::vector<int> truth;  // campaign of each letter, -1 for none (each unrelated letter is its own)
  auto add = [&](const std::string& text, int campaign) {
    submissions::Submission s;
    s.id = "letter-" + std::to_string(letters.size() + 1);
    s.text = text;
    letters.push_back(std::move(s));
    truth.push_back(campaign);
  };
  for (const auto& l : synthetic_campaign_letters()) add(l.text, l.campaign);
  std::vector<std::filesystem::path> samples;
  for (const auto& e : std::filesystem::directory_iterator(samples_dir)) samples.push_back(e.path());
  std::sort(samples.begin(), samples.end());
  for (const auto& path : samples) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    add(submissions::read_submission(path.filename().string(), bytes.str()).text, -1);
  }
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < letters.size(); ++i) index_of[letters[i].id] = i;
  std::vector<int> group(letters.size(), -1);
  auto campaigns = submissions::find_campaigns(letters);
  for (std::size_t c = 0; c < campaigns.size(); ++c)
    for (const auto& m : campaigns[c].members) group[index_of[m.id]] = static_cast<int>(c);

  std::vector<MinHashSignature> signatures;
  for (const auto& l : letters) signatures.push_back(minhash_signature(l.text));
  std::size_t true_pairs = 0, grouped_pairs = 0, right_pairs = 0;
  double lowest_copies = 1, highest_others = 0;  // the margin on either side of the threshold
  for (std::size_t i = 0; i < letters.size(); ++i)
    for (std::size_t j = i + 1; j < letters.size(); ++j) {
      bool same = truth[i] >= 0 && truth[i] == truth[j];
      double similarity = estimated_similarity(signatures[i], signatures[j]);
      if (same)
        lowest_copies = std::min(lowest_copies, similarity);
      else
        highest_others = std::max(highest_others, similarity);
      bool grouped = group[i] >= 0 && group[i] == group[j];
      true_pairs += same;
      grouped_pairs += grouped;
      right_pairs += same && grouped;
    }
  std::size_t in_campaigns = 0, campaign_letters = 0;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    in_campaigns += group[i] >= 0;
    campaign_letters += truth[i] >= 0;
  }
  std::printf(
      "grouping: %zu letters (%zu in 2 synthetic campaigns, %zu unrelated); %zu campaigns found holding %zu "
      "letters\n",
      letters.size(), campaign_letters, letters.size() - campaign_letters, campaigns.size(), in_campaigns);
  std::printf("grouping precision (pairs): %.3f (%zu of %zu)\n",
              grouped_pairs ? static_cast<double>(right_pairs) / grouped_pairs : 1.0, right_pairs,
              grouped_pairs);
  std::printf("grouping recall (pairs): %.3f (%zu of %zu)\n",
              true_pairs ? static_cast<double>(right_pairs) / true_pairs : 1.0, right_pairs, true_pairs);
  std::printf(
      "grouping similarity: copies of one letter %.2f and up; other pairs %.2f at most (threshold %.2f)\n",
      lowest_copies, highest_others, NearDuplicateTuning::kThreshold);
}

}  // namespace provisio::testing
