#include "snippet.h"

#include <algorithm>
#include <map>

namespace provisio {

namespace {

// Byte offsets at which each code point of `text` starts, plus text.size() at the end.
std::vector<std::size_t> char_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

void collect_highlights(const Xapian::Query& q, QueryHighlights& out) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
      out.terms.insert(*q.get_terms_begin());
      return;
    case Xapian::Query::OP_PHRASE: {
      std::vector<std::string> phrase;
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) break;  // not a plain phrase: its terms alone
        phrase.push_back(*sub.get_terms_begin());
      }
      if (phrase.size() == q.get_num_subqueries() && phrase.size() > 1) {
        out.phrases.push_back(std::move(phrase));
        return;
      }
      break;
    }
    case Xapian::Query::OP_AND_NOT:
      // Only the left side matched; the right side is what the hit does not have.
      if (q.get_num_subqueries() > 0) collect_highlights(q.get_subquery(0), out);
      return;
    default:
      break;
  }
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) collect_highlights(q.get_subquery(i), out);
}

// Byte ranges of `tokens` that match `query`, in text order (may overlap).
std::vector<std::pair<std::size_t, std::size_t>> matched_ranges(const std::vector<Analyzer::Token>& tokens,
                                                                 const QueryHighlights& query) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::map<Xapian::termpos, std::vector<const Analyzer::Token*>> at;  // positional tokens by position
  for (const auto& token : tokens) {
    if (token.position) at[token.position].push_back(&token);
    if (query.terms.count(token.term) || (token.stem.size() > 1 && query.terms.count(token.stem)))
      ranges.emplace_back(token.begin, token.end);
  }
  for (const auto& phrase : query.phrases)
    for (const auto& [first_pos, first_tokens] : at) {
      std::size_t begin = std::string::npos, end = 0;
      bool whole = true;
      for (std::size_t i = 0; i < phrase.size() && whole; ++i) {
        auto here = at.find(first_pos + static_cast<Xapian::termpos>(i));
        whole = false;
        if (here == at.end()) break;
        for (const auto* t : here->second)
          if (t->term == phrase[i]) {
            begin = std::min(begin, t->begin);
            end = std::max(end, t->end);
            whole = true;
          }
      }
      if (whole) ranges.emplace_back(begin, end);
    }
  std::sort(ranges.begin(), ranges.end());
  return ranges;
}

}  // namespace

QueryHighlights query_highlights(const Xapian::Query& query) {
  QueryHighlights out;
  collect_highlights(query, out);
  return out;
}

Snippet make_snippet(Analyzer& analyzer, std::string_view text, const std::set<std::string>& query_terms,
                     std::size_t max_chars) {
  return make_snippet(analyzer, text, QueryHighlights{query_terms, {}}, max_chars);
}

Snippet make_snippet(Analyzer& analyzer, std::string_view text, const QueryHighlights& query,
                     std::size_t max_chars) {
  // Matched byte ranges, merged where they touch or overlap (a Chinese match is a chain of bigrams).
  std::vector<std::pair<std::size_t, std::size_t>> matches;
  for (const auto& [b, e] : matched_ranges(analyzer.tokenize(text), query)) {
    if (!matches.empty() && b <= matches.back().second)
      matches.back().second = std::max(matches.back().second, e);
    else
      matches.emplace_back(b, e);
  }

  auto starts = char_starts(text);
  std::size_t n_chars = starts.size() - 1;
  auto char_index = [&](std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) - starts.begin());
  };

  // Slide a window of max_chars characters to the position covering the most matches; start it a
  // little before the first match it holds so the reader sees some context.
  std::size_t best_first = 0, best_count = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    std::size_t start = char_index(matches[i].first);
    std::size_t count = 0;
    for (std::size_t j = i; j < matches.size() && char_index(matches[j].second) <= start + max_chars; ++j)
      ++count;
    if (count > best_count) {
      best_count = count;
      best_first = start;
    }
  }
  std::size_t from = 0;
  if (best_count > 0 && n_chars > max_chars) {
    std::size_t lead = max_chars / 5;
    from = best_first > lead ? best_first - lead : 0;
    from = std::min(from, n_chars - max_chars);
    // Prefer to begin at a word boundary: move forward past a partial word, a little at most.
    for (std::size_t k = from, limit = std::min(from + 12, best_first); from > 0 && k < limit; ++k)
      if (text[starts[k]] == ' ') {
        from = k + 1;
        break;
      }
  }
  std::size_t to = std::min(n_chars, from + max_chars);

  Snippet s;
  std::size_t begin = starts[from], end = starts[to];
  std::string prefix = from > 0 ? "…" : "";
  s.text = prefix + std::string(text.substr(begin, end - begin)) + (to < n_chars ? "…" : "");
  for (const auto& [mb, me] : matches) {
    if (me <= begin || mb >= end) continue;
    std::size_t b = std::max(mb, begin) - begin + prefix.size();
    std::size_t e = std::min(me, end) - begin + prefix.size();
    s.highlights.emplace_back(b, e);
  }
  return s;
}

std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  std::size_t at = 0;
  for (const auto& [b, e] : snippet.highlights) {
    out.append(snippet.text, at, b - at);
    out.append(open);
    out.append(snippet.text, b, e - b);
    out.append(close);
    at = e;
  }
  out.append(snippet.text, at, std::string::npos);
  return out;
}

}  // namespace provisio
