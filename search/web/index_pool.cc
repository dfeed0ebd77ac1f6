#include "index_pool.h"

#include <sys/stat.h>

namespace provisio::web {

namespace {

// Device and inode of the index folder: they change when a new index is renamed into place.
std::string folder_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

}  // namespace

IndexPool::Lease IndexPool::lease() {
  std::unique_ptr<IndexReaders> readers;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      readers = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  std::string identity = folder_identity(db_path_);
  if (readers && readers->identity != identity) readers.reset();
  if (readers) {
    readers->searcher.reopen();
    readers->suggester.reopen();
  } else {
    readers = std::make_unique<IndexReaders>(db_path_);
    readers->identity = identity;
  }
  return Lease(*this, std::move(readers));
}

void IndexPool::give_back(std::unique_ptr<IndexReaders> readers) {
  if (!readers) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(readers));
}

}  // namespace provisio::web
