#include "data_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fnv1a.h"

namespace provisio {

std::string analysis_data_dir() {
  if (const char* env = std::getenv("PROVISIO_DATA"); env && *env) return env;
  if (std::filesystem::is_regular_file(std::string(PROVISIO_INSTALLED_DATA) + "/glossary.tsv"))
    return PROVISIO_INSTALLED_DATA;
  return PROVISIO_SOURCE_DATA;
}

std::string general_lexicon_path() {
  if (const char* env = std::getenv("PROVISIO_GENERAL_LEXICON"); env && *env)
    return std::string(env) == "none" ? "" : env;
  const char* jieba = "/usr/lib/python3/dist-packages/jieba/dict.txt";
  return std::filesystem::is_regular_file(jieba) ? jieba : "";
}

const std::string& analysis_fingerprint() {
  static const std::string fingerprint = [] {
    std::uint64_t h = kFnv1aOffset;
    std::string dir = analysis_data_dir();
    for (const std::string& path : {general_lexicon_path(), dir + "/lexicon.txt", dir + "/glossary.tsv"}) {
      std::ifstream in(path, std::ios::binary);  // a missing file hashes as empty
      char buffer[1 << 16];
      while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        h = fnv1a(std::string_view(buffer, static_cast<std::size_t>(in.gcount())), h);
      h = fnv1a("\xff", h);  // ends a file, so moving a line between files counts
    }
    return hex64(h);
  }();
  return fingerprint;
}

}  // namespace provisio
