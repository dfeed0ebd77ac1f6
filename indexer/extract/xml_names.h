// Namespace-prefix-blind access to OOXML elements: Word writes "w:p", but the prefix is the
// writer's choice, so the docx reader matches local names only. Internal to the docx extractor.
#pragma once

#include <pugixml.hpp>

#include <cstring>
#include <string>
#include <vector>

namespace provisio::extract {

// "p" for "w:p", "p" for "p".
inline const char* local_name(const char* qualified) {
  const char* colon = std::strchr(qualified, ':');
  return colon ? colon + 1 : qualified;
}

inline bool is_named(const pugi::xml_node& node, const char* local) {
  return node.type() == pugi::node_element && std::strcmp(local_name(node.name()), local) == 0;
}

inline pugi::xml_node first_child_named(const pugi::xml_node& parent, const char* local) {
  for (pugi::xml_node child : parent.children())
    if (is_named(child, local)) return child;
  return {};
}

inline std::vector<pugi::xml_node> children_named(const pugi::xml_node& parent, const char* local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : parent.children())
    if (is_named(child, local)) out.push_back(child);
  return out;
}

// The value of the attribute whose local name is `local` ("val" finds w:val), or "".
inline std::string attr(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_attribute a : node.attributes())
    if (std::strcmp(local_name(a.name()), local) == 0) return a.value();
  return "";
}

}  // namespace provisio::extract
