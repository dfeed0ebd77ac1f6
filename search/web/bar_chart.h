// The report's bar chart, drawn by the server as SVG: the geometry is computed here and the
// markup comes from the report template (so labels are escaped like every other value).
// Thread-safe (a pure function).
#pragma once

#include <cstring>  // ctemplate/str_ref.h uses strlen without including it

#include <ctemplate/template_dictionary.h>

#include <string>
#include <vector>

namespace provisio::web {

namespace BarChart {
struct Bar {
  std::string label;
  std::size_t value = 0;
};
// At most this many bars are drawn (the table below the chart lists every row).
inline constexpr std::size_t kMaxBars = 20;
}  // namespace BarChart

// Fills `chart` with WIDTH, HEIGHT and one BAR section per bar (Y, BAR_WIDTH, LABEL, VALUE,
// TEXT_X, TEXT_Y), longest bar = full width, in the order given.
void add_bar_chart(ctemplate::TemplateDictionary& chart, const std::vector<BarChart::Bar>& bars);

}  // namespace provisio::web
