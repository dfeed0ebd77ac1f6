#include "shard_layout.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

#include "fnv1a.h"

namespace provisio {

namespace fs = std::filesystem;

namespace {

// The shard folder's name relative to the stub's folder.
std::string shards_folder(const std::string& db_path) { return fs::path(db_path).filename().string() + ".shards"; }

std::string beside(const std::string& stub, const std::string& relative) {
  fs::path parent = fs::path(stub).parent_path();
  return (parent.empty() ? fs::path(relative) : parent / relative).string();
}

}  // namespace

unsigned shard_of(std::string_view provision_id, unsigned count) {
  return static_cast<unsigned>(fnv1a(provision_id) % count);
}

ShardLayout new_shard_layout(const std::string& db_path, unsigned count) {
  ShardLayout layout;
  layout.stub = db_path;
  std::string folder = shards_folder(db_path);
  layout.head = beside(db_path, folder + "/head");
  for (unsigned i = 0; i < count; ++i) layout.shards.push_back(beside(db_path, folder + "/" + std::to_string(i)));
  return layout;
}

std::optional<ShardLayout> read_shard_layout(const std::string& db_path) {
  std::error_code ec;
  if (!fs::is_regular_file(db_path, ec)) return std::nullopt;
  std::ifstream in(db_path);
  if (!in) throw std::runtime_error(db_path + ": cannot read the stub file");
  std::string folder = shards_folder(db_path);
  ShardLayout layout;
  layout.stub = db_path;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& why) {
      return std::runtime_error(db_path + ":" + std::to_string(number) + ":1: " + why +
                                "; provisio index writes a sharded index through the stub of its local shards "
                                "(INDEX listing INDEX.shards/head, INDEX.shards/0, ...)");
    };
    const std::string expected = "auto " + folder + "/";
    if (line.compare(0, expected.size(), expected) != 0) throw fail("not a local shard of this index: '" + line + "'");
    std::string name = line.substr(expected.size());
    if (layout.head.empty()) {
      if (name != "head") throw fail("the first line must list the head, " + folder + "/head");
      layout.head = beside(db_path, folder + "/head");
    } else if (name == std::to_string(layout.shards.size())) {
      layout.shards.push_back(beside(db_path, folder + "/" + name));
    } else {
      throw fail("expected shard " + std::to_string(layout.shards.size()) + ", found '" + name + "'");
    }
  }
  if (layout.head.empty() || layout.shards.empty())
    throw std::runtime_error(db_path + ": a stub with no shards (not a sharded Provisio index)");
  return layout;
}

void write_stub(const ShardLayout& layout) {
  std::string folder = shards_folder(layout.stub);
  std::string text = "auto " + folder + "/head\n";
  for (std::size_t i = 0; i < layout.shards.size(); ++i) text += "auto " + folder + "/" + std::to_string(i) + "\n";
  std::string temporary = layout.stub + ".new-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(layout.stub + ": cannot write the stub file");
  }
  std::error_code ec;
  fs::rename(temporary, layout.stub, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw std::runtime_error(layout.stub + ": cannot write the stub file");
  }
}

}  // namespace provisio
