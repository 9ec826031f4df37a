// CheckPlan: every check a descriptor implies (data-product.md "Quality checks", "Service
// levels", "Data in, data out"), planned once into typed kernels that one pass over the data
// executes. Names and order follow shared/bench/README.md: field constraints per field
// (required, unique, allowed_values, range, pattern), pk.not_null, pk.unique, quality[k].<check>,
// sla.min_completeness, sla.max_lag_hours, type.<field> per non-string field, type.
// Checks that measure the same thing share a kernel (a null count, a key table, the newest event
// time). Immutable once made; safe for concurrent use (kernels keep per-thread states).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/descriptor.h"
#include "quality/kernel.h"
#include "quality/referential_kernel.h"
#include "quality/report.h"

namespace mesh::quality {

struct PlannedCheck {
  std::string name;
  std::string kind;    // "required", "unique", "range", ..., "type", "lag"
  std::string detail;  // what is checked, for people
  ResultShape shape = ResultShape::kRows;
  Severity severity = Severity::kError;
  double max_failing = 0;     // kRows
  int kernel = -1;            // index into kernels(); -1 for row_count
  int output = 0;             // which output of the kernel
  std::optional<double> min;  // kRowCount, kCompleteness
  std::optional<double> max;  // kRowCount
  double max_age_hours = 0;   // kFreshness, kLag
};

// Finds the distinct values of `<product>.<field>` for a referential check (from files given on
// the command line, or later the catalog's current version). NotFound when there is no data.
using ReferenceResolver = std::function<Result<std::shared_ptr<const ReferenceValues>>(
    const std::string& product, const std::string& field)>;

struct PlanOptions {
  ReferenceResolver references;  // needed only when the descriptor has referential checks
};

class CheckPlan {
 public:
  // InvalidArgument naming the check when a check cannot be planned: an unknown column, a bound
  // that is not a value of the field's type, an invalid pattern, freshness or lag without
  // event_time, a referential check whose data cannot be found.
  static Result<CheckPlan> Make(const Descriptor& descriptor, const PlanOptions& options = {});

  const std::vector<std::unique_ptr<Kernel>>& kernels() const { return kernels_; }
  const std::vector<PlannedCheck>& checks() const { return checks_; }
  int num_fields() const { return num_fields_; }
  // Kernels behind the SLA measures: rows missing a required field; newest event time (-1).
  int completeness_kernel() const { return completeness_kernel_; }
  int newest_kernel() const { return newest_kernel_; }

 private:
  class Builder;

  std::vector<std::unique_ptr<Kernel>> kernels_;
  std::vector<PlannedCheck> checks_;
  int num_fields_ = 0;
  int completeness_kernel_ = -1;
  int newest_kernel_ = -1;
};

}  // namespace mesh::quality
