#include "corpus.h"

#include "relations.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "tidy.h"

namespace provisio {

namespace fs = std::filesystem;

const std::vector<std::string>& known_topics() {
  static const std::vector<std::string> topics = {
      "ccc",       "cma",        "mutual-recognition", "gba",         "accreditation",
      "conformity-assessment", "market-access", "promotion", "voluntary-certification",
      "inspection", "standards", "food-safety", "consultation"};
  return topics;
}

std::vector<std::string> language_fallbacks(const std::string& lang) {
  std::vector<std::string> order;
  for (const std::string& l : {lang, lang == "zh-Hans" ? std::string("zh-Hant") : lang, std::string("en"),
                               std::string("zh-Hant")})
    if (!l.empty() && std::find(order.begin(), order.end(), l) == order.end()) order.push_back(l);
  return order;
}

bool is_instrument_id(std::string_view id) {
  // Scanned, not matched with std::regex, whose matcher recurses once per character and
  // overflows the stack on a long id.
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty() || !lower_or_digit(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
}

std::size_t Corpus::provision_count() const {
  std::size_t n = 0;
  for (const auto& i : instruments) n += i.provisions.size();
  return n;
}

std::string Verification::status() const {
  if (checks.empty()) return unverified.empty() ? "not stated" : "unverified";
  return unverified.empty() ? "verified" : "partly verified";
}

std::size_t Corpus::version_count() const {
  std::size_t n = 0;
  for (const auto& i : instruments)
    for (const auto& p : i.provisions) n += p.versions.size();
  return n;
}

namespace {

const std::set<std::string> kDivisionTypes = {"part",  "chapter", "section", "article",
                                              "annex", "table",   "sector",  "item",
                                              "schedule", "question", "group"};

bool is_language(const std::string& lang) {
  return std::find(kLanguages.begin(), kLanguages.end(), lang) != kLanguages.end();
}

bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The part of a provision id after "instrument/": segments of [a-z0-9._-]+ joined by '/'.
bool is_id_path(std::string_view path) {
  bool segment_empty = true;
  for (char c : path) {
    if (c == '/') {
      if (segment_empty) return false;
      segment_empty = true;
    } else if (is_lower_or_digit(c) || c == '.' || c == '_' || c == '-') {
      segment_empty = false;
    } else {
      return false;
    }
  }
  return !segment_empty;
}

// Divisions nest part > chapter > section > article and a few levels more; anything deeper than
// this is refused rather than followed (deep nesting costs stack and a breadcrumb per provision).
constexpr std::size_t kMaxDivisionDepth = 64;

// The longest instrument or provision id, in bytes. Index terms hold an id and about 20 bytes more
// (schema.h: Q<id>@<from>#<lang>), and Xapian refuses terms over 245 bytes: a longer id passed the
// checks and then stopped `index` with Xapian's raw "Term too long".
constexpr std::size_t kMaxIdBytes = 200;

// The largest corpus file read (the largest agreement is a few megabytes of XML).
constexpr std::uintmax_t kMaxCorpusFileBytes = 256u << 20;

// Everything one file's parse needs to report problems at the right place.
class FileParser {
 public:
  FileParser(std::string path, Diagnostics& diagnostics)
      : path_(std::move(path)), diagnostics_(diagnostics) {}

  // Parses the file. Its text is released afterwards: the parser is kept until every file is
  // read (check_refs), and holding every file's text at once would double the peak memory of a
  // large corpus.
  Instrument parse() {
    Instrument instrument = parse_text();
    std::string().swap(text_);
    std::vector<std::size_t>().swap(line_starts_);
    return instrument;
  }

 private:
  Instrument parse_text() {
    Instrument instrument;
    instrument.file = path_;
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::absolute(path_, ec), ec);
    instrument.absolute_file = ec ? path_ : canonical.string();

    std::error_code size_error;
    auto size = fs::file_size(path_, size_error);
    if (!size_error && size > kMaxCorpusFileBytes) {
      error_at_file("file too large: " + std::to_string(size >> 20) + " MB (a corpus file may have " +
                    std::to_string(kMaxCorpusFileBytes >> 20) + " MB)");
      return instrument;
    }
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      error_at_file("cannot read file");
      return instrument;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text_ = buffer.str();
    if (text_.empty()) {
      error_at_file("empty file: expected an <instrument> element");
      return instrument;
    }
    // pugixml would accept any bytes, and the bad ones would only surface much later (as a JSON
    // library exception with no file name when the text is stored).
    if (std::size_t bad = find_invalid_utf8(text_); bad != std::string::npos) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text_[bad]));
      error_at_offset(bad, std::string("invalid UTF-8 (byte ") + byte + "): corpus files must be UTF-8");
      return instrument;
    }

    pugi::xml_document doc;
    // parse_default keeps entity handling standard; the buffer stays ours so offsets stay valid.
    pugi::xml_parse_result result =
        doc.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
      error_at_offset(static_cast<std::size_t>(result.offset),
                      std::string("malformed XML: ") + result.description());
      return instrument;
    }
    pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != "instrument") {
      error_at(root, "root element is <" + std::string(root.name()) +
                         ">, expected <instrument>");
      return instrument;
    }
    parse_instrument(root, instrument);
    return instrument;
  }

 private:
  void error_at_file(const std::string& message) {
    diagnostics_.push_back({path_, 0, 0, message});
  }
  void error_at_offset(std::size_t offset, const std::string& message) {
    Diagnostic d{path_, 0, 0, message};
    position(offset, d.line, d.column);
    diagnostics_.push_back(d);
  }
  // Line and column (in code points) of a byte offset, through the line index: counting from the
  // top of the file for every diagnostic or <ref> is quadratic in a large file.
  void position(std::size_t offset, int& line, int& column) {
    offset = std::min(offset, text_.size());
    auto after = std::upper_bound(line_starts().begin(), line_starts().end(), offset);
    line = static_cast<int>(after - line_starts().begin());
    column = 1;
    for (std::size_t i = *(after - 1); i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  const std::vector<std::size_t>& line_starts() {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
    return line_starts_;
  }
  // Byte offset of an element's '<' (pugixml reports the name after it).
  std::size_t node_offset(const pugi::xml_node& node) const {
    std::size_t offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    if (node.type() == pugi::node_element && offset > 0 && text_[offset - 1] == '<') --offset;
    return offset;
  }
  void error_at(const pugi::xml_node& node, const std::string& message) {
    error_at_offset(node_offset(node), message);
  }
  // Called for every provision: a binary search in the line starts, found once per file, rather
  // than counting lines from the top each time (quadratic in a law of a thousand articles).
  int line_of(const pugi::xml_node& node) {
    auto after = std::upper_bound(line_starts().begin(), line_starts().end(), node_offset(node));
    return static_cast<int>(after - line_starts().begin());
  }

  // Reports attributes of `node` that are not in `allowed`.
  void check_attributes(const pugi::xml_node& node, std::initializer_list<const char*> allowed) {
    for (auto attr : node.attributes()) {
      bool ok = false;
      for (const char* a : allowed) ok |= std::string(attr.name()) == a;
      if (!ok)
        error_at(node, "unknown attribute '" + std::string(attr.name()) + "' on <" + node.name() + ">");
    }
  }

  // The required attribute `name`, or "" after reporting it missing.
  std::string required(const pugi::xml_node& node, const char* name) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a || std::string(a.value()).empty()) {
      error_at(node, "<" + std::string(node.name()) + "> needs a '" + name + "' attribute");
      return "";
    }
    return a.value();
  }

  std::optional<Date> date_attribute(const pugi::xml_node& node, const char* name, bool needed) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) {
      if (needed) error_at(node, "<" + std::string(node.name()) + "> needs a '" + name + "' attribute");
      return std::nullopt;
    }
    auto d = Date::parse(a.value());
    if (!d)
      error_at(node, "bad date '" + std::string(a.value()) + "' in '" + name +
                         "': expected a real day as YYYY-MM-DD");
    return d;
  }

  // Plain text content of an element that may hold no child elements.
  std::string text_of(const pugi::xml_node& node) {
    std::string raw;
    for (auto child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
        raw += child.value();
      else if (child.type() == pugi::node_element)
        error_at(child, "unexpected <" + std::string(child.name()) + "> inside <" + node.name() + ">");
    }
    return tidy_whitespace(raw);
  }

  // A <title>/<heading>/<citation>-like element: lang attribute plus non-empty text.
  bool lang_text(const pugi::xml_node& node, std::map<std::string, std::string>& into) {
    check_attributes(node, {"lang"});
    std::string lang = required(node, "lang");
    if (lang.empty()) return false;
    if (!is_language(lang)) {
      error_at(node, "unknown language '" + lang + "': expected en, zh-Hant or zh-Hans");
      return false;
    }
    std::string text = text_of(node);
    if (text.empty()) {
      error_at(node, "<" + std::string(node.name()) + "> is empty");
      return false;
    }
    if (!into.emplace(lang, text).second) {
      error_at(node, "second <" + std::string(node.name()) + "> in language '" + lang + "'");
      return false;
    }
    return true;
  }

  void parse_instrument(const pugi::xml_node& root, Instrument& instrument) {
    check_attributes(root, {"id", "kind", "signed", "effective"});
    instrument.id = required(root, "id");
    if (instrument.id.size() > kMaxIdBytes)
      error_at(root, "instrument id too long: " + std::to_string(instrument.id.size()) + " bytes (at most " +
                         std::to_string(kMaxIdBytes) + ")");
    else if (!instrument.id.empty() && !is_instrument_id(instrument.id))
      error_at(root, "bad instrument id '" + instrument.id + "': " + std::string(kInstrumentIdRule));
    instrument.kind = required(root, "kind");
    if (!instrument.kind.empty() &&
        std::find(kInstrumentKinds.begin(), kInstrumentKinds.end(), instrument.kind) == kInstrumentKinds.end())
      error_at(root, "unknown instrument kind '" + instrument.kind + "'");
    if (auto d = date_attribute(root, "signed", true)) instrument.signed_on = *d;
    instrument.effective = date_attribute(root, "effective", false);

    std::vector<std::string> breadcrumb;
    for (auto child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string name = child.name();
      if (name == "title") {
        lang_text(child, instrument.titles);
      } else if (name == "short") {
        lang_text(child, instrument.short_titles);
      } else if (name == "source") {
        check_attributes(child, {"href"});
        instrument.sources.emplace_back(required(child, "href"), text_of(child));
      } else if (name == "note") {
        check_attributes(child, {});
        instrument.notes.push_back(text_of(child));
      } else if (name == "division") {
        parse_division(child, instrument, breadcrumb);
      } else if (name == "provision") {
        parse_provision(child, instrument, {});
      } else if (name == "moved" || name == "withdrawn") {
        parse_id_record(child, instrument);
      } else {
        error_at(child, "unknown element <" + name + "> in <instrument>");
      }
    }
    for (const char* lang : {"en", "zh-Hant"})
      if (!instrument.titles.count(lang))
        error_at(root, std::string("<instrument> needs a <title lang=\"") + lang + "\">");
  }

  // `breadcrumb` holds the labels of the enclosing divisions; it is extended for the children and
  // restored before returning (one vector for the whole walk, not a copy per level).
  void parse_division(const pugi::xml_node& node, Instrument& instrument, std::vector<std::string>& breadcrumb) {
    if (breadcrumb.size() >= kMaxDivisionDepth) {
      error_at(node, "divisions nested more than " + std::to_string(kMaxDivisionDepth) + " deep");
      return;
    }
    check_attributes(node, {"type", "number"});
    std::string type = required(node, "type");
    if (!type.empty() && !kDivisionTypes.count(type))
      error_at(node, "unknown division type '" + type + "'");
    std::string label = type;
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (auto number = std::string(node.attribute("number").value()); !number.empty())
      label += " " + number;
    std::map<std::string, std::string> headings;
    for (auto child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::string(child.name()) == "heading") lang_text(child, headings);
    }
    if (headings.count("en")) label += " (" + headings["en"] + ")";
    breadcrumb.push_back(label);

    for (auto child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string name = child.name();
      if (name == "heading") continue;
      if (name == "note") {
        check_attributes(child, {});
      } else if (name == "division") {
        parse_division(child, instrument, breadcrumb);
      } else if (name == "provision") {
        parse_provision(child, instrument, breadcrumb);
      } else {
        error_at(child, "unknown element <" + name + "> in <division>");
      }
    }
    breadcrumb.pop_back();
  }

  void parse_provision(const pugi::xml_node& node, Instrument& instrument,
                       const std::vector<std::string>& breadcrumb) {
    Provision p;
    p.instrument = instrument.id;
    p.divisions = breadcrumb;
    p.line = line_of(node);
    check_attributes(node, {"id"});
    p.id = required(node, "id");
    if (p.id.size() > kMaxIdBytes) {
      error_at(node, "provision id too long: " + std::to_string(p.id.size()) + " bytes (at most " +
                         std::to_string(kMaxIdBytes) + ")");
    } else if (!p.id.empty()) {
      std::string prefix = instrument.id + "/";
      if (p.id.rfind(prefix, 0) != 0 || !is_id_path(std::string_view(p.id).substr(prefix.size())))
        error_at(node, "bad provision id '" + p.id + "': expected '" + prefix +
                           "' then a path of lower-case letters, digits, '.', '_', '-' and '/'");
      if (!ids_.insert(p.id).second) error_at(node, "duplicate provision id '" + p.id + "'");
    }

    bool has_topics = false, has_version = false;
    for (auto child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string name = child.name();
      if (name == "citation") {
        lang_text(child, p.citations);
      } else if (name == "topics") {
        check_attributes(child, {});
        has_topics = true;
        std::istringstream words(text_of(child));
        int count = 0;
        for (std::string t; words >> t; ++count) {
          const auto& known = known_topics();
          if (std::find(known.begin(), known.end(), t) == known.end())
            error_at(child, "unknown topic '" + t + "' (see the list in corpus/README.md)");
          else if (std::find(p.topics.begin(), p.topics.end(), t) == p.topics.end())
            p.topics.push_back(t);
        }
        if (count == 0) error_at(child, "<topics> is empty");
      } else if (name == "ref") {
        check_attributes(child, {"to"});
        std::string to = required(child, "to");
        if (!to.empty()) {
          p.refs.push_back(to);
          Diagnostic where{path_, 0, 0, ""};
          position(node_offset(child), where.line, where.column);
          pending_refs_.push_back({to, where});
        }
      } else if (name == "note") {
        check_attributes(child, {});
        p.notes.push_back(text_of(child));
      } else if (name == "version") {
        has_version = true;
        parse_version(child, p);
      } else if (name == "verified") {
        parse_verified(child, p.verification);
      } else if (name == "unverified") {
        check_attributes(child, {});
        if (!p.verification.unverified.empty()) error_at(child, "second <unverified> in <provision>");
        p.verification.unverified = text_of(child);
        if (p.verification.unverified.empty()) error_at(child, "<unverified> is empty: say what is not known");
      } else if (name == "relation") {
        check_attributes(child, {"type", "to"});
        Relation r{required(child, "type"), required(child, "to"), where(child)};
        if (!r.type.empty() && !is_relation_type(r.type))
          error_at(child, "unknown relation type '" + r.type + "': expected " + relation_type_list());
        if (!r.to.empty() && r.to == p.id) error_at(child, "<relation> from a provision to itself");
        if (!r.type.empty() && !r.to.empty()) p.relations.push_back(std::move(r));
      } else if (name == "line") {
        lang_text(child, p.line_names);
      } else {
        error_at(child, "unknown element <" + name + "> in <provision>");
      }
    }
    if (!has_topics) error_at(node, "<provision> needs <topics>");
    if (!p.citations.count("en")) error_at(node, "<provision> needs a <citation lang=\"en\">");
    if (!has_version) error_at(node, "<provision> needs at least one <version>");
    instrument.provisions.push_back(std::move(p));
  }

  Diagnostic where(const pugi::xml_node& node) {
    Diagnostic d{path_, 0, 0, ""};
    offset_to_line_column(text_, node_offset(node), d.line, d.column);
    return d;
  }

  // <verified source="..." on="YYYY-MM-DD" [approx="month"]/>
  void parse_verified(const pugi::xml_node& node, Verification& v) {
    check_attributes(node, {"source", "on", "approx"});
    if (node.first_child()) error_at(node, "<verified> takes no content: name the source in 'source'");
    std::string source = required(node, "source");
    auto on = date_attribute(node, "on", true);
    std::string approx = node.attribute("approx").value();
    if (!approx.empty() && approx != "month") error_at(node, "bad approx '" + approx + "': expected 'month'");
    if (on && Date::today() < *on) error_at(node, "<verified> on " + on->iso() + ", a day still to come");
    if (!source.empty() && on) v.checks.push_back({source, on->iso(), approx});
  }

  // <moved from="OLD" to="NEW" [reason]/> or <withdrawn id="OLD" reason="..."/>; the old id must
  // have the shape of one of this instrument's ids (checked against the whole corpus later).
  void parse_id_record(const pugi::xml_node& node, Instrument& instrument) {
    IdRecord r;
    r.kind = node.name();
    r.where = where(node);
    if (node.first_child()) error_at(node, "<" + r.kind + "> takes no content");
    if (r.kind == "moved") {
      check_attributes(node, {"from", "to", "reason"});
      r.id = required(node, "from");
      r.to = required(node, "to");
      r.reason = node.attribute("reason").value();
    } else {
      check_attributes(node, {"id", "reason"});
      r.id = required(node, "id");
      r.reason = required(node, "reason");
    }
    if (!r.id.empty() && !instrument.id.empty() && r.id.rfind(instrument.id + "/", 0) != 0)
      error_at(node, "<" + r.kind + "> of '" + r.id + "' belongs in the file of its instrument, not '" +
                         instrument.id + "'");
    if (!r.id.empty() && (r.kind != "moved" || !r.to.empty())) instrument.id_records.push_back(std::move(r));
  }

  void parse_version(const pugi::xml_node& node, Provision& p) {
    check_attributes(node, {"from", "to", "by", "approx"});
    auto from = date_attribute(node, "from", true);
    auto to = date_attribute(node, "to", false);
    std::string approx = node.attribute("approx").value();
    if (!approx.empty() && approx != "month" && approx != "year")
      error_at(node, "bad approx '" + approx + "': expected 'month' or 'year'");
    if (!from) return;
    Version v{*from, to, node.attribute("by").value(), approx, {}, {}, {}};
    if (node.attribute("to") && !to) return;  // already reported
    if (to && *to <= *from)
      error_at(node, "version ends (" + to->iso() + ") before it starts (" + from->iso() + ")");
    if (!p.versions.empty()) {
      const Version& prev = p.versions.back();
      if (!prev.to)
        error_at(node, "version from " + from->iso() + " follows a version with no 'to' date");
      else if (*prev.to > *from)
        error_at(node, "version from " + from->iso() + " overlaps the previous one (to " +
                           prev.to->iso() + ")");
    }
    for (auto child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string name = child.name();
      if (name == "heading") {
        lang_text(child, v.headings);
      } else if (name == "text") {
        check_attributes(child, {"lang", "kind"});
        std::string lang = required(child, "lang");
        std::string kind = child.attribute("kind") ? child.attribute("kind").value() : "digest";
        if (!lang.empty() && !is_language(lang))
          error_at(child, "unknown language '" + lang + "': expected en, zh-Hant or zh-Hans");
        if (kind != "digest" && kind != "official")
          error_at(child, "bad text kind '" + kind + "': expected 'digest' or 'official'");
        std::string body = text_of(child);
        if (body.empty()) error_at(child, "<text> is empty");
        for (const auto& t : v.texts)
          if (t.lang == lang && t.kind == kind)
            error_at(child, "second " + kind + " <text> in language '" + lang + "'");
        v.texts.push_back({lang, kind, body});
      } else if (name == "note") {
        check_attributes(child, {});
        v.notes.push_back(text_of(child));
      } else {
        error_at(child, "unknown element <" + name + "> in <version>");
      }
    }
    if (!v.headings.count("en")) error_at(node, "<version> needs a <heading lang=\"en\">");
    if (v.texts.empty()) error_at(node, "<version> needs at least one <text>");
    p.versions.push_back(std::move(v));
  }

 public:
  // A reference is checked once every file is read; its position is kept, not its XML node,
  // because the parsed document does not outlive parse().
  struct PendingRef {
    std::string to;
    Diagnostic where;
  };
  // Reports references that name no provision in `all_ids` nor one `known_elsewhere`.
  void check_refs(const std::set<std::string>& all_ids, const KnownProvision& known_elsewhere) {
    for (auto r : pending_refs_)
      if (!all_ids.count(r.to) && !(known_elsewhere && known_elsewhere(r.to))) {
        r.where.message = "reference to unknown provision '" + r.to + "'";
        diagnostics_.push_back(r.where);
      }
  }
  const std::set<std::string>& ids() const { return ids_; }

 private:
  std::string path_;
  Diagnostics& diagnostics_;
  std::string text_;
  std::vector<std::size_t> line_starts_;  // byte offsets where lines begin; filled by line_of()
  std::set<std::string> ids_;
  std::vector<PendingRef> pending_refs_;
};

}  // namespace

std::vector<std::string> collect_corpus_files(const std::vector<std::string>& paths,
                                              Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back({path, 0, 0, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->path().extension() != ".xml") continue;
        // Only regular files are read: a FIFO would block and a device never end. A symlink loop
        // is reported by name rather than stopping the whole run with a filesystem exception.
        std::error_code entry_error;
        bool regular = it->is_regular_file(entry_error);
        if (entry_error)
          diagnostics.push_back({it->path().string(), 0, 0, "cannot read file: " + entry_error.message()});
        else if (!regular && !it->is_directory(entry_error))
          diagnostics.push_back({it->path().string(), 0, 0, "not a regular file; skipped"});
        else if (regular)
          found.push_back(it->path().string());
      }
      if (ec) diagnostics.push_back({path, 0, 0, "cannot read folder: " + ec.message()});
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (!fs::is_regular_file(status)) {
      diagnostics.push_back({path, 0, 0, "not a regular file (a FIFO, device or socket): not read"});
    } else {
      files.push_back(path);
    }
  }
  return files;
}

Instrument parse_instrument_file(const std::string& path, Diagnostics& diagnostics) {
  FileParser parser(path, diagnostics);
  return parser.parse();
}

void scan_corpus(const std::vector<std::string>& files, Diagnostics& diagnostics,
                 const InstrumentVisitor& visit, const KnownProvision& known_elsewhere) {
  // Parsers are kept so cross-file problems can still be reported at their element.
  std::vector<std::unique_ptr<FileParser>> parsers;
  std::map<std::string, std::string> instrument_file;  // id -> file
  std::map<std::string, std::string> provision_file;   // id -> file
  std::set<std::string> all_ids;
  CorpusGraph graph;  // relations and id records, checked once every file is read
  for (std::size_t index = 0; index < files.size(); ++index) {
    const std::string& file = files[index];
    std::size_t problems_before = diagnostics.size();
    parsers.push_back(std::make_unique<FileParser>(file, diagnostics));
    Instrument instrument = parsers.back()->parse();
    if (!instrument.id.empty()) {
      auto [it, fresh] = instrument_file.emplace(instrument.id, file);
      if (!fresh)
        diagnostics.push_back({file, 0, 0, "instrument '" + instrument.id +
                                               "' is also defined in " + it->second});
    }
    for (const auto& p : instrument.provisions) {
      if (p.id.empty()) continue;
      auto [it, fresh] = provision_file.emplace(p.id, file);
      if (!fresh && it->second != file)
        diagnostics.push_back({file, p.line, 1, "duplicate provision id '" + p.id +
                                                    "' (also in " + it->second + ")"});
      all_ids.insert(p.id);
    }
    graph.add(instrument);
    visit(index, std::move(instrument), diagnostics.size() == problems_before);
  }
  for (auto& parser : parsers) parser->check_refs(all_ids, known_elsewhere);
  check_graph(graph, diagnostics, known_elsewhere);
}

Corpus load_corpus(const std::vector<std::string>& files, Diagnostics& diagnostics) {
  Corpus corpus;
  scan_corpus(files, diagnostics, [&](std::size_t, Instrument&& instrument, bool) {
    corpus.instruments.push_back(std::move(instrument));
  });
  return corpus;
}

}  // namespace provisio
