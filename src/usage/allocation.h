// Allocation of an integer total to rows in proportion to integer weights, so that the parts
// add up to the total exactly (docs/usage.md "Charge-back arithmetic"). Largest-remainder
// (Hamilton) method: each row gets the floor of its exact share, and the units left over go one
// each to the rows with the largest remainders; equal remainders go to the earlier row (rows
// are passed in a fixed order: sorted by name), so the result is deterministic. Every part is
// within one unit of its exact share. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "usage/exact_amount.h"

namespace mesh::usage {

// Parts of `total` (>= 0) by `weights` (each >= 0). When every weight is 0 the total is split
// equally (largest remainder again), so nothing is ever lost; no weights: empty result.
std::vector<Wide> AllocateByWeight(Wide total, const std::vector<Wide>& weights);

// `total` split into `parts` equal shares, the first rows taking the leftover units.
std::vector<Wide> AllocateEqually(Wide total, size_t parts);

}  // namespace mesh::usage
