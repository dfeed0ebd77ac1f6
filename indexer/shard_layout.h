// Where the documents of a sharded index live (`provisio index --shards N`; docs/scaling.md).
//
// A sharded index at INDEX is a Xapian stub database file INDEX listing, relative to its own
// folder, the head INDEX.shards/head and the shards INDEX.shards/0 … INDEX.shards/N-1. Every
// reader opens INDEX as it opens a single index (Xapian::Database reads stub files itself), so
// every command's --db takes it. The head holds no documents: it carries the metadata (Xapian
// reads metadata from the first database listed) and the spelling table, which Xapian's remote
// backend does not serve — kept in a local database, suggestions keep working when the shards
// are remote. Each provision's documents (every version and language) go to shard
// shard_of(provision id, N), a stable hash, so an incremental run finds each document where the
// last run put it. A stub listing remote shards is written by hand for a deployment; the writer
// only writes stubs of local shards. Functions here are thread-safe (no shared state).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provisio {

struct ShardLayout {
  std::string stub;                 // the stub file: the --db path
  std::string head;                 // the head database folder
  std::vector<std::string> shards;  // shard i's folder
};

// The shard, out of `count` (>= 1), of the provision `provision_id`: FNV-1a of the id modulo count.
unsigned shard_of(std::string_view provision_id, unsigned count);

// The layout of a new sharded index at `db_path` with `count` (>= 1) shards.
ShardLayout new_shard_layout(const std::string& db_path, unsigned count);

// The layout of the sharded index whose stub is `db_path`, or nullopt when `db_path` is not a
// regular file (a single index's folder, or nothing yet). Throws std::runtime_error naming the
// file and line when the stub is not one the writer wrote (a remote shard, another layout): such
// an index is written through its local shards' own stub.
std::optional<ShardLayout> read_shard_layout(const std::string& db_path);

// Writes layout.stub (through a temporary file renamed into place). Throws std::runtime_error.
void write_stub(const ShardLayout& layout);

}  // namespace provisio
