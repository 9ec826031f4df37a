#include "quality/allowed_values_kernel.h"

#include <algorithm>

#include "quality/values.h"

namespace mesh::quality {
namespace {

constexpr size_t kLinearSearchLimit = 8;

template <typename T>
void SortUnique(std::vector<T>* values) {
  std::sort(values->begin(), values->end());
  values->erase(std::unique(values->begin(), values->end()), values->end());
}

}  // namespace

template <typename T>
bool AllowedValuesKernel::Contains(const std::vector<T>& sorted, T value) {
  if (sorted.size() <= kLinearSearchLimit) {
    bool found = false;
    for (const T& allowed : sorted) found |= allowed == value;
    return found;
  }
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

Result<std::unique_ptr<AllowedValuesKernel>> AllowedValuesKernel::Make(
    const Field& field, int column, const std::vector<Literal>& values) {
  std::unique_ptr<AllowedValuesKernel> kernel(new AllowedValuesKernel());
  kernel->column_ = column;
  kernel->type_ = field.type.id;
  kernel->detail_ = "value in {";
  for (const Literal& literal : values) {
    if (kernel->detail_.size() > 10) kernel->detail_ += ", ";
    kernel->detail_ += literal.text;
    switch (field.type.id) {
      case TypeId::kString:
      case TypeId::kBinary:
        kernel->strings_.push_back(literal.text);
        break;
      case TypeId::kInt32:
      case TypeId::kInt64:
        if (auto v = LiteralToInt64(literal, Rounding::kExact)) kernel->ints_.push_back(*v);
        break;
      case TypeId::kDate:
        if (auto v = LiteralToDate(literal)) kernel->ints_.push_back(*v);
        break;
      case TypeId::kTimestamp:
        if (auto v = LiteralToTimestampMicros(literal)) kernel->ints_.push_back(*v);
        break;
      case TypeId::kBoolean:
        if (auto v = LiteralToBool(literal)) kernel->ints_.push_back(*v ? 1 : 0);
        break;
      case TypeId::kFloat:
      case TypeId::kDouble:
        if (auto v = LiteralToDouble(literal)) kernel->doubles_.push_back(*v);
        break;
      case TypeId::kDecimal:
        if (auto v = ParseScaledDecimal(literal.text, field.type.scale, Rounding::kExact)) {
          kernel->decimals_.push_back(*v);
        }
        break;
    }
  }
  kernel->detail_ += "}";
  SortUnique(&kernel->strings_);
  SortUnique(&kernel->ints_);
  SortUnique(&kernel->doubles_);
  SortUnique(&kernel->decimals_);
  if (kernel->strings_.size() > kLinearSearchLimit) {
    for (const std::string& s : kernel->strings_) kernel->string_set_.insert(s);
  }
  return kernel;
}

bool AllowedValuesKernel::StringAllowed(std::string_view value) const {
  if (strings_.size() > kLinearSearchLimit) return string_set_.contains(value);
  for (const std::string& allowed : strings_) {
    if (allowed.size() == value.size() && allowed == value) return true;
  }
  return false;
}

void AllowedValuesKernel::ConsumeBatch(const format::Batch& batch, CountState* state) const {
  const format::Column& column = batch.columns[column_];
  auto on_failing = [&](size_t base, uint64_t bits) {
    AddExamples(batch, base, bits, &state->examples,
                [&](size_t row) { return FormatCell(column, row); });
  };
  int64_t failing = 0;
  switch (type_) {
    case TypeId::kString:
    case TypeId::kBinary: {
      const uint32_t* offsets = column.offsets().data();
      const char* bytes = column.bytes().data();
      failing = CountFailingSparse(
          column, batch.num_rows,
          [&](size_t i) {
            return !StringAllowed(
                std::string_view(bytes + offsets[i], offsets[i + 1] - offsets[i]));
          },
          on_failing);
      break;
    }
    case TypeId::kInt32:
    case TypeId::kDate: {
      const int32_t* values = column.i32().data();
      failing = CountFailingSparse(
          column, batch.num_rows, [&](size_t i) { return !Contains<int64_t>(ints_, values[i]); },
          on_failing);
      break;
    }
    case TypeId::kInt64:
    case TypeId::kTimestamp: {
      const int64_t* values = column.i64().data();
      failing = CountFailingSparse(
          column, batch.num_rows, [&](size_t i) { return !Contains<int64_t>(ints_, values[i]); },
          on_failing);
      break;
    }
    case TypeId::kBoolean: {
      const uint8_t* values = column.bools().data();
      failing = CountFailingSparse(
          column, batch.num_rows, [&](size_t i) { return !Contains<int64_t>(ints_, values[i]); },
          on_failing);
      break;
    }
    case TypeId::kFloat: {
      const float* values = column.f32().data();
      failing = CountFailingSparse(
          column, batch.num_rows, [&](size_t i) { return !Contains<double>(doubles_, values[i]); },
          on_failing);
      break;
    }
    case TypeId::kDouble: {
      const double* values = column.f64().data();
      failing = CountFailingSparse(
          column, batch.num_rows, [&](size_t i) { return !Contains<double>(doubles_, values[i]); },
          on_failing);
      break;
    }
    case TypeId::kDecimal: {
      const format::int128* values = column.d128().data();
      failing = CountFailingSparse(
          column, batch.num_rows,
          [&](size_t i) { return !Contains<format::int128>(decimals_, values[i]); }, on_failing);
      break;
    }
  }
  state->failing += failing;
}

}  // namespace mesh::quality
