#include "topics.h"

#include <set>

#include "corpus.h"
#include "glossary.h"

namespace provisio::import {

std::vector<std::string> infer_topics(const std::string& text, const std::vector<std::string>& fallback) {
  std::set<std::string> named;
  for (const GlossaryConcept* c : Glossary::standard()->named_in(text))
    if (!c->topic.empty()) named.insert(c->topic);
  std::vector<std::string> topics;
  for (const auto& topic : known_topics())
    if (named.count(topic)) topics.push_back(topic);
  return topics.empty() ? fallback : topics;
}

}  // namespace provisio::import
