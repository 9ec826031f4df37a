// Sample data: deterministic rows for a data product, generated from its descriptor alone, that
// honour its schema and constraints (types, required, unique and primary keys, allowed_values,
// min/max and range checks, patterns through `x-sample` hints (sample_hint.h), referential
// checks through the already generated upstream products) and put the newest event_time just
// before the run's `now`, so that freshness and lag promises hold. The same descriptor, seed and
// `now` give the same rows, byte for byte, on every machine.
//
// Defects can be injected on purpose (the demo's "rejected for quality" publish): each defect
// makes exactly the stated share of rows fail one check.
//
// GenerateSample is a pure function; thread-safe. SampleCatalog is thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "model/descriptor.h"

namespace mesh::demo {

// A value as text in the form the data formats use ("2026-11-20T07:30:00Z", "12.50", "true");
// nullopt is null.
using SampleCell = std::optional<std::string>;

// Generated rows of one product, in the descriptor's field order.
struct SampleTable {
  std::string product;
  std::vector<std::string> columns;
  std::vector<FieldType> types;
  std::vector<std::vector<SampleCell>> rows;
  // Why fewer rows than asked were generated (e.g. the primary key ran out of distinct values);
  // empty when all were.
  std::string shortfall;

  int ColumnIndex(std::string_view column) const;  // -1 when absent
};

// A deliberate defect: rows whose `column` fails a check.
struct SampleDefect {
  enum class Kind {
    kNull,          // null in `column` (fails required / not_null / completeness)
    kBreakPattern,  // a value of `column` that its pattern rejects
    kOutOfRange,    // a value of `column` above its max (or below its min)
    kUnparsable,    // text that cannot be read as `column`'s type (fails the type check)
    kDuplicateKey,  // the primary key of the row before (fails the primary key; `column` unused)
  };
  Kind kind = Kind::kNull;
  std::string column;
  // Share of rows to spoil: exactly round(fraction * rows), at least one when above 0.
  double fraction = 0;
};

struct SampleOptions {
  uint64_t seed = 1;
  int64_t rows = 200;
  Timestamp now;  // the newest event_time lies just before this instant
  std::vector<SampleDefect> defects;
};

// Products generated so far, by name: referential checks draw their values from here.
class SampleCatalog {
 public:
  void Add(SampleTable table);
  const SampleTable* Find(std::string_view product) const;
  // The distinct non-null values of `product.column`, in order of first appearance; nullptr
  // when the product or column is absent.
  const std::vector<std::string>* DistinctValues(std::string_view product,
                                                 std::string_view column) const;

 private:
  std::map<std::string, SampleTable, std::less<>> tables_;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> distinct_;
};

// Generates `options.rows` rows for `product` (fewer, with SampleTable::shortfall saying why,
// when its keys cannot take that many distinct values). Fails with InvalidArgument naming the
// file and field when the descriptor cannot be sampled: a pattern without an x-sample hint, a
// hint whose values break the pattern, a referential check whose product is not in `upstream`,
// contradictory bounds, or a defect that cannot apply. Rows come oldest first (by event_time).
// Defects (options.defects) are applied last, from their own random stream, so the rows they
// leave alone are exactly those of a clean run.
Result<SampleTable> GenerateSample(const Descriptor& product, const SampleOptions& options,
                                   const SampleCatalog& upstream);

}  // namespace mesh::demo
