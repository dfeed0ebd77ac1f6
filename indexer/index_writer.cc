#include "index_writer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "document_builder.h"
#include "parallel_builder.h"
#include "schema.h"

namespace provisio {

namespace fs = std::filesystem;

namespace {

struct Existing {
  Xapian::docid docid = 0;
  std::string hash;
  std::string_view source_file;  // points into ExistingDocuments::strings
  std::string_view instrument;
};

// What the database holds now, by unique term.
struct ExistingDocuments {
  std::unordered_map<std::string, Existing> by_term;
  std::unordered_set<std::string> strings;  // source files and instruments, stored once each
};

// Reads the unique terms (one posting each) and then the hash, source file and instrument of
// every document from the value streams: one sequential pass per slot rather than one document
// read per document, which at hundreds of thousands of documents is the difference between
// seconds and minutes.
ExistingDocuments existing_documents(Xapian::Database& db) {
  ExistingDocuments out;
  if (db.get_doccount() == 0) return out;
  std::vector<Existing*> by_docid(db.get_lastdocid() + 1, nullptr);
  std::string prefix(schema::kUniqueTerm);
  out.by_term.reserve(db.get_doccount());
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto post = db.postlist_begin(*t);
    if (post == db.postlist_end(*t)) continue;
    Existing& e = out.by_term[*t];
    e.docid = *post;
    if (e.docid < by_docid.size()) by_docid[e.docid] = &e;
  }
  auto read_slot = [&](Xapian::valueno slot, auto store) {
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
      Xapian::docid id = v.get_docid();
      if (id < by_docid.size() && by_docid[id]) store(*by_docid[id], *v);
    }
  };
  auto intern = [&](const std::string& s) { return std::string_view(*out.strings.insert(s).first); };
  read_slot(schema::kContentHashSlot, [](Existing& e, const std::string& v) { e.hash = v; });
  read_slot(schema::kSourceFileSlot, [&](Existing& e, const std::string& v) { e.source_file = intern(v); });
  read_slot(schema::kInstrumentSlot, [&](Existing& e, const std::string& v) { e.instrument = intern(v); });
  return out;
}

std::vector<std::string> canonical_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    auto c = fs::weakly_canonical(fs::absolute(p), ec);
    out.push_back(ec ? p : c.string());
  }
  return out;
}

bool in_scope(const Existing& e, const std::vector<std::string>& inputs,
              const std::unordered_set<std::string>& instruments) {
  if (instruments.count(std::string(e.instrument))) return true;
  for (const auto& in : inputs) {
    if (e.source_file == in) return true;
    if (e.source_file.size() > in.size() && e.source_file.compare(0, in.size(), in) == 0 &&
        e.source_file[in.size()] == '/')
      return true;
  }
  return false;
}

// A document the corpus yields, before analysis: enough to find it again and to compare it.
struct Wanted {
  const Instrument* instrument;
  const Provision* provision;
  const Version* version;
  const std::string* lang;  // an element of kLanguages
  std::string unique_term;
  std::string hash;
};

// Xapian 1.4 takes its flush threshold only from the environment, read when a WritableDatabase
// is opened: set it for the opening, then put back what was there.
class FlushThreshold {
 public:
  explicit FlushThreshold(std::size_t requested) {
    const char* before = std::getenv(kVariable);
    if (before) before_ = before;
    if (requested || !before)
      ::setenv(kVariable, std::to_string(requested ? requested : kDefaultFlushThreshold).c_str(), 1);
  }
  ~FlushThreshold() {
    if (before_)
      ::setenv(kVariable, before_->c_str(), 1);
    else
      ::unsetenv(kVariable);
  }
  FlushThreshold(const FlushThreshold&) = delete;
  FlushThreshold& operator=(const FlushThreshold&) = delete;

 private:
  static constexpr const char* kVariable = "XAPIAN_FLUSH_THRESHOLD";
  std::optional<std::string> before_;
};

}  // namespace

IndexReport write_index(const Corpus& corpus, const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  report.instruments = corpus.instruments.size();
  report.provisions = corpus.provision_count();
  report.versions = corpus.version_count();

  // Plan every wanted document (data and hash, no analysis): cheap, and enough to decide.
  std::vector<Wanted> wanted;
  std::unordered_set<std::string> instruments;
  for (const auto& instrument : corpus.instruments) {
    instruments.insert(instrument.id);
    for (const auto& provision : instrument.provisions)
      for (const auto& version : provision.versions)
        for (const auto& lang : kLanguages) {
          bool has_text = false;
          for (const auto& t : version.texts) has_text = has_text || t.lang == lang;
          if (!has_text) continue;
          report.languages.insert(lang);
          DocumentPlan plan = plan_document(instrument, provision, version, lang);
          wanted.push_back({&instrument, &provision, &version, &lang, std::move(plan.unique_term),
                            std::move(plan.hash)});
          if (options.progress && wanted.size() % 10000 == 0) options.progress(wanted.size(), 0);
        }
  }
  report.documents = wanted.size();

  fs::create_directories(fs::path(options.db_path).parent_path().empty()
                             ? fs::path(".")
                             : fs::path(options.db_path).parent_path());
  Xapian::WritableDatabase db = [&] {
    FlushThreshold threshold(options.flush_threshold);
    return Xapian::WritableDatabase(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  }();
  ExistingDocuments existing = existing_documents(db);
  auto inputs = canonical_paths(options.input_paths);

  // Decide everything before writing, so an unchanged corpus opens no transaction at all.
  std::unordered_set<std::string_view> wanted_terms;
  wanted_terms.reserve(wanted.size());
  for (const auto& w : wanted) wanted_terms.insert(w.unique_term);
  std::vector<Xapian::docid> to_delete;
  for (const auto& [term, e] : existing.by_term)
    if (!wanted_terms.count(term) && in_scope(e, inputs, instruments)) to_delete.push_back(e.docid);
  std::sort(to_delete.begin(), to_delete.end());
  struct Write {
    const Wanted* wanted;
    Xapian::docid replaces;  // 0 for a new document
  };
  std::vector<Write> to_write;
  for (const auto& w : wanted) {
    auto it = existing.by_term.find(w.unique_term);
    if (it == existing.by_term.end()) {
      ++report.added;
      to_write.push_back({&w, 0});
    } else if (it->second.hash != w.hash) {
      ++report.replaced;
      to_write.push_back({&w, it->second.docid});
    } else {
      ++report.unchanged;
    }
  }
  report.deleted = to_delete.size();
  existing = {};

  if (report.changed()) {
    db.begin_transaction();
    try {
      std::size_t done = 0, total = to_delete.size() + to_write.size();
      for (auto id : to_delete) {
        db.delete_document(id);
        if (options.progress && ++done % 1000 == 0) options.progress(done, total);
      }
      // The terms were read from this very database, which we hold the write lock on: a term not
      // found is new (add_document), a found one is replaced by docid (no term look-up).
      build_documents_in_parallel(
          to_write.size(),
          [&](std::size_t i) {
            const Wanted& w = *to_write[i].wanted;
            return plan_document(*w.instrument, *w.provision, *w.version, *w.lang);
          },
          [&](std::size_t i, Xapian::Document& doc) {
            if (to_write[i].replaces)
              db.replace_document(to_write[i].replaces, doc);
            else
              db.add_document(doc);
            if (options.progress && ++done % 1000 == 0) options.progress(done, total);
          },
          {options.threads});
      db.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
      db.commit_transaction();
    } catch (...) {
      db.cancel_transaction();
      throw;
    }
  }
  db.close();
  report.elapsed = std::chrono::steady_clock::now() - started;
  return report;
}

}  // namespace provisio
