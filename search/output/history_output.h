// How `history` shows a commitment line (history.h History): as one JSON object, or as a dated
// timeline where each step after the first shows what changed from the step it follows.
//
// Pure functions of their arguments: thread-safe. Text formatters end every line with "\n".
#pragma once

#include <string>

#include "history.h"
#include "style.h"

namespace provisio::output {

// {"id", "line", "lang", "members", "steps": [{"step", "id", ..., "changes"}]}.
std::string history_json(const History& history);
std::string history_text(const History& history, const Style& style);

// What `history` says about a provision on no line, as JSON and as text.
std::string no_line_json(const std::string& id);
std::string no_line_text(const std::string& id);

}  // namespace provisio::output
