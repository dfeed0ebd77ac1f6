// The query side of Analyzer: rewriting a user's query for Xapian::QueryParser, and expanding
// glossary concepts (see analyzer.h).
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "analyzer.h"
#include "analyzer_internal.h"

namespace provisio {

namespace {

bool is_space(const FoldedChar& fc) {
  return fc.code == 0 || fc.code == U'\t' || fc.code == U'\n' || fc.code == U'\r' ||
         Xapian::Unicode::get_category(fc.code) == Xapian::Unicode::SPACE_SEPARATOR;
}

bool is_word_char(char32_t c) { return c && Xapian::Unicode::is_wordchar(c); }

bool is_operator(const std::string& chunk) {
  static const std::set<std::string> ops = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  if (ops.count(chunk)) return true;
  // NEAR/3, ADJ/2
  auto slash = chunk.find('/');
  return slash != std::string::npos && (chunk.compare(0, slash, "NEAR") == 0 || chunk.compare(0, slash, "ADJ") == 0) &&
         slash + 1 < chunk.size() && chunk.find_first_not_of("0123456789", slash + 1) == std::string::npos;
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
  bool negated = false;  // the next item follows NOT or '-', or is '+'-marked
  QueryItem::Negation negation = QueryItem::kNone;  // the next item follows NOT or '-'
  std::size_t i = 0;
  std::size_t item_begin = 0;
  auto push = [&](QueryItem item) {
    item.begin = item_begin;
    item.end = i;
    if (item.kind == QueryItem::kWord || item.kind == QueryItem::kHanWord) item.expandable = !negated;
    if (item.kind == QueryItem::kWord || item.kind == QueryItem::kHanWord || item.kind == QueryItem::kPhrase)
      item.negation = negation;
    if (item.kind != QueryItem::kMark && !(item.kind == QueryItem::kSyntax && item.out == "NOT")) {
      negated = false;
      negation = QueryItem::kNone;
    }
    items.push_back(std::move(item));
  };
  while (i < n) {
    const FoldedChar& c = chars[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    item_begin = i;
    bool at_start = i == 0 || is_space(chars[i - 1]) || chars[i - 1].code == U'(';
    if (c.code == U'"') {
      // A phrase: Chinese runs become their bigrams; nothing inside is expanded.
      std::string out = "\"";
      std::size_t j = i + 1;
      std::string phrase_text;
      while (j < n && chars[j].code != U'"') phrase_text += chars[j++].folded;
      j = i + 1;
      while (j < n && chars[j].code != U'"') {
        if (chars[j].han) {
          std::size_t k = j;
          while (k < n && chars[k].han) ++k;
          out += " " + bigram_text(chars, j, k) + " ";
          j = k;
        } else {
          std::size_t k = j;
          while (k < n && !chars[k].han && chars[k].code != U'"') ++k;
          out += query_text(chars, j, k);
          j = k;
        }
      }
      out += "\"";
      QueryItem phrase = QueryItem::make(QueryItem::kPhrase, out);
      phrase.phrase_text = std::move(phrase_text);
      push(std::move(phrase));
      i = j < n ? j + 1 : j;
      continue;
    }
    if (c.code == U'(' || c.code == U')') {
      push(QueryItem::make(QueryItem::kSyntax, c.folded));
      ++i;
      continue;
    }
    if ((c.code == U'+' || c.code == U'-') && at_start && i + 1 < n && !is_space(chars[i + 1])) {
      negated = true;
      if (c.code == U'-') negation = QueryItem::kHate;
      push(QueryItem::make(QueryItem::kMark, c.folded));
      ++i;
      continue;
    }
    if (c.han) {
      std::size_t j = i;
      while (j < n && chars[j].han) ++j;
      bool marked = !items.empty() && items.back().kind == QueryItem::kMark;
      if (marked) {
        // Love/hate (+/-) applies to one term or phrase: the run becomes an exact phrase.
        QueryItem phrase = QueryItem::make(QueryItem::kPhrase, "\"" + bigram_text(chars, i, j) + "\"");
        for (std::size_t k = i; k < j; ++k) phrase.phrase_text += chars[k].folded;
        push(std::move(phrase));
        i = j;
        continue;
      }
      run_.clear();
      for (std::size_t k = i; k < j; ++k) run_ += chars[k].code;
      lengths_.clear();
      segmenter_.segment_han(run_, lengths_);
      // Queries are cut finer than texts: a long word that is not a domain word and is made of
      // two words (認可實驗室 = 認可 + 實驗室) is searched as both, so that each can match and be
      // expanded (實驗室 -> 實驗所); the token as typed still ranks first (its phrase).
      {
        const Lexicon& lex = segmenter_.lexicon();
        std::vector<std::size_t> finer;
        std::size_t at = 0;
        for (std::size_t len : lengths_) {
          std::u32string_view word = std::u32string_view(run_).substr(at, len);
          const Lexicon::Entry* e = len >= 3 ? lex.find(word) : nullptr;
          std::size_t split = 0;
          // (Two lexicon words make at most twice the longest one: longer words, such as a long
          // run of numerals, are not tried, which kept this quadratic in their length.)
          if (len >= 4 && len <= 2 * lex.max_length() && !(e && e->domain))
            for (std::size_t k = len - 2; k >= 2 && !split; --k) {
              const Lexicon::Entry* head = lex.find(word.substr(0, k));
              const Lexicon::Entry* tail = lex.find(word.substr(k));
              if (head && head->word && tail && tail->word) split = k;
            }
          if (split) {
            finer.push_back(split);
            finer.push_back(len - split);
          } else {
            finer.push_back(len);
          }
          at += len;
        }
        lengths_ = std::move(finer);
      }
      std::size_t at = i;
      for (std::size_t len : lengths_) {
        std::string word;
        for (std::size_t k = at; k < at + len; ++k) word += chars[k].folded;
        // The word (stemmed by QueryParser into its "Z" word term) or, for recall, its bigrams
        // in sequence (or the character itself).
        item_begin = at;
        i = at + len;
        QueryItem item = QueryItem::make(QueryItem::kHanWord, "(" + word + " OR \"" + bigram_text(chars, at, at + len) + "\")", word);
        item.han = word;
        push(std::move(item));
        at += len;
      }
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
      push(QueryItem::make(QueryItem::kField, std::string(query.substr(chars[i].begin, chars[k - 1].end - chars[i].begin))));
      i = k;
      continue;
    }
    std::string chunk;
    for (std::size_t k = i; k < j; ++k) chunk += chars[k].folded;
    std::size_t chunk_begin = i;
    i = j;
    if (is_operator(chunk)) {
      push(QueryItem::make(QueryItem::kSyntax, chunk));
      if (chunk == "NOT") {
        negated = true;
        negation = QueryItem::kNot;
      }
      continue;
    }
    // The key: the chunk's word when it is one word as the tokenizer splits it (at&t, c++, ccc
    // from C.C.C.), with its stem; otherwise the chunk without surrounding punctuation,
    // lower-case, and no stem.
    std::vector<Word> words;
    Tokenizer::split_words(chars, chunk_begin, j, words);
    std::string key, stem;
    if (words.size() == 1) {
      key = words[0].term;
      stem = stemmer_(key);
    } else if (!words.empty()) {
      std::size_t kb = chunk_begin, ke = j;
      while (kb < ke && !is_word_char(chars[kb].code)) ++kb;
      while (ke > kb && !is_word_char(chars[ke - 1].code)) --ke;
      for (std::size_t k = kb; k < ke; ++k) key += chars[k].folded;
      key = Xapian::Unicode::tolower(key);
    }
    chunk = query_text(chars, chunk_begin, j);
    QueryItem item = QueryItem::make(QueryItem::kWord, chunk, key, stem);
    if (words.empty()) item.kind = QueryItem::kSyntax;  // punctuation only: QueryParser ignores it
    push(std::move(item));
  }
  // A query of excluded words only ("-CCC"): QueryParser would drop the '-' and search for the
  // word, so the marks are read as NOT, which (with FLAG_PURE_NOT) excludes from everything.
  bool positive = false, hated = false;
  for (const auto& item : items) {
    bool content = item.kind == QueryItem::kWord || item.kind == QueryItem::kHanWord ||
                   item.kind == QueryItem::kPhrase || item.kind == QueryItem::kField;
    if (content && item.negation == QueryItem::kNone) positive = true;
    if (item.negation == QueryItem::kHate) hated = true;
  }
  if (hated && !positive)
    for (std::size_t k = 0; k + 1 < items.size(); ++k)
      if (items[k].kind == QueryItem::kMark && items[k].out == "-" && items[k + 1].negation == QueryItem::kHate) {
        items[k].kind = QueryItem::kSyntax;
        items[k].out = "NOT";
        items[k + 1].negation = QueryItem::kNot;
      }
  // Tokens written without spaces (檢測認證, 3C認證, CMA標誌, 第58條): their words and the whole
  // token as a phrase of its positional terms, so that the token as typed ranks first.
  int runs = 0;
  for (std::size_t k = 0; k < items.size();) {
    auto is_word = [&](std::size_t x) { return items[x].kind == QueryItem::kWord || items[x].kind == QueryItem::kHanWord; };
    if (!is_word(k)) {
      ++k;
      continue;
    }
    std::size_t end = k + 1;
    while (end < items.size() && is_word(end) && items[end].begin == items[end - 1].end) ++end;
    int run = runs++;
    std::string phrase;
    std::vector<FoldedChar> han_chars;
    auto flush_han = [&] {
      if (han_chars.empty()) return;
      phrase += (phrase.empty() ? "" : " ") + bigram_text(han_chars, 0, han_chars.size());
      han_chars.clear();
    };
    for (std::size_t x = k; x < end; ++x) {
      items[x].run = run;
      if (items[x].kind == QueryItem::kHanWord) {
        for (std::size_t c = items[x].begin; c < items[x].end; ++c) han_chars.push_back(chars[c]);
      } else {
        flush_han();
        phrase += (phrase.empty() ? "" : " ") + items[x].out;
      }
    }
    flush_han();
    if (end - k > 1) items[k].run_phrase = "\"" + phrase + "\"";
    k = end;
  }
  return items;
}

std::string Analyzer::query_text(const std::vector<FoldedChar>& chars, std::size_t begin, std::size_t end) {
  std::vector<Word> words;
  Tokenizer::split_words(chars, begin, end, words);
  std::string out;
  std::size_t k = begin;
  for (const auto& w : words) {
    for (; k < w.kept_end; ++k) out += chars[k].folded;
    k = std::max(k, w.last + 1);  // the part of an over-long word that the tokenizer cuts off
  }
  for (; k < end; ++k) out += chars[k].folded;
  return out;
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
  end_document();
  std::map<Xapian::termpos, std::string> by_pos;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
      if (by_pos[*p].size() < (*t).size()) by_pos[*p] = *t;  // a bigram, not the run's edge character
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

namespace {

// Analyses form `k` of `forms` (Analyzer::ConceptForm) and the other forms of its group, in
// order, with `analyse` (which fills keys, stems and query); then decides which are kept.
template <class Forms, class Analyse>
void analyse_group(Forms& forms, std::size_t k, const Analyse& analyse) {
  const std::size_t concept_index = forms[k].concept_index;
  const std::vector<std::string> han = forms[k].han;
  for (std::size_t m = 0; m < forms.size(); ++m) {
    auto& f = forms[m];
    if (f.analysed || f.concept_index != concept_index || f.han != han) continue;
    f.analysed = true;
    analyse(f);
    if (f.keys.empty() || f.query.empty()) continue;
    std::string serialised = f.query.serialise();
    f.kept = std::none_of(forms.begin(), forms.begin() + static_cast<std::ptrdiff_t>(m), [&](const auto& e) {
      return e.kept && e.concept_index == concept_index && e.query.serialise() == serialised;
    });
  }
}

}  // namespace

void Analyzer::load_concepts() {
  if (concepts_loaded_) return;
  concepts_loaded_ = true;
  auto glossary = Glossary::standard();
  const auto& concepts = glossary->concepts();
  for (std::size_t c = 0; c < concepts.size(); ++c)
    for (const auto& form : concepts[c].forms) {
      ConceptForm f;
      f.concept_index = c;
      f.text = form.text;
      for (const auto& fc : folder_.fold_chars(form.text)) {
        if (fc.han && !fc.folded.empty()) f.han.push_back(fc.folded);
        else if (!fc.han && !is_space(fc) && !is_word_char(fc.code)) f.plain = false;
      }
      std::sort(f.han.begin(), f.han.end());
      f.han.erase(std::unique(f.han.begin(), f.han.end()), f.han.end());
      forms_.push_back(std::move(f));
    }
}

std::string Analyzer::prepare_query(std::string_view query) { return rewrite(query, false); }

std::string Analyzer::rewrite(std::string_view query, bool expand) {
  last_rewrite_.reset();
  auto items = lex_query(query);
  // Glossary forms are analysed when a query may name them (ConceptForm).
  auto analyse = [this](ConceptForm& f) {
    for (const auto& item : lex_query(f.text))
      if (!item.key.empty()) {
        f.keys.push_back(item.key);
        f.stems.push_back(item.stem);
      }
    f.query = form_query(f.text);
  };
  auto analyse_concept = [&](std::size_t concept_index) {
    for (std::size_t k = 0; k < forms_.size(); ++k)
      if (forms_[k].concept_index == concept_index) analyse_group(forms_, k, analyse);
  };
  const std::size_t n = items.size();
  // Concepts named in the query: at each place, the longest form (in words) of any concept.
  std::vector<std::size_t> concept_end(n, 0), concept_id(n, 0);
  if (expand) {
    load_concepts();
    // The forms the query may name (ConceptForm): every form without Chinese or whose Chinese need
    // not be in its keys, and the Chinese forms whose characters the query holds.
    std::set<std::string> query_han;
    for (const auto& fc : folder_.fold_chars(query))
      if (fc.han) query_han.insert(fc.folded);
    for (std::size_t k = 0; k < forms_.size(); ++k) {
      const ConceptForm& f = forms_[k];
      if (!f.analysed && (f.han.empty() || !f.plain || std::includes(query_han.begin(), query_han.end(), f.han.begin(), f.han.end())))
        analyse_group(forms_, k, analyse);
    }
    expansions_.clear();
    expanded_concepts_.clear();
    // Where each token written without spaces starts and ends (items), to keep a concept from
    // cutting one. Runs are numbered in order from 0, each a contiguous range of items.
    std::vector<std::pair<std::size_t, std::size_t>> run_span;
    for (std::size_t k = 0; k < n; ++k)
      if (items[k].run >= 0) {
        auto run = static_cast<std::size_t>(items[k].run);
        if (run >= run_span.size()) run_span.resize(run + 1, {k, k + 1});
        run_span[run].second = k + 1;
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
    auto is_number = [&](std::size_t k) {
      return k < n && items[k].expandable && !items[k].key.empty() &&
             items[k].key.find_first_not_of("0123456789") == std::string::npos;
    };
    auto key_is = [&](std::size_t k, const char* key) { return k < n && items[k].expandable && items[k].key == key; };
    auto phrase = [](std::vector<std::string> terms) {
      std::vector<Xapian::Query> q(terms.begin(), terms.end());
      return Xapian::Query(Xapian::Query::OP_PHRASE, q.begin(), q.end(), static_cast<Xapian::termcount>(q.size()));
    };
    for (std::size_t at = 0; at < n;) {
      // Article citations in either language: "Article 58" <-> "第58條".
      std::size_t cite_end = 0;
      Xapian::Query cite;
      if (key_is(at, "article") && is_number(at + 1)) {
        cite_end = at + 2;
        cite = phrase({"第", items[at + 1].key, "条"});
      } else if (key_is(at, "第") && is_number(at + 1) && key_is(at + 2, "条")) {
        cite_end = at + 3;
        cite = phrase({"article", items[at + 1].key});
      }
      if (cite_end) {
        concept_end[at] = cite_end;
        concept_id[at] = expansions_.size();
        expansions_.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, cite, kExpansionWeight);
        at = cite_end;
        continue;
      }
      const ConceptForm* best = nullptr;
      for (const auto& f : forms_)
        if (f.kept && (!best || f.keys.size() > best->keys.size()) && matches(f, at)) best = &f;
      std::size_t end = best ? at + best->keys.size() : at;
      // Only the runs holding the concept's first and last items can stick out of it (any other
      // run it touches lies inside it): checking those two keeps this linear in the query (every
      // run at every position was quadratic in a long text).
      bool cuts_run = false;
      for (std::size_t edge : {at, end - 1}) {
        if (!best || items[edge].run < 0) continue;
        auto span = run_span[static_cast<std::size_t>(items[edge].run)];
        bool nested = (span.first <= at && end <= span.second) || (at <= span.first && span.second <= end);
        if (!nested) cuts_run = true;
      }
      if (!best || cuts_run) {
        ++at;
        continue;
      }
      // Every other form of the concept; the literal words are left to QueryParser.
      analyse_concept(best->concept_index);
      std::vector<Xapian::Query> others;
      for (const auto& f : forms_) {
        if (!f.kept || f.concept_index != best->concept_index) continue;
        if (matches(f, at) && f.keys.size() == best->keys.size()) continue;
        others.push_back(f.query);
      }
      if (!others.empty()) {
        const std::string& id = Glossary::standard()->concepts()[best->concept_index].id;
        if (std::find(expanded_concepts_.begin(), expanded_concepts_.end(), id) == expanded_concepts_.end())
          expanded_concepts_.push_back(id);
        concept_end[at] = end;
        concept_id[at] = expansions_.size();
        expansions_.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()), kExpansionWeight);
      }
      at = end;
    }
  }
  // Excluded words and phrases that name a concept: the concept's other forms are excluded too
  // (NOT testing also excludes 檢測; -"Greater Bay Area" also 大灣區).
  std::vector<std::size_t> negated_id(n, 0);
  std::vector<bool> negated_concept(n, false);
  for (std::size_t k = 0; expand && k < n; ++k) {
    const QueryItem& item = items[k];
    if (item.negation == QueryItem::kNone) continue;
    std::vector<std::string> keys, stems;
    if (item.kind == QueryItem::kPhrase) {
      for (const auto& inner : lex_query(item.phrase_text))
        if (!inner.key.empty()) {
          keys.push_back(inner.key);
          stems.push_back(inner.stem);
        }
    } else if (!item.key.empty()) {
      keys.push_back(item.key);
      stems.push_back(item.stem);
    }
    if (keys.empty()) continue;
    auto same = [&](const ConceptForm& f) {
      if (f.keys.size() != keys.size()) return false;
      for (std::size_t x = 0; x < keys.size(); ++x)
        if (f.keys[x] != keys[x] && (stems[x].empty() || stems[x] != f.stems[x])) return false;
      return true;
    };
    const ConceptForm* named = nullptr;
    for (const auto& f : forms_)
      if (f.kept && same(f)) {
        named = &f;
        break;
      }
    if (!named) continue;
    analyse_concept(named->concept_index);
    std::vector<Xapian::Query> others;
    for (const auto& f : forms_)
      if (f.kept && f.concept_index == named->concept_index && !same(f)) others.push_back(f.query);
    if (others.empty()) continue;
    negated_concept[k] = true;
    negated_id[k] = expansions_.size();
    expansions_.emplace_back(Xapian::Query::OP_OR, others.begin(), others.end());
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
      std::size_t concept_stop = concept_end[k], run_stop = k;
      if (!items[k].run_phrase.empty())
        while (run_stop < n && items[run_stop].run == items[k].run) ++run_stop;
      bool can_concept = (k != a || concept_ok) && concept_stop && concept_stop <= b;
      bool can_run = (k != a || run_ok) && run_stop > k && run_stop <= b;
      // The larger of a concept and a token starting here encloses the other.
      if (can_concept && (!can_run || concept_stop >= run_stop)) {
        append("(" + emit(k, concept_stop, false, run_stop <= concept_stop) + " OR " + kGlossaryField + ":" +
               std::to_string(concept_id[k]) + ")");
        k = concept_stop;
        continue;
      }
      if (can_run) {
        append("((" + emit(k, run_stop, concept_stop < run_stop, false) + ") OR " + items[k].run_phrase + ")");
        k = run_stop;
        continue;
      }
      if (negated_concept[k]) {
        std::string others = std::string(kGlossaryField) + ":" + std::to_string(negated_id[k]);
        if (items[k].negation == QueryItem::kHate) {
          append(items[k].out);
          append("-" + others);
        } else {
          append("(" + items[k].out + " OR " + others + ")");
        }
        ++k;
        continue;
      }
      append(items[k].out, items[k].kind == QueryItem::kMark);
      ++k;
    }
    return out;
  };
  return emit(0, n, true, true);
}

void Analyzer::configure_query_parser(Xapian::QueryParser& qp) const {
  qp.set_stemmer(stemmer_);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_stopper(stopper_.get());
}

Xapian::Query Analyzer::parse_query(Xapian::QueryParser& qp, std::string_view query, unsigned flags) {
  if (!last_rewrite_ || last_rewrite_->first != query) {
    std::string rewritten = rewrite(query, true);
    last_rewrite_.emplace(std::string(query), std::move(rewritten));
  }
  const std::string& rewritten = last_rewrite_->second;
  if (!processor_) processor_ = std::make_unique<ExpansionProcessor>(expansions_);
  try {
    qp.add_prefix(kGlossaryField, processor_.get());
  } catch (const Xapian::InvalidOperationError&) {
    // Already registered on this QueryParser by an earlier call.
  }
  return qp.parse_query(rewritten, flags);
}

}  // namespace provisio
