// Order statistics for benchmark figures.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace provisio::bench {

// The q-quantile (0 <= q <= 1) of `values` by the nearest-rank method; 0 when empty.
inline double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// The median; for an even count, the mean of the two middle values.
inline double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace provisio::bench
