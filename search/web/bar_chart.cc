#include "bar_chart.h"

#include <algorithm>

namespace provisio::web {

void add_bar_chart(ctemplate::TemplateDictionary& chart, const std::vector<BarChart::Bar>& bars) {
  constexpr long kLabelWidth = 260, kBarArea = 400, kRow = 24, kBarHeight = 16, kWidth = kLabelWidth + kBarArea + 50;
  std::size_t n = std::min(bars.size(), BarChart::kMaxBars);
  std::size_t most = 1;
  for (std::size_t i = 0; i < n; ++i) most = std::max(most, bars[i].value);
  chart.SetIntValue("WIDTH", kWidth);
  chart.SetIntValue("HEIGHT", static_cast<long>(n) * kRow + 8);
  for (std::size_t i = 0; i < n; ++i) {
    auto* bar = chart.AddSectionDictionary("BAR");
    long y = static_cast<long>(i) * kRow + 4;
    long width = std::max<long>(2, static_cast<long>(bars[i].value * kBarArea / most));
    bar->SetValue("LABEL", bars[i].label);
    bar->SetIntValue("VALUE", static_cast<long>(bars[i].value));
    bar->SetIntValue("Y", y);
    bar->SetIntValue("TEXT_Y", y + kBarHeight - 3);
    bar->SetIntValue("LABEL_X", kLabelWidth - 8);
    bar->SetIntValue("BAR_X", kLabelWidth);
    bar->SetIntValue("BAR_WIDTH", width);
    bar->SetIntValue("BAR_HEIGHT", kBarHeight);
    bar->SetIntValue("TEXT_X", kLabelWidth + width + 6);
  }
}

}  // namespace provisio::web
