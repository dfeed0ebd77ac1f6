// Web pages (HTML5, including the messy markup real sites publish, parsed with gumbo) as blocks.
#pragma once

#include <string>
#include <vector>

#include "blocks.h"

namespace provisio::extract {

// The blocks of the page's <body> in reading order:
// - block elements (p, div, h1..h6, li, blockquote, pre, dt, dd, caption, section…) each start a
//   new block; style is the element name of the innermost block element around the text;
//   <br> also ends a block (pages use it between paragraphs);
// - h1..h6 give heading_level 1..6; li gives list_level (0 in a top-level ul/ol, 1 nested…) and,
//   inside an <ol>, list_label as the browser draws it ("3.", "c.", "iv.", honouring start,
//   type and value); text before a nested list is its own block;
// - a table row whose cells hold only inline content is one block (style "tr"), cells joined by
//   " | " (style "th" when every cell is a <th>: a header row); rows whose cells hold block elements (layout tables) are read cell by cell instead;
// - script, style, noscript, template, nav, head, iframe, object, svg, form controls, elements
//   with the `hidden` attribute, and site furniture (header and footer elements, navigation /
//   banner / contentinfo / search roles, ids or classes naming a breadcrumb, footer or skip-link)
//   are dropped.
// Throws ExtractError("not UTF-8 text: invalid byte at offset N") when the input is not UTF-8
// (convert legacy encodings before calling). Thread-safe.
std::vector<Block> html_blocks(const std::string& utf8_bytes);

}  // namespace provisio::extract
