#include "quality/kernel.h"

#include <charconv>

#include "quality/values.h"

namespace mesh::quality {

void ExampleList::Merge(ExampleList&& other) {
  for (Example& example : other.examples_) examples_.push_back(std::move(example));
  std::sort(examples_.begin(), examples_.end(),
            [](const Example& a, const Example& b) { return a.row < b.row; });
  if (examples_.size() > kMaxExamples) examples_.resize(kMaxExamples);
}

std::string FormatCell(const format::Column& column, size_t row) {
  if (!column.IsValid(row)) return "null";
  switch (column.type().id) {
    case TypeId::kBoolean:
      return column.GetBool(row) ? "true" : "false";
    case TypeId::kInt32:
      return std::to_string(column.GetInt32(row));
    case TypeId::kInt64:
      return std::to_string(column.GetInt64(row));
    case TypeId::kFloat:
      return FormatDouble(column.GetFloat(row));
    case TypeId::kDouble:
      return FormatDouble(column.GetDouble(row));
    case TypeId::kDecimal:
      return FormatDecimal(column.GetDecimal(row), column.type().scale);
    case TypeId::kDate:
      return FormatDate(column.GetInt32(row));
    case TypeId::kTimestamp:
      return FormatTimestamp(Timestamp{column.GetInt64(row)});
    case TypeId::kString:
    case TypeId::kBinary:
      return std::string(column.GetBytes(row));
  }
  return "";
}

}  // namespace mesh::quality
