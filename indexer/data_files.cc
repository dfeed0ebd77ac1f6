#include "data_files.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

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
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    std::string dir = analysis_data_dir();
    for (const std::string& path : {general_lexicon_path(), dir + "/lexicon.txt", dir + "/glossary.tsv"}) {
      std::ifstream in(path, std::ios::binary);  // a missing file hashes as empty
      char buffer[1 << 16];
      while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
          h ^= static_cast<unsigned char>(buffer[i]);
          h *= 1099511628211ull;
        }
      }
      h = (h ^ 0xff) * 1099511628211ull;  // ends a file, so moving a line between files counts
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return std::string(hex);
  }();
  return fingerprint;
}

}  // namespace provisio
