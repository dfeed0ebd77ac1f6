// Browsing what an index holds, without a query: every provision as a tree of citations
// (`provisio list`) and counts by instrument, topic and language (`provisio stats`).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace provisio {

struct ProvisionSummary {
  std::string id, instrument, instrument_title, citation, heading, lang;
  std::vector<std::string> divisions, topics;
  int line = 0;  // order within its instrument file
};

struct IndexStats {
  struct Counts {
    std::size_t provisions = 0, versions = 0, documents = 0;
  };
  std::map<std::string, Counts> by_instrument;
  std::map<std::string, Counts> by_topic;
  std::map<std::string, Counts> by_lang;
  Counts total;
};

class Catalogue {
 public:
  // REQUIRES: `db` outlives the catalogue.
  explicit Catalogue(const Xapian::Database& db) : db_(db) {}

  // One summary per provision, its latest version shown in `lang` (falling back to another
  // language the provision has), in instrument then document order. Empty filters match all.
  std::vector<ProvisionSummary> provisions(const std::string& instrument, const std::string& topic,
                                           const std::string& lang) const;

  IndexStats stats() const;

 private:
  const Xapian::Database& db_;
};

}  // namespace provisio
