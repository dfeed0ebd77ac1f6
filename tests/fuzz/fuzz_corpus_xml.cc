// Corpus XML parsing and validation (indexer/corpus): any bytes as one instrument file.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The parser reads files by name; one scratch file per process, rewritten for each input.
  static const std::string path = "/tmp/provisio-fuzz-corpus-" + std::to_string(::getpid()) + ".xml";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  provisio::Diagnostics diagnostics;
  provisio::load_corpus({path}, diagnostics);
  return 0;
}
