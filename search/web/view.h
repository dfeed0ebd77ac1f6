// HTML pages from ctemplate templates (search/web/templates). Every template starts with
// {{%AUTOESCAPE context="HTML"}}, so ctemplate escapes each value for where it lands (text,
// attribute, URL: a "javascript:" URL becomes "#"): no page is built by string concatenation.
//
// Thread-safe: ctemplate's cache takes its own locks; a Views object is read-only after loading.
#pragma once

#include <cstring>  // ctemplate/str_ref.h uses strlen without including it

#include <ctemplate/template.h>
#include <nlohmann/json.hpp>

#include <string>

namespace provisio::web {

class Views {
 public:
  // Loads every *.tpl of `template_dir`. Throws std::runtime_error naming the first that does not
  // parse, so a broken install fails at start rather than on the first visit.
  explicit Views(std::string template_dir);

  // The page `name` (file name without ".tpl") expanded with `dict`.
  std::string render(const std::string& name, const ctemplate::TemplateDictionary& dict) const;

 private:
  std::string dir_;
};

// Puts a JSON object into `dict`: a string, number or true becomes {{KEY}} and shows the section
// {{#KEY}} (keys upper-cased); an array of objects becomes one section dictionary per element; an
// array of strings one section per element with {{VALUE}}; a nested object its own section.
// Empty strings, false and null show nothing.
void fill(ctemplate::TemplateDictionary& dict, const nlohmann::json& object);

// Sets {{VAR}} to `value` and, when it is not empty, shows {{#SECTION}} (in this dictionary: unlike
// ctemplate's SetValueAndShowSection, which sets the value inside the section only).
void set_and_show(ctemplate::TemplateDictionary& dict, const std::string& var, const std::string& value,
                  const std::string& section);

// `value` percent-encoded for a URL's query or path segment: everything but A-Z a-z 0-9 - _ . ~
// (httplib's own encoder leaves '/', '?' and '=' as they are, which breaks a URL inside a query).
std::string url_encode(const std::string& value);

// The interface's labels in `ui` ("en" or "zh-Hant") as {{L_NAME}} variables.
void add_labels(ctemplate::TemplateDictionary& dict, const std::string& ui);

// The label `name` in `ui`, for text set from C++ (messages after a redirect).
std::string label(const std::string& name, const std::string& ui);

}  // namespace provisio::web
