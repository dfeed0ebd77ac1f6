#include "data_files.h"

#include <cstdlib>
#include <filesystem>

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

}  // namespace provisio
