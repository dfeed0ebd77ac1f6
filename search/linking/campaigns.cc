#include "campaigns.h"

#include <algorithm>
#include <map>

#include "near_duplicates.h"
#include "text_diff.h"
#include "text_folder.h"

namespace provisio::submissions {

namespace {

// `text` with every run of whitespace made one space, and no space at either end.
std::string one_spaced(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The byte offset of character `n` of `s` (s.size() when it has fewer).
std::size_t byte_of_character(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n-- == 0) break;
  return i;
}

std::string shortened(std::string passage) {
  const std::size_t keep = (kMaxPassageCharacters - 1) / 2;
  std::size_t n = characters(passage);
  if (n <= kMaxPassageCharacters) return passage;
  return passage.substr(0, byte_of_character(passage, keep)) + "…" +
         passage.substr(byte_of_character(passage, n - keep));
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// A text folded as near_duplicates.h folds it, with where each folded character came from, so
// that differences found between folded texts (a Traditional and a Simplified copy are equal) are
// shown in the words each letter used.
struct FoldedText {
  std::string original, folded;
  std::vector<std::size_t> folded_begin, original_begin, original_end;  // one entry per character

  FoldedText(TextFolder& folder, std::string text) : original(std::move(text)) {
    for (const auto& ch : folder.fold_chars(original)) {
      folded_begin.push_back(folded.size());
      original_begin.push_back(ch.begin);
      original_end.push_back(ch.end);
      folded += ch.folded;
    }
  }
  // The original passage that folded bytes [begin, end) came from.
  std::string passage(std::size_t begin, std::size_t end) const {
    if (begin >= end) return "";
    // First character whose folded text reaches past `begin`, last one starting before `end`.
    auto first = std::upper_bound(folded_begin.begin(), folded_begin.end(), begin) - folded_begin.begin() - 1;
    auto last = std::lower_bound(folded_begin.begin(), folded_begin.end(), end) - folded_begin.begin() - 1;
    if (first < 0 || last < first) return "";
    std::size_t from = original_begin[static_cast<std::size_t>(first)];
    std::size_t to = original_end[static_cast<std::size_t>(last)];
    return original.substr(from, to - from);
  }
};

std::vector<CampaignChange> changes_between(const FoldedText& common, const FoldedText& member) {
  std::vector<CampaignChange> out;
  std::size_t at_common = 0, at_member = 0;
  CampaignChange pending;
  auto flush = [&] {
    pending.removed = shortened(trimmed(pending.removed));
    pending.added = shortened(trimmed(pending.added));
    if (!pending.removed.empty() || !pending.added.empty()) out.push_back(pending);
    pending = {};
  };
  for (const auto& op : diff_texts(common.folded, member.folded)) {
    if (op.kind == DiffOp::kEqual) {
      flush();
      at_common += op.text.size();
      at_member += op.text.size();
    } else if (op.kind == DiffOp::kDelete) {
      pending.removed += common.passage(at_common, at_common + op.text.size());
      at_common += op.text.size();
    } else {
      pending.added += member.passage(at_member, at_member + op.text.size());
      at_member += op.text.size();
    }
  }
  flush();
  return out;
}

// Index (into `group`) of the member holding the most common text.
std::size_t common_member(const std::vector<std::size_t>& group, const std::vector<std::string>& keys,
                          const std::vector<MinHashSignature>& signatures) {
  std::map<std::string, std::size_t> copies;
  for (auto i : group) ++copies[keys[i]];
  std::size_t best = 0, best_copies = 0;
  for (std::size_t k = 0; k < group.size(); ++k)
    if (copies[keys[group[k]]] > best_copies) best = k, best_copies = copies[keys[group[k]]];
  if (best_copies > 1) return best;
  double best_sum = -1;
  for (std::size_t k = 0; k < group.size(); ++k) {
    double sum = 0;
    for (auto j : group) sum += estimated_similarity(signatures[group[k]], signatures[j]);
    if (sum > best_sum) best = k, best_sum = sum;
  }
  return best;
}

}  // namespace

std::vector<Campaign> find_campaigns(const std::vector<Submission>& filed, std::size_t min_size,
                                     bool with_changes) {
  std::vector<const Submission*> letters;
  for (const auto& s : filed)
    if (!s.removed()) letters.push_back(&s);
  std::vector<std::string> texts, keys;
  std::vector<MinHashSignature> signatures;
  for (const auto* s : letters) {
    texts.push_back(one_spaced(s->text));
    signatures.push_back(minhash_signature(texts.back()));
    std::string key;
    for (const auto& t : near_duplicate_tokens(texts.back())) key += t + " ";
    keys.push_back(std::move(key));
  }
  std::vector<Campaign> campaigns;
  TextFolder folder;
  for (const auto& group : group_near_duplicates(signatures, min_size)) {
    Campaign c;
    std::size_t common = group[common_member(group, keys, signatures)];
    c.lead = letters[group.front()]->id;
    c.common = letters[common]->id;
    c.common_text = texts[common];
    FoldedText common_folded(folder, texts[common]);
    bool comparable = characters(texts[common]) <= kMaxCompareCharacters;
    for (auto i : group) {
      CampaignMember m{letters[i]->id, letters[i]->sender, letters[i]->received, {}};
      if (i != common && with_changes) {
        if (comparable && characters(texts[i]) <= kMaxCompareCharacters)
          m.changes = changes_between(common_folded, FoldedText(folder, texts[i]));
        else
          m.compared = false;
      }
      c.members.push_back(std::move(m));
    }
    campaigns.push_back(std::move(c));
  }
  std::stable_sort(campaigns.begin(), campaigns.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return campaigns;
}

std::vector<Campaign> find_campaigns(Store& store, std::size_t min_size) {
  return find_campaigns(store.submissions(/*with_text=*/true, /*include_removed=*/false), min_size,
                        /*with_changes=*/false);
}

const Campaign* campaign_of(const std::vector<Campaign>& campaigns, const std::string& submission) {
  for (const auto& c : campaigns)
    for (const auto& m : c.members)
      if (m.id == submission) return &c;
  return nullptr;
}

std::size_t CampaignLinkResult::added() const {
  std::size_t n = 0;
  for (const auto& m : members) n += m.added;
  return n;
}

CampaignLinkResult campaign_links(Store& store, const std::vector<Campaign>& campaigns,
                                  const std::string& submission, const std::vector<LinkRequest>& links,
                                  const std::string& by) {
  CampaignLinkResult result;
  const Campaign* campaign = campaign_of(campaigns, submission);
  if (!campaign) return result;
  result.lead = campaign->lead;
  std::string via = "via campaign " + campaign->lead + " (from " + submission + ")";
  for (const auto& m : campaign->members) {
    if (m.id == submission) continue;
    CampaignLinkResult::Member done{m.id, 0, {}};
    auto removed = store.removed_targets(m.id);
    std::vector<LinkRequest> requests;
    for (auto r : links) {
      if (std::binary_search(removed.begin(), removed.end(), r.target)) {
        done.declined.push_back(r.target);
        continue;
      }
      r.note = r.note.empty() ? via : r.note + "; " + via;
      requests.push_back(std::move(r));
    }
    if (!requests.empty()) done.added = store.add_links(m.id, requests, by);
    result.members.push_back(std::move(done));
  }
  return result;
}

}  // namespace provisio::submissions
