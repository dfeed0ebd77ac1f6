// Campaigns: groups of near-identical letters (form letters) among the filed submissions, what
// each member changed from the group's most common text, and a link made for one member made for
// every member.
//
// Groups are recomputed from the submissions' texts each time they are needed, not stored. They are
// derived data, like the submissions index: the texts in the store decide them, and a stored group
// would go stale whenever a submission is filed, removed or edited (and would need a schema
// migration to hold nothing the texts do not already say). The cost is one MinHash pass over the
// inbox (near_duplicates.h), plus, for `submission groups`, a word-by-word comparison of each
// member with the common text. What *is* primary, the links a campaign led to, is stored per
// member as every link is (campaign_links()).
//
// A campaign is named by its lead: the member filed first (its id is stable while that member
// stays filed). Method and thresholds: near_duplicates.h.
//
// Thread-safe (pure functions over their arguments; the store functions use the Store given).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store.h"

namespace provisio::submissions {

// One passage a member changed from the campaign's most common text: `removed` is the common
// text's passage it left out or replaced ("" for an addition), `added` what it wrote instead (""
// for a removal). Passages are taken from the texts as written (whitespace runs made one space).
struct CampaignChange {
  std::string removed, added;
};

struct CampaignMember {
  std::string id, sender, received;     // "" when unknown
  std::vector<CampaignChange> changes;  // empty for the member holding the common text
  bool compared = true;  // false when it or the common text is too long to compare (kMaxCompareCharacters)
};

struct Campaign {
  std::string lead;                     // the member filed first
  std::string common;                   // the member whose text is the campaign's most common text
  std::string common_text;              // that text (whitespace runs made one space)
  std::vector<CampaignMember> members;  // in filing order
  std::size_t size() const { return members.size(); }
};

// Passages longer than this (in characters) are shortened with "…" in the middle; texts longer
// than kMaxCompareCharacters are not compared word by word (the comparison's table grows with the
// square of the length), and such a member's one change says so.
inline constexpr std::size_t kMaxPassageCharacters = 160;
inline constexpr std::size_t kMaxCompareCharacters = 3000;

// The campaigns among `filed` (which must carry their texts), largest first, then by lead in filing
// order; those of fewer than `min_size` members are left out. The common text is the text most
// members share exactly (after folding and whitespace); when none is shared, the member most similar
// to the others. Members' `changes` are worked out only `with_changes` (the report and the links
// need only who is in which campaign). REQUIRES: min_size >= 2.
std::vector<Campaign> find_campaigns(const std::vector<Submission>& filed, std::size_t min_size = 2,
                                     bool with_changes = true);

// The campaigns of the submissions in `store` that are filed (not removed), without `changes`.
std::vector<Campaign> find_campaigns(Store& store, std::size_t min_size = 2);

// The campaign among `campaigns` that `submission` belongs to, or nullptr.
const Campaign* campaign_of(const std::vector<Campaign>& campaigns, const std::string& submission);

// What campaign_links() did for each member other than the one asked for.
struct CampaignLinkResult {
  std::string lead;  // "" when the submission is in no campaign (then nothing else was done)
  struct Member {
    std::string id;
    std::size_t added = 0;              // new links
    std::vector<std::string> declined;  // targets a person had removed from this member: not linked
  };
  std::vector<Member> members;  // the other members, in filing order
  std::size_t added() const;
};

// Makes `links` (asked for `submission`) for every other member of its campaign, each recorded on
// that member as a link of its own with the note "via campaign LEAD (from SUBMISSION)" (after the
// request's own note). People decide: a target a person removed from a member is never linked to
// that member again this way, manual requests included. Each member is written in its own
// transaction (Store::add_links). Does nothing when `submission` is in no campaign.
CampaignLinkResult campaign_links(Store& store, const std::vector<Campaign>& campaigns,
                                  const std::string& submission, const std::vector<LinkRequest>& links,
                                  const std::string& by);

}  // namespace provisio::submissions
