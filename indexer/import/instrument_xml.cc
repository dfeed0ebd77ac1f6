#include "instrument_xml.h"

#include <set>
#include <sstream>

#include "citations.h"
#include "topics.h"

namespace provisio::import {

namespace {

bool in_path(const OutlineNode& n, bool full) {
  if (n.kind == MarkerKind::Part || n.kind == MarkerKind::Chapter || n.kind == MarkerKind::Section) return full;
  return true;
}

void visit(const OutlineNode& node, std::vector<const OutlineNode*>& chain, bool full,
           std::vector<FlatProvision>& out) {
  chain.push_back(&node);
  bool may_hold_text = node.kind == MarkerKind::Item || node.kind == MarkerKind::Article ||
                       node.kind == MarkerKind::Annex || node.kind == MarkerKind::Table ||
                       node.kind == MarkerKind::Sector;
  if (may_hold_text && !node.text.empty()) {
    FlatProvision p;
    for (const OutlineNode* n : chain)
      if (in_path(*n, full)) p.path += (p.path.empty() ? "" : "/") + n->key;
    p.chain = chain;
    p.text = node.text;
    for (auto it = chain.rbegin(); it != chain.rend() && p.heading.empty(); ++it) p.heading = (*it)->heading;
    for (auto it = chain.rbegin(); it != chain.rend() && p.from.empty(); ++it) p.from = (*it)->effective;
    p.line = node.line;
    out.push_back(std::move(p));
  }
  for (const OutlineNode& child : node.children) visit(child, chain, full, out);
  chain.pop_back();
}

std::vector<FlatProvision> flatten_with(const Outline& outline, bool full) {
  std::vector<FlatProvision> out;
  if (!outline.preamble.empty()) out.push_back({"preamble", {}, outline.preamble, "", "", outline.preamble_line});
  std::vector<const OutlineNode*> chain;
  for (const OutlineNode& n : outline.top) visit(n, chain, full, out);
  if (!outline.closing.empty()) out.push_back({"closing", {}, outline.closing, "", "", outline.closing_line});
  return out;
}

long canonical_number(const std::string& s) {
  if (s.empty()) return -1;
  bool digits = true;
  for (char c : s) digits = digits && c >= '0' && c <= '9';
  if (digits) return std::stol(s);
  std::string lower = s;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.size() > 1 || lower == "i" || lower == "v" || lower == "x")
    if (long r = roman_value(lower)) return r;
  if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z') return lower[0] - 'a' + 1;
  if (lower.size() == 2 && lower[0] == lower[1] && lower[0] >= 'a' && lower[0] <= 'z') return lower[0] - 'a' + 27;
  return -1;
}

// How a division's number is compared: ordinals by value ("IV" = "4"), codes such as "1.F.e" as
// lower-case text without dots.
std::string division_key(const std::string& number) {
  if (long n = canonical_number(number); n >= 0) return "#" + std::to_string(n);
  std::string key;
  for (char c : number)
    if (c != '.' && c != ' ') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string division_key(const OutlineNode& n) {
  return n.kind == MarkerKind::Sector ? division_key(n.label) : "#" + std::to_string(n.number);
}

std::string special_citation(const std::string& path, const std::string& lang) {
  bool simplified = lang == "zh-Hans";
  if (path == "preamble") return lang == "en" ? "Preamble" : "序言";
  return lang == "en" ? "Closing formula" : (simplified ? "结语" : "結語");
}

std::string citation_of(const FlatProvision& p, const std::string& lang) {
  return p.chain.empty() ? special_citation(p.path, lang) : citation(p.chain, lang);
}

// Inserts `name` after the last child named one of `after` (or first, when there is none).
pugi::xml_node insert_after_last(pugi::xml_node parent, const char* name, std::initializer_list<const char*> after) {
  pugi::xml_node last;
  for (pugi::xml_node c : parent.children())
    for (const char* a : after)
      if (std::string(c.name()) == a) last = c;
  return last ? parent.insert_child_after(name, last) : parent.prepend_child(name);
}

pugi::xml_node child_with_lang(pugi::xml_node parent, const char* name, const std::string& lang) {
  for (pugi::xml_node c : parent.children(name))
    if (lang == c.attribute("lang").value()) return c;
  return {};
}

void add_lang_text(pugi::xml_node parent, const char* name, const std::string& lang, const std::string& text,
                   std::initializer_list<const char*> after) {
  if (text.empty() || child_with_lang(parent, name, lang)) return;
  pugi::xml_node n = insert_after_last(parent, name, after);
  n.append_attribute("lang") = lang.c_str();
  n.text().set(text.c_str());
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

class Merger {
 public:
  Merger(pugi::xml_document& doc, const std::string& lang, const InstrumentFacts& facts)
      : root_(doc.document_element()), lang_(lang), facts_(facts) {
    instrument_id_ = root_.attribute("id").value();
    index(root_);
  }

  MergeCounts merge(const Outline& outline) {
    for (const auto& [lang, title] : facts_.titles) add_lang_text(root_, "title", lang, title, {"title"});
    if (!facts_.source_href.empty()) {
      bool present = false;
      for (pugi::xml_node s : root_.children("source")) present |= facts_.source_href == s.attribute("href").value();
      if (!present) {
        pugi::xml_node s = insert_after_last(root_, "source", {"title", "short", "source"});
        s.append_attribute("href") = facts_.source_href.c_str();
        s.text().set(("Official " + lang_ + " text").c_str());
      }
    }
    std::string note = "Official " + lang_ + " wording imported with provisio import from " + facts_.source_name +
                       " (" + facts_.format + ").";
    bool noted = false;
    for (pugi::xml_node n : root_.children("note")) noted |= note == n.text().get();
    if (!noted) insert_after_last(root_, "note", {"title", "short", "source", "note"}).text().set(note.c_str());

    MergeCounts counts;
    for (const FlatProvision& p : flatten(outline)) {
      name_divisions(p.chain);
      auto found = by_canonical_.find(canonical_path(p.path));
      if (found != by_canonical_.end()) {
        update(found->second, p);
        ++counts.updated;
      } else {
        create(p);
        ++counts.added;
      }
    }
    return counts;
  }

 private:
  // Records the provisions (by canonical id) and divisions (by type and number) under `node`.
  void index(pugi::xml_node node) {
    for (pugi::xml_node c : node.children()) {
      if (std::string(c.name()) == "division") {
        divisions_[{c.attribute("type").value(), division_key(c.attribute("number").value())}].push_back(c);
      }
      if (std::string(c.name()) == "provision") {
        std::string id = c.attribute("id").value();
        std::string prefix = instrument_id_ + "/";
        if (id.rfind(prefix, 0) == 0) by_canonical_[canonical_path(id.substr(prefix.size()))] = c;
      } else if (std::string(c.name()) == "division") {
        index(c);
      }
    }
  }

  // Adds headings in the imported language to the divisions of `chain` that exist in the file.
  void name_divisions(const std::vector<const OutlineNode*>& chain) {
    pugi::xml_node parent = root_;
    for (const OutlineNode* n : chain) {
      if (!n->is_division()) break;
      pugi::xml_node d = find_division(parent, *n);
      if (!d) break;
      add_lang_text(d, "heading", lang_, n->heading, {"heading"});
      parent = d;
    }
  }

  std::string first_day(const FlatProvision& p) const {
    if (!p.from.empty()) return p.from;
    if (!facts_.version_from.empty()) return facts_.version_from;
    if (!facts_.effective.empty()) return facts_.effective;
    if (!facts_.signed_on.empty()) return facts_.signed_on;
    std::string effective = root_.attribute("effective").value();
    return effective.empty() ? root_.attribute("signed").value() : effective;
  }

  std::string heading_in(const FlatProvision& p, const std::string& lang) const {
    if (lang == lang_ && !p.heading.empty()) return p.heading;
    return citation_of(p, lang);
  }

  void update(pugi::xml_node provision, const FlatProvision& p) {
    add_lang_text(provision, "citation", lang_, citation_of(p, lang_), {"citation"});
    pugi::xml_node version;
    const std::string& day = p.from.empty() ? facts_.version_from : p.from;
    for (pugi::xml_node v : provision.children("version")) {
      if (!day.empty()) {
        std::string from = v.attribute("from").value(), to = v.attribute("to").value();
        if (from <= day && (to.empty() || day < to)) version = v;
      } else {
        version = v;  // the last one
      }
    }
    if (!version) version = provision.last_child();
    while (version && std::string(version.name()) != "version") version = version.previous_sibling();
    add_lang_text(version, "heading", lang_, heading_in(p, lang_), {"heading"});
    pugi::xml_node text;
    for (pugi::xml_node t : version.children("text"))
      if (lang_ == t.attribute("lang").value() && std::string("official") == t.attribute("kind").value()) text = t;
    if (!text) {
      text = insert_after_last(version, "text", {"heading", "text"});
      text.append_attribute("lang") = lang_.c_str();
      text.append_attribute("kind") = "official";
    }
    text.text().set(p.text.c_str());
  }

  // The file's only division of the same type and number as `n`, wherever it sits (a hand-made
  // file may put Article 58 under a chapter without a number), or a null node.
  pugi::xml_node unique_division(const OutlineNode& n) const {
    auto it = divisions_.find({division_type(n.kind), division_key(n)});
    return it != divisions_.end() && it->second.size() == 1 ? it->second.front() : pugi::xml_node();
  }

  // The child division of `parent` with the type and number of `d`, or a null node.
  pugi::xml_node find_division(pugi::xml_node parent, const OutlineNode& d) const {
    auto it = divisions_.find({division_type(d.kind), division_key(d)});
    if (it != divisions_.end())
      for (pugi::xml_node c : it->second)
        if (c.parent() == parent) return c;
    return {};
  }

  void create(const FlatProvision& p) {
    pugi::xml_node parent = root_;
    // Start below the innermost article or annex the file already has, if it has exactly one.
    std::size_t first = 0;
    for (std::size_t i = 0; i < p.chain.size(); ++i) {
      const OutlineNode* n = p.chain[i];
      if (n->kind != MarkerKind::Article && n->kind != MarkerKind::Annex && n->kind != MarkerKind::Sector) continue;
      if (pugi::xml_node d = unique_division(*n)) parent = d, first = i + 1;
    }
    for (std::size_t i = first; i < p.chain.size(); ++i) {
      const OutlineNode* n = p.chain[i];
      if (!n->is_division()) break;
      pugi::xml_node d = find_division(parent, *n);
      if (!d) {
        d = parent.append_child("division");
        d.append_attribute("type") = division_type(n->kind);
        std::string number = n->kind == MarkerKind::Sector ? n->label : std::to_string(n->number);
        d.append_attribute("number") = number.c_str();
        divisions_[{division_type(n->kind), division_key(*n)}].push_back(d);
        add_lang_text(d, "heading", lang_, n->heading, {"heading"});
      }
      parent = d;
    }
    pugi::xml_node provision = parent.append_child("provision");
    std::string id = instrument_id_ + "/" + p.path;
    provision.append_attribute("id") = id.c_str();
    add_lang_text(provision, "citation", "en", citation_of(p, "en"), {"citation"});
    if (lang_ != "en") add_lang_text(provision, "citation", lang_, citation_of(p, lang_), {"citation"});
    provision.append_child("topics").text().set(join(infer_topics(p.heading + " " + p.text, facts_.fallback_topics)).c_str());
    pugi::xml_node version = provision.append_child("version");
    version.append_attribute("from") = first_day(p).c_str();
    add_lang_text(version, "heading", "en", heading_in(p, "en"), {"heading"});
    if (lang_ != "en") add_lang_text(version, "heading", lang_, heading_in(p, lang_), {"heading"});
    pugi::xml_node text = version.append_child("text");
    text.append_attribute("lang") = lang_.c_str();
    text.append_attribute("kind") = "official";
    text.text().set(p.text.c_str());
    by_canonical_[canonical_path(p.path)] = provision;
  }

  pugi::xml_node root_;
  std::string lang_;
  const InstrumentFacts& facts_;
  std::string instrument_id_;
  std::map<std::string, pugi::xml_node> by_canonical_;
  std::map<std::pair<std::string, std::string>, std::vector<pugi::xml_node>> divisions_;  // (type, key) -> divisions
};

}  // namespace

std::string canonical_path(const std::string& path) {
  std::string out;
  std::stringstream segments(path);
  for (std::string s; std::getline(segments, s, '/');) {
    long n = canonical_number(s);
    out += (out.empty() ? "" : "/") + (n >= 0 ? "#" + std::to_string(n) : s);
  }
  return out;
}

std::vector<FlatProvision> flatten(const Outline& outline) {
  std::vector<FlatProvision> provisions = flatten_with(outline, false);
  std::set<std::string> seen;
  for (const auto& p : provisions)
    if (!seen.insert(p.path).second) {
      provisions = flatten_with(outline, true);
      break;
    }
  // A text that numbers the same unit twice (a restarted list the sequence check let through)
  // still gets unique ids: the later ones are suffixed -2, -3…
  std::map<std::string, int> uses;
  for (auto& p : provisions)
    if (int n = ++uses[p.path]; n > 1) p.path += "-" + std::to_string(n);
  return provisions;
}

void start_instrument(pugi::xml_document& doc, const InstrumentFacts& facts) {
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("instrument");
  root.append_attribute("id") = facts.id.c_str();
  root.append_attribute("kind") = facts.kind.c_str();
  root.append_attribute("signed") = facts.signed_on.c_str();
  if (!facts.effective.empty()) root.append_attribute("effective") = facts.effective.c_str();
  for (const char* lang : {"en", "zh-Hant", "zh-Hans"})
    if (auto it = facts.titles.find(lang); it != facts.titles.end())
      root.append_child("title").append_attribute("lang") = lang, root.last_child().text().set(it->second.c_str());
}

MergeCounts merge_outline(pugi::xml_document& doc, const Outline& outline, const std::string& lang,
                          const InstrumentFacts& facts) {
  Merger merger(doc, lang, facts);
  return merger.merge(outline);
}

}  // namespace provisio::import
