#include "locations.h"

#include <cstdlib>
#include <filesystem>

namespace provisio::cli {

std::string default_data_folder() {
  if (const char* home = std::getenv("PROVISIO_HOME"); home && *home) return home;
  std::string data_home;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    data_home = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    data_home = std::string(home) + "/.local/share";
  else
    data_home = ".";
  return data_home + "/provisio";
}

std::string database_path(const std::string& explicit_path, bool& is_default) {
  is_default = false;
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("PROVISIO_DB"); env && *env) return env;
  is_default = true;
  return default_data_folder() + "/index";
}

std::string bundled_corpus_path() {
  if (const char* env = std::getenv("PROVISIO_CORPUS"); env && *env) return env;
  if (std::filesystem::is_directory(PROVISIO_INSTALLED_CORPUS)) return PROVISIO_INSTALLED_CORPUS;
  return PROVISIO_SOURCE_CORPUS;
}

}  // namespace provisio::cli
