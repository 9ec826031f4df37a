#include "usage/allocation.h"

#include <gtest/gtest.h>

#include <numeric>

namespace mesh::usage {
namespace {

Wide Sum(const std::vector<Wide>& parts) {
  return std::accumulate(parts.begin(), parts.end(), Wide{0});
}

TEST(UsageAllocation, ThirdsAddUpAndTheEarlierRowTakesTheLeftoverOnTies) {
  std::vector<Wide> parts = AllocateByWeight(100, {1, 1, 1});
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], 34);
  EXPECT_EQ(parts[1], 33);
  EXPECT_EQ(parts[2], 33);
  EXPECT_EQ(AllocateEqually(2, 3), (std::vector<Wide>{1, 1, 0}));
}

TEST(UsageAllocation, LargestRemainderGetsTheLeftoverUnit) {
  // Exact shares 10 × {0.15, 0.35, 0.5} = {1.5, 3.5, 5}: one unit left, to the earlier of the
  // two equal remainders.
  EXPECT_EQ(AllocateByWeight(10, {15, 35, 50}), (std::vector<Wide>{2, 3, 5}));
  // Shares 7 × {2/9, 3/9, 4/9} = {1.56, 2.33, 3.11}: the leftover goes to the first.
  EXPECT_EQ(AllocateByWeight(7, {2, 3, 4}), (std::vector<Wide>{2, 2, 3}));
}

TEST(UsageAllocation, AwkwardInputsAlwaysAddUpExactly) {
  const std::vector<std::vector<Wide>> weight_sets = {
      {1, 1, 1, 1, 1, 1, 1},
      {999'999'937, 3, 7, 11},
      {0, 5, 0, 5},
      {PowerOfTen(27) + 1, PowerOfTen(26) - 3, 17},
      {1},
      {0, 0, 0},
  };
  for (const auto& weights : weight_sets) {
    for (Wide total : {Wide{0}, Wide{1}, Wide{2}, Wide{97}, Wide{1'000'003}, PowerOfTen(15) + 7}) {
      std::vector<Wide> parts = AllocateByWeight(total, weights);
      ASSERT_EQ(parts.size(), weights.size());
      EXPECT_EQ(WideToString(Sum(parts)), WideToString(total));
      for (size_t i = 0; i < parts.size(); ++i) EXPECT_GE(parts[i], 0);
    }
  }
}

TEST(UsageAllocation, ZeroWeightRowsGetNothingWhenOthersWeigh) {
  EXPECT_EQ(AllocateByWeight(9, {0, 5, 0, 5}), (std::vector<Wide>{0, 5, 0, 4}));
  EXPECT_TRUE(AllocateByWeight(9, {}).empty());
}

}  // namespace
}  // namespace mesh::usage
