#include "quality/range_kernel.h"

#include "quality/values.h"

namespace mesh::quality {
namespace {

template <typename T, typename Bound>
int64_t CountOutside(const format::Batch& batch, const format::Column& column, const T* values,
                     Bound low, Bound high, ExampleList* examples) {
  return CountFailingValid(
      column, batch.num_rows,
      [&](size_t i) {
        return (static_cast<Bound>(values[i]) < low) | (static_cast<Bound>(values[i]) > high);
      },
      [&](size_t base, uint64_t bits) {
        AddExamples(batch, base, bits, examples,
                    [&](size_t row) { return FormatCell(column, row); });
      });
}

std::string BoundError(const Field& field, const Literal& literal, bool is_min) {
  return std::string(is_min ? "min" : "max") + " '" + literal.text + "' of field '" + field.name +
         "' is not a value of its type " + field.type.ToString();
}

}  // namespace

Result<std::unique_ptr<RangeKernel>> RangeKernel::Make(const Field& field, int column,
                                                       const std::optional<Literal>& min,
                                                       const std::optional<Literal>& max) {
  std::unique_ptr<RangeKernel> kernel(new RangeKernel());
  kernel->column_ = column;
  kernel->type_ = field.type.id;
  if (min) RETURN_NOT_OK(kernel->SetBound(field, *min, true));
  if (max) RETURN_NOT_OK(kernel->SetBound(field, *max, false));
  if (min && max) {
    kernel->detail_ = "value in [" + min->text + ", " + max->text + "]";
  } else if (min) {
    kernel->detail_ = "value >= " + min->text;
  } else if (max) {
    kernel->detail_ = "value <= " + max->text;
  }
  return kernel;
}

Status RangeKernel::SetBound(const Field& field, const Literal& literal, bool is_min) {
  const Rounding rounding = is_min ? Rounding::kCeil : Rounding::kFloor;
  switch (field.type.id) {
    case TypeId::kInt32:
    case TypeId::kInt64: {
      std::optional<int64_t> value = LiteralToInt64(literal, rounding);
      if (!value) break;
      (is_min ? min_int_ : max_int_) = *value;
      return Status::OK();
    }
    case TypeId::kDate: {
      std::optional<int32_t> value = LiteralToDate(literal);
      if (!value) break;
      (is_min ? min_int_ : max_int_) = *value;
      return Status::OK();
    }
    case TypeId::kTimestamp: {
      std::optional<int64_t> value = LiteralToTimestampMicros(literal);
      if (!value) break;
      (is_min ? min_int_ : max_int_) = *value;
      return Status::OK();
    }
    case TypeId::kFloat:
    case TypeId::kDouble: {
      std::optional<double> value = LiteralToDouble(literal);
      if (!value) break;
      (is_min ? min_double_ : max_double_) = *value;
      return Status::OK();
    }
    case TypeId::kDecimal: {
      std::optional<int128> value = ParseScaledDecimal(literal.text, field.type.scale, rounding);
      if (!value || literal.kind == Literal::Kind::kBool) break;
      (is_min ? min_decimal_ : max_decimal_) = *value;
      return Status::OK();
    }
    default:
      return Status::InvalidArgument("field '" + field.name + "' of type " + field.type.ToString() +
                                     " cannot have min/max: bounds apply to numbers, dates and "
                                     "timestamps");
  }
  return Status::InvalidArgument(BoundError(field, literal, is_min));
}

void RangeKernel::ConsumeBatch(const format::Batch& batch, CountState* state) const {
  const format::Column& column = batch.columns[column_];
  switch (type_) {
    case TypeId::kInt32:
    case TypeId::kDate:
      state->failing +=
          CountOutside(batch, column, column.i32().data(), min_int_, max_int_, &state->examples);
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      state->failing +=
          CountOutside(batch, column, column.i64().data(), min_int_, max_int_, &state->examples);
      break;
    case TypeId::kFloat:
      state->failing += CountOutside(batch, column, column.f32().data(), min_double_, max_double_,
                                     &state->examples);
      break;
    case TypeId::kDouble:
      state->failing += CountOutside(batch, column, column.f64().data(), min_double_, max_double_,
                                     &state->examples);
      break;
    case TypeId::kDecimal:
      state->failing += CountOutside(batch, column, column.d128().data(), min_decimal_,
                                     max_decimal_, &state->examples);
      break;
    default:
      break;
  }
}

}  // namespace mesh::quality
