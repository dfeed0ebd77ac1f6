#include "baseline_indexer.h"

#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "document_builder.h"
#include "index_writer.h"

namespace provisio::bench {

BaselineReport write_baseline_index(const Corpus& corpus, const std::string& db_path) {
  if (std::filesystem::exists(db_path))
    throw std::runtime_error(db_path + ": already exists; the baseline writes a new index");
  auto started = std::chrono::steady_clock::now();
  BaselineReport report;
  // The same flush threshold as Provisio's writer, so the comparison is of analysis and pipeline.
  if (!std::getenv("XAPIAN_FLUSH_THRESHOLD"))
    ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(kDefaultFlushThreshold).c_str(), 1);
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  db.begin_transaction();
  for (const auto& instrument : corpus.instruments)
    for (const auto& provision : instrument.provisions)
      for (const auto& version : provision.versions)
        for (const auto& lang : document_languages(version)) {
          DocumentPlan plan = plan_document(instrument, provision, version, lang);
          Xapian::Document doc;
          generator.set_document(doc);
          generator.index_text(plan.citation, 2);
          generator.increase_termpos(100);
          generator.index_text(plan.heading, 3);
          generator.increase_termpos(100);
          for (const Text* t : plan.texts) {
            generator.index_text(t->body, 1);
            generator.increase_termpos(100);
          }
          add_identity(doc, plan);
          db.add_document(doc);
          ++report.documents;
        }
  db.commit_transaction();
  db.close();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace provisio::bench
