#include "index_writer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "document_builder.h"
#include "parallel_builder.h"
#include "relations.h"
#include "schema.h"
#include "shard_layout.h"

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

// The provisions the database at options.db_path holds that this run leaves alone (out of
// scope: from another file, of another instrument): references to them are fine. Read on first
// use only, which a corpus whose references all resolve among its own files never needs.
class IndexedElsewhere {
 public:
  IndexedElsewhere(const IndexOptions& options, const std::unordered_set<std::string>& instruments)
      : options_(options), instruments_(instruments) {}

  // REQUIRES: every instrument of the run is in `instruments` (the corpus was scanned).
  bool contains(const std::string& provision_id) {
    if (!read_) read();
    return ids_.count(provision_id) > 0;
  }

 private:
  void read() {
    read_ = true;
    if (!fs::exists(options_.db_path)) return;
    Xapian::Database db;
    try {
      db = Xapian::Database(options_.db_path);
    } catch (const Xapian::DatabaseError&) {
      return;  // not an index: the writer reports it when it opens the folder
    }
    auto inputs = canonical_paths(options_.input_paths);
    std::vector<std::string> instrument_of(db.get_lastdocid() + 1), file_of(db.get_lastdocid() + 1);
    auto read_slot = [&](Xapian::valueno slot, std::vector<std::string>& into) {
      for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
        if (v.get_docid() < into.size()) into[v.get_docid()] = *v;
    };
    read_slot(schema::kInstrumentSlot, instrument_of);
    read_slot(schema::kSourceFileSlot, file_of);
    for (auto v = db.valuestream_begin(schema::kProvisionIdSlot); v != db.valuestream_end(schema::kProvisionIdSlot); ++v) {
      Xapian::docid id = v.get_docid();
      if (id >= file_of.size()) continue;
      Existing e;
      e.source_file = file_of[id];
      e.instrument = instrument_of[id];
      if (!in_scope(e, inputs, instruments_)) ids_.insert(*v);
    }
  }

  const IndexOptions& options_;
  const std::unordered_set<std::string>& instruments_;
  bool read_ = false;
  std::unordered_set<std::string> ids_;
};

// A document the corpus yields, before analysis: enough to find it again and to compare it.
// Its instrument is found by file (CorpusShelf), so the instrument need not stay in memory.
struct Wanted {
  std::uint32_t file;       // index into CorpusShelf
  std::uint32_t provision;  // index into the instrument's provisions
  std::uint32_t version;    // index into the provision's versions
  const std::string* lang;  // an element of kLanguages
  std::uint32_t shard;      // shard_of(provision id); 0 for a single index
  std::string unique_term;
  std::string hash;
};

// Where the writer finds each file's instrument when it comes to analyse it: held by the caller
// (write_index), or read again from its file (index_corpus_files: it was validated when first
// read; if it has changed since, the run fails).
struct CorpusShelf {
  std::vector<std::string> files;
  std::vector<const Instrument*> held;  // nullptr: read files[i] again
};

// The plan of every document an instrument yields, and the report's counts.
class Planner {
 public:
  Planner(IndexReport& report, const IndexOptions& options, unsigned shard_count)
      : report_(report), options_(options), shard_count_(shard_count) {}

  void add(std::uint32_t file, const Instrument& instrument) {
    ++report_.instruments;
    instruments.insert(instrument.id);
    kinds[instrument.id] = instrument.kind;
    for (std::uint32_t p = 0; p < instrument.provisions.size(); ++p) {
      const Provision& provision = instrument.provisions[p];
      ++report_.provisions;
      for (std::uint32_t v = 0; v < provision.versions.size(); ++v) {
        const Version& version = provision.versions[v];
        ++report_.versions;
        for (const auto& lang : kLanguages) {
          bool has_text = false;
          for (const auto& t : version.texts) has_text = has_text || t.lang == lang;
          if (!has_text) continue;
          report_.languages.insert(lang);
          DocumentPlan plan = plan_document(instrument, provision, version, lang);
          wanted.push_back({file, p, v, &lang, shard_of(provision.id, shard_count_), std::move(plan.unique_term),
                            std::move(plan.hash)});
          if (options_.progress && wanted.size() % 10000 == 0) options_.progress(wanted.size(), 0);
        }
      }
    }
  }

  std::vector<Wanted> wanted;
  std::unordered_set<std::string> instruments;
  std::map<std::string, std::string> kinds;  // instrument id -> kind, for schema::kInstrumentKindsKey

 private:
  IndexReport& report_;
  const IndexOptions& options_;
  unsigned shard_count_;
};

std::runtime_error changed_since_read(const std::string& file) {
  return std::runtime_error(file + ": the file changed while it was being indexed; run the index again");
}

// Reads a file of the shelf again, for a writer that did not hold its instrument.
std::unique_ptr<Instrument> read_again(const std::string& file) {
  Diagnostics diagnostics;
  auto instrument = std::make_unique<Instrument>(parse_instrument_file(file, diagnostics));
  if (!diagnostics.empty()) throw changed_since_read(file);
  return instrument;
}

// The plan of `w`, checked against what the scan saw.
DocumentPlan replan(const Wanted& w, const Instrument& instrument, const std::string& file) {
  if (w.provision >= instrument.provisions.size() ||
      w.version >= instrument.provisions[w.provision].versions.size())
    throw changed_since_read(file);
  const Provision& provision = instrument.provisions[w.provision];
  DocumentPlan plan = plan_document(instrument, provision, provision.versions[w.version], *w.lang);
  if (plan.hash != w.hash) throw changed_since_read(file);
  return plan;
}

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

// Makes a run's changes all or nothing. A database that exists already is changed inside one
// Xapian transaction. A new one is built under a temporary name and renamed into place once
// complete, so it can be committed as it grows: Xapian holds a transaction's bookkeeping in
// memory until the transaction ends (measured on 100,000 articles: 241 MiB peak in one
// transaction, 169 MiB without), and the first build of a large corpus, the largest write there
// is, would otherwise need memory in proportion to the corpus. It is committed every
// kDocumentsPerCommit documents rather than at every flush: committing every 1000 documents left
// the new database half as large again (blocks left part-empty by each revision) until compacted.
class AtomicWrite {
 public:
  static constexpr std::size_t kDocumentsPerCommit = 50000;

  AtomicWrite(const std::string& db_path, const IndexOptions& options)
      : final_path_(db_path), fresh_(!fs::exists(final_path_)) {
    path_ = fresh_ ? final_path_ + ".new-" + std::to_string(::getpid()) : final_path_;
    fs::path parent = fs::path(final_path_).parent_path();
    fs::create_directories(parent.empty() ? fs::path(".") : parent);
    FlushThreshold threshold(options.flush_threshold);
    try {
      db_ = Xapian::WritableDatabase(path_, fresh_ ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
    } catch (...) {
      // No destructor runs for a constructor that throws: a new folder Xapian made before failing
      // (on a full disk, its first files) would be left behind.
      std::error_code ec;
      if (fresh_) fs::remove_all(path_, ec);
      throw;
    }
  }
  ~AtomicWrite() {
    if (!fresh_ || renamed_) return;
    try {
      db_.close();
    } catch (...) {
    }
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  AtomicWrite(const AtomicWrite&) = delete;
  AtomicWrite& operator=(const AtomicWrite&) = delete;

  Xapian::WritableDatabase& db() { return db_; }
  void begin() { db_.begin_transaction(); }
  // Called after each document: a new database commits what it has now and then.
  void document_written() {
    if (fresh_ && ++uncommitted_ >= kDocumentsPerCommit) {
      db_.commit_transaction();
      db_.begin_transaction();
      uncommitted_ = 0;
    }
  }
  // A new database is then removed by the destructor. The error being handled may have ended the
  // transaction already (a commit that failed on a full disk): cancelling it then throws
  // InvalidOperationError, which would hide the error that matters.
  void cancel() {
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
    }
  }
  void commit() { db_.commit_transaction(); }
  bool fresh() const { return fresh_; }
  // Closes the database and puts a new one in place.
  void finish() {
    db_.close();
    if (!fresh_) return;
    std::error_code ec;
    fs::rename(path_, final_path_, ec);  // replaces at most an empty folder
    if (ec)
      throw std::runtime_error(final_path_ + ": another index was created there while this one was built (" +
                               ec.message() + "); nothing was changed");
    renamed_ = true;
  }

 private:
  std::string final_path_;
  bool fresh_;
  std::string path_;
  bool renamed_ = false;
  std::size_t uncommitted_ = 0;
  Xapian::WritableDatabase db_;
};

// Adds (`add`) or takes out the words `doc` gives the spelling table (schema::is_spelling_word),
// once each: the table counts documents, so replacing or deleting one takes its words out again.
void update_spelling(Xapian::WritableDatabase& db, const Xapian::Document& doc, bool add) {
  const auto& stop = english_stopwords();
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (!schema::is_spelling_word(term) || std::find(stop.begin(), stop.end(), term) != stop.end()) continue;
    if (add)
      db.add_spelling(term);
    else
      db.remove_spelling(term);
  }
}

// Documents analysed per round when files must be read again: bounds what is re-read and held
// at once (a file's documents always stay in one round).
constexpr std::size_t kRoundDocuments = 16384;

// The databases a run writes: one single index, or the head and shards of a sharded one
// (shard_layout.h), whose stub is written once they are all in place.
struct Layout {
  std::string head;                    // "" for a single index: its one database is its own head
  std::vector<std::string> databases;  // database i holds the documents of shard i
  std::optional<ShardLayout> sharded;
};

// The layout of the index at options.db_path: the one it has, or for a new index the one
// options.shards asks for. Throws std::runtime_error when options.shards asks for another.
Layout layout_for(const IndexOptions& options) {
  Layout layout;
  std::optional<ShardLayout> existing = read_shard_layout(options.db_path);
  if (existing) {
    if (options.shards && options.shards != existing->shards.size())
      throw std::runtime_error(options.db_path + ": the index has " + std::to_string(existing->shards.size()) +
                               " shards; --shards " + std::to_string(options.shards) +
                               " would move documents between them: index into a new --db instead");
    layout.sharded = std::move(existing);
  } else if (options.shards) {
    if (fs::exists(options.db_path))
      throw std::runtime_error(options.db_path + ": a single (unsharded) index is there; index into a new --db to shard it");
    layout.sharded = new_shard_layout(options.db_path, options.shards);
  }
  if (!layout.sharded) {
    layout.databases = {options.db_path};
    return layout;
  }
  layout.head = layout.sharded->head;
  layout.databases = layout.sharded->shards;
  return layout;
}

IndexReport apply(const CorpusShelf& shelf, Planner& planner, IndexReport report,
                  const IndexOptions& options, std::chrono::steady_clock::time_point started,
                  const std::string& graph, const Layout& layout) {
  std::vector<Wanted>& wanted = planner.wanted;
  report.documents = wanted.size();

  // Every database is opened (and write-locked) before anything is decided.
  std::vector<std::unique_ptr<AtomicWrite>> shards;
  for (const auto& path : layout.databases) shards.push_back(std::make_unique<AtomicWrite>(path, options));
  std::unique_ptr<AtomicWrite> own_head;
  if (!layout.head.empty()) own_head = std::make_unique<AtomicWrite>(layout.head, options);
  AtomicWrite& head = own_head ? *own_head : *shards.front();
  // The spelling table and the metadata live in the head.
  Xapian::WritableDatabase& db = head.db();
  auto inputs = canonical_paths(options.input_paths);

  // Decide everything before writing, so an unchanged corpus opens no transaction at all.
  struct Delete {
    std::uint32_t shard;
    Xapian::docid docid;
  };
  struct Write {
    const Wanted* wanted;
    Xapian::docid replaces;  // 0 for a new document
  };
  std::vector<Delete> to_delete;
  std::vector<Write> to_write;  // in corpus order, so each file's documents are together
  std::vector<std::vector<const Wanted*>> wanted_in(shards.size());
  for (const auto& w : wanted) wanted_in[w.shard].push_back(&w);
  // Per shard, the documents to write: unique term -> the docid it replaces (0: a new document).
  std::vector<std::unordered_map<std::string_view, Xapian::docid>> writes(shards.size());
  for (std::uint32_t i = 0; i < shards.size(); ++i) {
    ExistingDocuments existing = existing_documents(shards[i]->db());
    std::unordered_set<std::string_view> wanted_terms;
    wanted_terms.reserve(wanted_in[i].size());
    for (const Wanted* w : wanted_in[i]) wanted_terms.insert(w->unique_term);
    std::vector<Xapian::docid> deletions;
    for (const auto& [term, e] : existing.by_term)
      if (!wanted_terms.count(term) && in_scope(e, inputs, planner.instruments)) deletions.push_back(e.docid);
    std::sort(deletions.begin(), deletions.end());
    for (auto id : deletions) to_delete.push_back({i, id});
    for (const Wanted* w : wanted_in[i]) {
      auto it = existing.by_term.find(w->unique_term);
      if (it == existing.by_term.end()) {
        ++report.added;
        writes[i][w->unique_term] = 0;
      } else if (it->second.hash != w->hash) {
        ++report.replaced;
        writes[i][w->unique_term] = it->second.docid;
      } else {
        ++report.unchanged;
      }
    }
  }
  wanted_in = {};
  for (const auto& w : wanted)
    if (auto it = writes[w.shard].find(w.unique_term); it != writes[w.shard].end()) to_write.push_back({&w, it->second});
  writes = {};
  report.deleted = to_delete.size();
  bool graph_changed = db.get_metadata(std::string(schema::kGraphKey)) != graph;
  // Instrument kinds for ranking: the index's, updated with those of the instruments read now.
  std::string old_kinds = db.get_metadata(std::string(schema::kInstrumentKindsKey));
  nlohmann::json kinds = nlohmann::json::parse(old_kinds, nullptr, false);
  if (!kinds.is_object()) kinds = nlohmann::json::object();
  for (const auto& [id, kind] : planner.kinds) kinds[id] = kind;
  std::string new_kinds = kinds.dump();
  bool kinds_changed = old_kinds != new_kinds;

  // Documents written by an older format gave no words to the spelling table: none to take out
  // (they are all rewritten, the format being part of every content hash).
  bool spelling_indexed = db.get_metadata(std::string(schema::kFormatKey)) == schema::kFormatVersion;

  std::vector<AtomicWrite*> all;
  for (auto& shard : shards) all.push_back(shard.get());
  if (own_head) all.push_back(own_head.get());  // last: committed once every shard is
  if (report.changed() || graph_changed || kinds_changed) {
    for (auto* a : all) a->begin();
    try {
      std::size_t done = 0, total = to_delete.size() + to_write.size();
      for (const auto& d : to_delete) {
        Xapian::WritableDatabase& shard = shards[d.shard]->db();
        if (spelling_indexed) update_spelling(db, shard.get_document(d.docid), false);
        shard.delete_document(d.docid);
        if (options.progress && ++done % 1000 == 0) options.progress(done, total);
      }
      // Rounds of whole files; the instruments not held are read again for their round only.
      for (std::size_t begin = 0; begin < to_write.size();) {
        std::size_t end = std::min(begin + kRoundDocuments, to_write.size());
        while (end < to_write.size() && to_write[end].wanted->file == to_write[end - 1].wanted->file) ++end;
        std::unordered_map<std::uint32_t, std::unique_ptr<Instrument>> reread;
        for (std::size_t i = begin; i < end; ++i) {
          std::uint32_t f = to_write[i].wanted->file;
          if (!shelf.held[f] && !reread.count(f)) reread.emplace(f, read_again(shelf.files[f]));
        }
        // The terms were read from these very databases, which we hold the write locks on: a term
        // not found is new (add_document), a found one is replaced by docid (no term look-up).
        build_documents_in_parallel(
            end - begin,
            [&](std::size_t i) {
              const Wanted& w = *to_write[begin + i].wanted;
              const Instrument* instrument = shelf.held[w.file];
              if (!instrument) instrument = reread.at(w.file).get();
              return replan(w, *instrument, shelf.files[w.file]);
            },
            [&](std::size_t i, Xapian::Document& doc) {
              const Write& write = to_write[begin + i];
              AtomicWrite& target = *shards[write.wanted->shard];
              Xapian::WritableDatabase& shard = target.db();
              if (write.replaces && spelling_indexed) update_spelling(db, shard.get_document(write.replaces), false);
              update_spelling(db, doc, true);
              if (write.replaces)
                shard.replace_document(write.replaces, doc);
              else
                shard.add_document(doc);
              target.document_written();
              // A new head is committed as often, so that its spelling table does not build up in
              // one transaction's memory.
              if (own_head) own_head->document_written();
              if (options.progress && ++done % 1000 == 0) options.progress(done, total);
            },
            {options.threads});
        begin = end;
      }
      // Every database of a sharded index carries the metadata too: a stub listing only remote
      // shards (no local head) reads it from its first shard.
      for (auto* a : all) {
        a->db().set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
        a->db().set_metadata(std::string(schema::kGraphKey), graph);
        a->db().set_metadata(std::string(schema::kInstrumentKindsKey), new_kinds);
      }
      // Shards first, the head last. Xapian has no transaction across databases: a failure between
      // two of these commits leaves the shards committed so far ahead of the rest, which the next
      // run (comparing content hashes) brings back in line.
      for (auto* a : all) a->commit();
    } catch (...) {
      for (auto* a : all) a->cancel();
      throw;
    }
  }
  for (auto* a : all) a->finish();
  if (layout.sharded && !fs::is_regular_file(layout.sharded->stub)) write_stub(*layout.sharded);
  report.elapsed = std::chrono::steady_clock::now() - started;
  return report;
}

}  // namespace

IndexReport write_index(const Corpus& corpus, const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  Layout layout = layout_for(options);
  Planner planner(report, options, static_cast<unsigned>(layout.databases.size()));
  CorpusShelf shelf;
  CorpusGraph graph;
  for (const auto& instrument : corpus.instruments) {
    auto file = static_cast<std::uint32_t>(shelf.files.size());
    shelf.files.push_back(instrument.file);
    shelf.held.push_back(&instrument);
    planner.add(file, instrument);
    graph.add(instrument);
  }
  return apply(shelf, planner, report, options, started, graph_json(graph).dump(), layout);
}

IndexReport index_corpus_files(const std::vector<std::string>& files, const IndexOptions& options,
                               Diagnostics& diagnostics) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  Layout layout = layout_for(options);
  Planner planner(report, options, static_cast<unsigned>(layout.databases.size()));
  CorpusShelf shelf;
  shelf.files = files;
  shelf.held.assign(files.size(), nullptr);
  CorpusGraph graph;
  std::unordered_set<std::string> scanned_instruments;
  IndexedElsewhere elsewhere(options, scanned_instruments);
  scan_corpus(
      files, diagnostics,
      [&](std::size_t index, Instrument&& instrument, bool valid) {
        if (valid && diagnostics.empty()) planner.add(static_cast<std::uint32_t>(index), instrument);
        if (!instrument.id.empty()) scanned_instruments.insert(instrument.id);
        graph.add(instrument);
      },
      [&](const std::string& id) { return elsewhere.contains(id); });
  if (!diagnostics.empty()) return {};
  return apply(shelf, planner, report, options, started, graph_json(graph).dump(), layout);
}

}  // namespace provisio
