// Referential integrity (`referential` check): every non-null value of a column must occur in a
// field of another product's data. The referenced field's distinct values are loaded first
// (ReferenceValues, from any BatchReader), then each value is probed. Values compare by their
// canonical text: numbers as numbers across int32/int64/double/decimal (5 == 5.0 == 5.00),
// strings exactly, dates and timestamps in ISO form.
// ReferenceValues is immutable once loaded and safe for concurrent reads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/result.h"
#include "format/reader.h"
#include "quality/kernel.h"

namespace mesh::quality {

// The canonical text of a non-null cell for referential comparison.
std::string CanonicalValue(const format::Column& column, size_t row);

class ReferenceValues {
 public:
  void Add(std::string value) { values_.insert(std::move(value)); }
  bool Contains(std::string_view value) const { return values_.find(value) != values_.end(); }
  size_t size() const { return values_.size(); }

  // Reads every batch of `reader` and keeps the distinct non-null values of `column`.
  static Result<std::shared_ptr<const ReferenceValues>> Load(format::BatchReader* reader,
                                                             int column);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> values_;
};

class ReferentialKernel final : public CountingKernel<> {
 public:
  ReferentialKernel(int column, std::shared_ptr<const ReferenceValues> values)
      : column_(column), values_(std::move(values)) {}

 protected:
  void ConsumeBatch(const format::Batch& batch, CountState* state) const override;

 private:
  int column_;
  std::shared_ptr<const ReferenceValues> values_;
};

}  // namespace mesh::quality
