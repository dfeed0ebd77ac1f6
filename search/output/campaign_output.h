// How campaigns (groups of near-identical letters, search/linking/campaigns.h) are shown:
// `submission groups` and what `link accept` / `link add` did for a campaign's other members.
//
// Pure functions of their arguments: thread-safe. Text formatters end every line with "\n".
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "campaigns.h"
#include "style.h"

namespace provisio::output {

// `submission groups`: `compared` is the number of submissions grouped (filed ones). In text, each
// campaign is a heading (its lead, its size, the member holding the common text and the start of
// that text), then one line per member (id, date, sender) with the passages it changed, marked as
// `provisio diff` marks them ([-left out-]{+written instead+}, or in colour with `style`).
std::string campaigns_text(const std::vector<submissions::Campaign>& campaigns, std::size_t compared,
                           const Style& style);
// {"store", "compared", "min_size", "campaigns": [{"id" (the lead), "size", "common" (member id),
// "common_text", "members": [{"id", "sender", "received", "changes": [{"removed", "added"}]}]}]}.
// Unknown sender or date, and the empty side of a change, are null; a member not compared word by
// word has "changes": null.
std::string campaigns_json(const std::string& store, const std::vector<submissions::Campaign>& campaigns,
                           std::size_t compared, std::size_t min_size);

// What `link accept` / `link add` did for the other members of a campaign: one line saying how many
// new links the campaign's other members got, and one per member for each target not linked
// because a person had removed it there. Nothing when `result.lead` is "".
std::string campaign_links_text(const submissions::CampaignLinkResult& result);
// {"id" (the lead), "members": [{"id", "added", "declined": [...]}], "added"}, or null.
nlohmann::json campaign_links_json(const submissions::CampaignLinkResult& result);

}  // namespace provisio::output
