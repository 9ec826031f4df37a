#include "usage/allocation.h"

#include <algorithm>
#include <numeric>

namespace mesh::usage {

std::vector<Wide> AllocateEqually(Wide total, size_t parts) {
  return AllocateByWeight(total, std::vector<Wide>(parts, 1));
}

std::vector<Wide> AllocateByWeight(Wide total, const std::vector<Wide>& weights) {
  if (weights.empty()) return {};
  Wide weight_sum = 0;
  for (Wide weight : weights) weight_sum += weight;
  if (weight_sum == 0) return AllocateEqually(total, weights.size());
  std::vector<Wide> parts(weights.size());
  std::vector<Wide> remainders(weights.size());
  Wide given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    // Weights and totals of metering stay far below the 2^126 MultiplyDivide accepts.
    QuotientRemainder share =
        MultiplyDivide(total, weights[i], weight_sum).value_or(QuotientRemainder{});
    parts[i] = share.quotient;
    remainders[i] = share.remainder;
    given += parts[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t k = 0; given < total; ++k, ++given) ++parts[order[k % order.size()]];
  return parts;
}

}  // namespace mesh::usage
