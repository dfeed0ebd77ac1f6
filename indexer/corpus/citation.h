// Citation keys: the parts of a citation that staff type to find a provision, in one normal form
// whatever the language. "Article 58(2)", "第五十八條第二款" and "art. 58" all give "art58"; "Annex 1,
// Table 2" and "附件1表2" give "annex1" and "table2".
//
// The indexer stores each key of a provision's citations as a boolean term (schema::kCitationTerm),
// and the query fields cite: and art: look them up, so a citation in either language finds the
// provision in both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provisio {

// The keys found in `citation`, in order, without duplicates: art<N>, ch<N>, s<N>, annex<N>,
// table<N>, para<N>, item<N>, sector<code>. A bare number (as in "art:58") gives art<N>. Items
// numbered in Roman numerals ("Article 68(v)", "item (vi)") and in brackets (第（五）項) give
// item<N>; a services sector code ("sector 1.F.e", "1.F.e") gives sector<code> in lower case
// ("sector1.f.e"), "sector 11" and 第11部門 give sector11.
std::vector<std::string> citation_keys(std::string_view citation);

// The value of a number written in Arabic digits (full-width too) or Chinese numerals up to the
// thousands (五十八, 一百零三, 兩千); nullopt if `text` is not entirely such a number.
std::optional<int> parse_number(std::string_view text);

}  // namespace provisio
