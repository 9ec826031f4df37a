#include "quality/referential_kernel.h"

#include <cmath>

#include "quality/values.h"

namespace mesh::quality {
namespace {

// "5.00" -> "5", "0.50" -> "0.5", "-0.00" -> "0".
std::string TrimDecimal(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

}  // namespace

std::string CanonicalValue(const format::Column& column, size_t row) {
  switch (column.type().id) {
    case TypeId::kFloat:
    case TypeId::kDouble: {
      const double value =
          column.type().id == TypeId::kFloat ? column.GetFloat(row) : column.GetDouble(row);
      if (value == std::trunc(value) && std::fabs(value) < 9.2e18) {
        return std::to_string(static_cast<int64_t>(value));
      }
      return FormatDouble(value);
    }
    case TypeId::kDecimal:
      return TrimDecimal(FormatDecimal(column.GetDecimal(row), column.type().scale));
    default:
      return FormatCell(column, row);
  }
}

Result<std::shared_ptr<const ReferenceValues>> ReferenceValues::Load(format::BatchReader* reader,
                                                                     int column) {
  auto values = std::make_shared<ReferenceValues>();
  format::Batch batch;
  while (true) {
    ASSIGN_OR_RAISE(bool more, reader->Next(&batch));
    if (!more) break;
    const format::Column& data = batch.columns[column];
    for (size_t row = 0; row < batch.num_rows; ++row) {
      if (data.IsValid(row)) values->Add(CanonicalValue(data, row));
    }
  }
  return std::shared_ptr<const ReferenceValues>(std::move(values));
}

void ReferentialKernel::ConsumeBatch(const format::Batch& batch, CountState* state) const {
  const format::Column& column = batch.columns[column_];
  std::string scratch;
  state->failing += CountFailingSparse(
      column, batch.num_rows,
      [&](size_t i) {
        scratch = CanonicalValue(column, i);
        return !values_->Contains(scratch);
      },
      [&](size_t base, uint64_t bits) {
        AddExamples(batch, base, bits, &state->examples,
                    [&](size_t row) { return FormatCell(column, row); });
      });
}

}  // namespace mesh::quality
