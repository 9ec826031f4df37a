// ColumnSampler: produces the values of one field of a sample (sample_data.h), honouring the
// field's type and constraints and the product's checks on that column: allowed values (field
// and allowed_values checks, intersected), bounds (min/max and range checks, intersected),
// patterns (field and pattern checks; every value is verified against them), the x-sample hint,
// and the referenced values of a referential check. Values are text in the formats' form.
// Thread-compatible; Sample() is const but uses the caller's Prng.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "demo/prng.h"
#include "demo/sample_hint.h"
#include "model/descriptor.h"

namespace re2 {
class RE2;
}

namespace mesh::demo {

struct ColumnContext {
  Timestamp now;
  int64_t rows = 0;                                      // rows asked for
  const SampleHint* hint = nullptr;                      // the field's x-sample hint, if any
  const std::vector<std::string>* references = nullptr;  // referential: the values to draw from
  bool is_event_time = false;
  bool draws_distinct = false;  // the column alone is a unique key: never repeat a value
  uint64_t seed = 0;            // for the column's own shuffles
};

class ColumnSampler {
 public:
  static Result<ColumnSampler> Make(const Descriptor& product, const Field& field,
                                    const ColumnContext& context);
  ColumnSampler(ColumnSampler&&) noexcept;
  ColumnSampler& operator=(ColumnSampler&&) noexcept;
  ~ColumnSampler();

  // The value for the `row`-th accepted row (0-based), at time `slot` (0 = newest; rows further
  // back in time get higher slots). nullopt when the column has run out of distinct values.
  std::optional<std::string> Sample(Prng* prng, int64_t row, int64_t slot) const;

  // true when `value` matches every pattern on the column (vacuously true without patterns).
  bool MatchesPatterns(const std::string& value) const;
  bool HasPatterns() const { return !patterns_.empty(); }

  const Field& field() const { return *field_; }
  // A value above the column's max (else below its min), or nullopt without numeric bounds.
  std::optional<std::string> OutOfRangeValue() const;

 private:
  ColumnSampler() = default;
  Status PlanAllowedValues(const Descriptor& product);
  Status PlanBounds(const Descriptor& product);
  Status PlanPatterns(const Descriptor& product);
  Status PlanNumericRange();
  Status PlanTemporalWindow();
  Status PlanStrings();

  std::string SampleNumber(Prng* prng, int64_t row) const;
  std::string SampleDate(Prng* prng, int64_t slot) const;
  std::string SampleTimestamp(Prng* prng, int64_t slot) const;
  std::string SampleString(Prng* prng, int64_t row) const;
  std::string SampleBinary(Prng* prng) const;

  const Field* field_ = nullptr;
  ColumnContext context_;
  std::string where_;  // "file: field 'x'" for messages
  // Values to draw from (referenced values, else allowed values); shuffled when draws_distinct.
  std::vector<std::string> choices_;
  std::optional<Literal> min_;
  std::optional<Literal> max_;
  std::vector<std::unique_ptr<re2::RE2>> patterns_;
  // Numbers as integers scaled by 10^scale_ (integers: scale 0; double/float: scale 4).
  int scale_ = 0;
  bool trim_zeros_ = false;  // double/float: "0.25", not "0.2500"
  bool skewed_ = false;      // counts: small values more often than large ones
  // Numbers: scaled bounds; dates: days; timestamps: seconds since the epoch.
  int64_t low_ = 0;
  int64_t high_ = 0;
  int64_t newest_ = 0;  // event_time: the value of slot 0 (days or seconds)
  int64_t span_ = 0;    // event_time: how far back the rows reach (days or seconds)
  enum class TextSource { kChoices, kTemplate, kPersonName, kEmail, kSentence, kPlace, kWord };
  TextSource text_source_ = TextSource::kWord;
};

}  // namespace mesh::demo
