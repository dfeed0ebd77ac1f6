// Readers of the provisions index shared by the server's threads. A Searcher, a LinkSuggester and
// a ScriptConverter are each single-threaded, so the pool lends one set to one request at a time
// and makes another when all are lent.
//
// Each lease first calls reopen(), so a `provisio index` run that committed changes to the index is
// seen by the next request without a restart. An index replaced wholesale (deleted and built again,
// which renames a new folder into place) is noticed by its changed folder identity and opened anew.
//
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "script_converter.h"
#include "searcher.h"
#include "suggester.h"

namespace provisio::web {

struct IndexReaders {
  explicit IndexReaders(const std::string& db_path) : searcher(db_path), suggester(db_path) {}
  Searcher searcher;
  submissions::LinkSuggester suggester;
  ScriptConverter converter;
  std::string identity;  // of the index folder when opened
};

class IndexPool {
 public:
  // REQUIRES: an index exists at `db_path` (else the first lease throws SearchError).
  explicit IndexPool(std::string db_path) : db_path_(std::move(db_path)) {}

  // A set of readers, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(IndexPool& pool, std::unique_ptr<IndexReaders> readers) : pool_(pool), readers_(std::move(readers)) {}
    ~Lease() { pool_.give_back(std::move(readers_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    IndexReaders* operator->() { return readers_.get(); }
    IndexReaders& operator*() { return *readers_; }

   private:
    IndexPool& pool_;
    std::unique_ptr<IndexReaders> readers_;
  };

  Lease lease();
  const std::string& db_path() const { return db_path_; }

 private:
  void give_back(std::unique_ptr<IndexReaders> readers);
  std::string db_path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<IndexReaders>> idle_;
};

}  // namespace provisio::web
