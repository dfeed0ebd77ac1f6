// The query side of Analyzer: rewriting a user's query for Xapian::QueryParser, and expanding
// glossary concepts (see analyzer.h).
#include <functional>
#include <map>
#include <set>

#include "analyzer.h"
#include "analyzer_internal.h"

namespace provisio {

namespace {

bool is_space(const FoldedChar& fc) { return fc.code == 0 || Xapian::Unicode::get_category(fc.code) == Xapian::Unicode::SPACE_SEPARATOR || fc.code == U'\t' || fc.code == U'\n' || fc.code == U'\r'; }

bool is_word_char(char32_t c) { return c && Xapian::Unicode::is_wordchar(c); }

bool is_operator(const std::string& chunk) {
  static const std::set<std::string> ops = {"AND", "OR", "NOT", "XOR"};
  return ops.count(chunk) || chunk.rfind("NEAR", 0) == 0 || chunk.rfind("ADJ", 0) == 0;
}

// Bigrams of a Chinese run, space-separated (the character itself for a one-character run).
std::string bigram_text(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end) {
  if (end - begin == 1) return chars[begin].folded;
  std::string out;
  for (std::size_t k = begin; k + 1 < end; ++k) {
    if (!out.empty()) out += ' ';
    out += chars[k].folded + chars[k + 1].folded;
  }
  return out;
}

}  // namespace

std::vector<Analyzer::QueryItem> Analyzer::lex_query(std::string_view query) {
  auto chars = folder_.fold_chars(query);
  const std::size_t n = chars.size();
  std::vector<QueryItem> items;
  int runs = 0;
  bool negated = false;  // the next item follows NOT or '-', or is '+'-marked
  std::size_t i = 0;
  auto push = [&](QueryItem item) {
    if (item.kind == QueryItem::kWord || item.kind == QueryItem::kHanWord) item.expandable = !negated;
    if (item.kind != QueryItem::kMark && !(item.kind == QueryItem::kSyntax && item.out == "NOT")) negated = false;
    items.push_back(std::move(item));
  };
  while (i < n) {
    const FoldedChar& c = chars[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    bool at_start = i == 0 || is_space(chars[i - 1]) || chars[i - 1].code == U'(';
    if (c.code == U'"') {
      // A phrase: Chinese runs become their bigrams; nothing inside is expanded.
      std::string out = "\"";
      std::size_t j = i + 1;
      while (j < n && chars[j].code != U'"') {
        if (chars[j].han) {
          std::size_t k = j;
          while (k < n && chars[k].han) ++k;
          out += " " + bigram_text(chars, j, k) + " ";
          j = k;
        } else {
          out += chars[j++].folded;
        }
      }
      out += "\"";
      push({QueryItem::kPhrase, out, "", "", false, -1, ""});
      i = j < n ? j + 1 : j;
      continue;
    }
    if (c.code == U'(' || c.code == U')') {
      push({QueryItem::kSyntax, c.folded, "", "", false, -1, ""});
      ++i;
      continue;
    }
    if ((c.code == U'+' || c.code == U'-') && at_start && i + 1 < n && !is_space(chars[i + 1])) {
      negated = true;
      push({QueryItem::kMark, c.folded, "", "", false, -1, ""});
      ++i;
      continue;
    }
    if (c.han) {
      std::size_t j = i;
      while (j < n && chars[j].han) ++j;
      bool marked = !items.empty() && items.back().kind == QueryItem::kMark;
      if (marked) {
        // Love/hate (+/-) applies to one term or phrase: the run becomes an exact phrase.
        push({QueryItem::kPhrase, "\"" + bigram_text(chars, i, j) + "\"", "", "", false, -1, ""});
        i = j;
        continue;
      }
      run_.clear();
      for (std::size_t k = i; k < j; ++k) run_ += chars[k].code;
      lengths_.clear();
      segmenter_.segment_han(run_, lengths_);
      int run = runs++;
      std::size_t first_item = items.size();
      std::size_t at = i;
      for (std::size_t len : lengths_) {
        std::string word;
        for (std::size_t k = at; k < at + len; ++k) word += chars[k].folded;
        // The word (stemmed by QueryParser into its "Z" word term) or, for recall, its bigrams
        // in sequence (or the character itself).
        push({QueryItem::kHanWord, "(" + word + " OR \"" + bigram_text(chars, at, at + len) + "\")", word, "",
              false, run, ""});
        at += len;
      }
      if (lengths_.size() > 1) items[first_item].run_phrase = "\"" + bigram_text(chars, i, j) + "\"";
      i = j;
      continue;
    }
    // A chunk of other characters up to a space, quote, parenthesis or Chinese character.
    std::size_t j = i;
    while (j < n && !is_space(chars[j]) && !chars[j].han && chars[j].code != U'"' && chars[j].code != U'(' &&
           chars[j].code != U')')
      ++j;
    // field:value is passed on exactly as typed, with its quoted or bracketed value.
    std::size_t colon = i;
    while (colon < j && chars[colon].code < 0x80 && (std::isalnum(static_cast<int>(chars[colon].code)) || chars[colon].code == U'_')) ++colon;
    if (colon > i && colon < n && chars[colon].code == U':' && colon + 1 < n && !is_space(chars[colon + 1])) {
      std::size_t k = colon + 1;
      if (chars[k].code == U'"') {
        ++k;
        while (k < n && chars[k].code != U'"') ++k;
        if (k < n) ++k;
      } else if (chars[k].code == U'(') {
        int depth = 0;
        for (; k < n; ++k) {
          if (chars[k].code == U'(') ++depth;
          if (chars[k].code == U')' && --depth == 0) {
            ++k;
            break;
          }
        }
      } else {
        while (k < n && !is_space(chars[k]) && chars[k].code != U')') ++k;
      }
      push({QueryItem::kField, std::string(query.substr(chars[i].begin, chars[k - 1].end - chars[i].begin)), "", "",
            false, -1, ""});
      i = k;
      continue;
    }
    std::string chunk;
    for (std::size_t k = i; k < j; ++k) chunk += chars[k].folded;
    std::size_t chunk_begin = i;
    i = j;
    if (is_operator(chunk)) {
      push({QueryItem::kSyntax, chunk, "", "", false, -1, ""});
      if (chunk == "NOT") negated = true;
      continue;
    }
    // The key: the chunk without surrounding punctuation, lower-case; a dotted acronym (C.C.C.)
    // joined, as TermGenerator and QueryParser join it.
    std::size_t kb = chunk_begin, ke = j;
    while (kb < ke && !is_word_char(chars[kb].code)) ++kb;
    while (ke > kb && !is_word_char(chars[ke - 1].code)) --ke;
    bool acronym = ke - kb >= 3;
    for (std::size_t k = kb; acronym && k < ke; ++k)
      acronym = (k - kb) % 2 == 0 ? chars[k].code < 0x80 && std::isalpha(static_cast<int>(chars[k].code))
                                  : chars[k].code == U'.';
    std::string key;
    for (std::size_t k = kb; k < ke; k += acronym ? 2 : 1) key += chars[k].folded;
    key = Xapian::Unicode::tolower(key);
    bool simple = !key.empty();
    for (std::size_t k = kb; k < ke && !acronym; ++k)
      if (!is_word_char(chars[k].code)) simple = false;
    QueryItem item{QueryItem::kWord, chunk, key, simple ? stemmer_(key) : "", false, -1, ""};
    if (key.empty()) item.kind = QueryItem::kSyntax;  // punctuation only: QueryParser ignores it
    push(std::move(item));
  }
  return items;
}

std::vector<std::string> Analyzer::keys_of(std::string_view text) {
  std::vector<std::string> keys;
  for (const auto& item : lex_query(text))
    if (!item.key.empty()) keys.push_back(item.key);
  return keys;
}

Xapian::Query Analyzer::form_query(std::string_view form) {
  // The form as a phrase of the positional terms indexing gives it, so it matches wherever the
  // same words stand in a text; a one-word form also by its "Z" term (the Chinese word or the
  // English stem).
  Xapian::Document doc;
  begin_document(doc);
  index_text(form);
  doc_ = nullptr;
  std::map<Xapian::termpos, std::string> by_pos;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_pos[*p] = *t;
  std::vector<Xapian::Query> terms;
  for (const auto& [pos, term] : by_pos) terms.emplace_back(term);
  if (terms.empty()) return Xapian::Query();
  Xapian::Query q = terms.size() == 1 ? terms[0] : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
  auto items = lex_query(form);
  if (items.size() == 1 && items[0].kind == QueryItem::kHanWord)
    q = Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query("Z" + items[0].key));
  else if (items.size() == 1 && !items[0].stem.empty())
    q = Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query("Z" + items[0].stem));
  return q;
}

void Analyzer::load_concepts() {
  if (concepts_loaded_) return;
  concepts_loaded_ = true;
  auto glossary = Glossary::standard();
  const auto& concepts = glossary->concepts();
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    std::set<std::string> seen;
    for (const auto& form : concepts[c].forms) {
      ConceptForm f;
      f.concept_index = c;
      for (const auto& item : lex_query(form.text))
        if (!item.key.empty()) {
          f.keys.push_back(item.key);
          f.stems.push_back(item.stem);
        }
      f.query = form_query(form.text);
      if (f.keys.empty() || f.query.empty() || !seen.insert(f.query.serialise()).second) continue;
      forms_.push_back(std::move(f));
    }
  }
}

std::string Analyzer::prepare_query(std::string_view query) { return rewrite(query, false); }

std::string Analyzer::rewrite(std::string_view query, bool expand) {
  auto items = lex_query(query);
  const std::size_t n = items.size();
  // Concepts named in the query: at each place, the longest form (in words) of any concept.
  std::vector<std::size_t> concept_end(n, 0), concept_id(n, 0);
  if (expand) {
    load_concepts();
    expansions_.clear();
    // Where each Chinese run starts and ends (items), to keep a concept from cutting a run.
    std::map<int, std::pair<std::size_t, std::size_t>> run_span;
    for (std::size_t k = 0; k < n; ++k)
      if (items[k].run >= 0) {
        auto [it, added] = run_span.try_emplace(items[k].run, k, k + 1);
        if (!added) it->second.second = k + 1;
      }
    auto matches = [&](const ConceptForm& f, std::size_t at) {
      if (at + f.keys.size() > n) return false;
      for (std::size_t k = 0; k < f.keys.size(); ++k) {
        const QueryItem& item = items[at + k];
        if (!item.expandable) return false;
        bool same = item.key == f.keys[k] || (!item.stem.empty() && item.stem == f.stems[k]);
        if (!same) return false;
      }
      return true;
    };
    for (std::size_t at = 0; at < n;) {
      const ConceptForm* best = nullptr;
      for (const auto& f : forms_)
        if ((!best || f.keys.size() > best->keys.size()) && matches(f, at)) best = &f;
      std::size_t end = best ? at + best->keys.size() : at;
      bool cuts_run = false;
      for (const auto& [run, span] : run_span) {
        bool overlaps = span.first < end && at < span.second;
        bool nested = (span.first <= at && end <= span.second) || (at <= span.first && span.second <= end);
        if (overlaps && !nested) cuts_run = true;
      }
      if (!best || cuts_run) {
        ++at;
        continue;
      }
      // Every other form of the concept; the literal words are left to QueryParser.
      std::vector<Xapian::Query> others;
      for (const auto& f : forms_) {
        if (f.concept_index != best->concept_index) continue;
        if (matches(f, at) && f.keys.size() == best->keys.size()) continue;
        others.push_back(f.query);
      }
      if (!others.empty()) {
        concept_end[at] = end;
        concept_id[at] = expansions_.size();
        expansions_.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()), kExpansionWeight);
      }
      at = end;
    }
  }
  // Emits items [a, b): concepts as "(literal OR <field>:N)", multi-word Chinese runs as
  // "((words) OR "whole run as bigram phrase")" so that the run written as typed ranks first.
  std::function<std::string(std::size_t, std::size_t, bool, bool)> emit = [&](std::size_t a, std::size_t b,
                                                                              bool concept_ok, bool run_ok) {
    std::string out;
    bool glue = false;  // the last piece was a '+' or '-' mark: the next one follows it directly
    auto append = [&](const std::string& piece, bool mark = false) {
      if (!out.empty() && !glue) out += ' ';
      out += piece;
      glue = mark;
    };
    for (std::size_t k = a; k < b;) {
      if ((k != a || concept_ok) && concept_end[k] && concept_end[k] <= b) {
        append("(" + emit(k, concept_end[k], false, true) + " OR " + kGlossaryField + ":" +
               std::to_string(concept_id[k]) + ")");
        k = concept_end[k];
        continue;
      }
      if ((k != a || run_ok) && !items[k].run_phrase.empty()) {
        std::size_t end = k + 1;
        while (end < n && items[end].run == items[k].run) ++end;
        if (end <= b) {
          append("((" + emit(k, end, true, false) + ") OR " + items[k].run_phrase + ")");
          k = end;
          continue;
        }
      }
      append(items[k].out, items[k].kind == QueryItem::kMark);
      ++k;
    }
    return out;
  };
  return emit(0, n, true, true);
}

Xapian::Query Analyzer::parse_query(Xapian::QueryParser& qp, std::string_view query, unsigned flags) {
  std::string rewritten = rewrite(query, true);
  if (!processor_) processor_ = std::make_unique<ExpansionProcessor>(expansions_);
  try {
    qp.add_prefix(kGlossaryField, processor_.get());
  } catch (const Xapian::InvalidOperationError&) {
    // Already registered on this QueryParser by an earlier call.
  }
  return qp.parse_query(rewritten, flags);
}

}  // namespace provisio
