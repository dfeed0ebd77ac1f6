// Where the database and the bundled corpus are, when the user does not say.
#pragma once

#include <string>

namespace provisio::cli {

// $PROVISIO_HOME, else ${XDG_DATA_HOME:-$HOME/.local/share}/provisio: where Provisio keeps its
// index and its submissions store by default, side by side.
std::string default_data_folder();

// The database path: `explicit_path` if given, else $PROVISIO_DB, else default_data_folder()/index. `is_default` tells whether neither the
// option nor the environment chose it (only then may search build the index by itself).
std::string database_path(const std::string& explicit_path, bool& is_default);

// The bundled corpus folder: $PROVISIO_CORPUS if set, else the installed copy, else the source
// tree's corpus/instruments (for a build that was not installed).
std::string bundled_corpus_path();

}  // namespace provisio::cli
