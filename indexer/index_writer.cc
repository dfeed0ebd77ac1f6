#include "index_writer.h"

#include <filesystem>
#include <map>

#include "analyzer.h"
#include "document_builder.h"
#include "schema.h"

namespace provisio {

namespace fs = std::filesystem;

namespace {

struct Existing {
  Xapian::docid docid;
  std::string hash;
  std::string source_file;
  std::string instrument;
};

// What the database holds now, by unique term.
std::map<std::string, Existing> existing_documents(Xapian::Database& db) {
  std::map<std::string, Existing> out;
  std::string prefix(schema::kUniqueTerm);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto post = db.postlist_begin(*t);
    if (post == db.postlist_end(*t)) continue;
    Xapian::Document doc = db.get_document(*post);
    out[*t] = {*post, doc.get_value(schema::kContentHashSlot),
               doc.get_value(schema::kSourceFileSlot), doc.get_value(schema::kInstrumentSlot)};
  }
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
              const std::set<std::string>& instruments) {
  if (instruments.count(e.instrument)) return true;
  for (const auto& in : inputs) {
    if (e.source_file == in) return true;
    if (e.source_file.size() > in.size() && e.source_file.compare(0, in.size(), in) == 0 &&
        e.source_file[in.size()] == '/')
      return true;
  }
  return false;
}

}  // namespace

IndexReport write_index(const Corpus& corpus, const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  report.instruments = corpus.instruments.size();
  report.provisions = corpus.provision_count();
  report.versions = corpus.version_count();

  Analyzer analyzer;
  // Build every wanted document first: analysis errors must not happen mid-transaction.
  struct Wanted {
    Xapian::Document doc;
    std::string hash;
  };
  std::map<std::string, Wanted> wanted;
  std::set<std::string> instruments;
  for (const auto& instrument : corpus.instruments) {
    instruments.insert(instrument.id);
    for (const auto& provision : instrument.provisions)
      for (const auto& version : provision.versions)
        for (const auto& lang : document_languages(version)) {
          report.languages.insert(lang);
          Xapian::Document doc = build_document(analyzer, instrument, provision, version, lang);
          std::string hash = doc.get_value(schema::kContentHashSlot);
          wanted.emplace(schema::unique_term(provision.id, version.from.iso(), lang),
                         Wanted{std::move(doc), std::move(hash)});
          if (options.progress && wanted.size() % 1000 == 0) options.progress(wanted.size(), 0);
        }
  }
  report.documents = wanted.size();

  fs::create_directories(fs::path(options.db_path).parent_path().empty()
                             ? fs::path(".")
                             : fs::path(options.db_path).parent_path());
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  auto existing = existing_documents(db);
  auto inputs = canonical_paths(options.input_paths);

  // Decide everything before writing, so an unchanged corpus opens no transaction at all.
  std::vector<Xapian::docid> to_delete;
  std::vector<std::pair<std::string, const Wanted*>> to_write;
  for (const auto& [term, e] : existing)
    if (!wanted.count(term) && in_scope(e, inputs, instruments)) to_delete.push_back(e.docid);
  for (const auto& [term, w] : wanted) {
    auto it = existing.find(term);
    if (it == existing.end()) {
      ++report.added;
      to_write.emplace_back(term, &w);
    } else if (it->second.hash != w.hash) {
      ++report.replaced;
      to_write.emplace_back(term, &w);
    } else {
      ++report.unchanged;
    }
  }
  report.deleted = to_delete.size();

  if (report.changed()) {
    db.begin_transaction();
    try {
      std::size_t done = 0, total = to_delete.size() + to_write.size();
      for (auto id : to_delete) {
        db.delete_document(id);
        if (options.progress && ++done % 1000 == 0) options.progress(done, total);
      }
      for (const auto& [term, w] : to_write) {
        db.replace_document(term, w->doc);
        if (options.progress && ++done % 1000 == 0) options.progress(done, total);
      }
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
