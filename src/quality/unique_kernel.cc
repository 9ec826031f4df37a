#include "quality/unique_kernel.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>

#include "base/time.h"
#include "quality/values.h"

namespace mesh::quality {
namespace {

// A double as a 64-bit key: equal numbers give equal keys (-0.0 == 0.0).
int64_t DoubleKey(double value) {
  if (value == 0) value = 0;
  return std::bit_cast<int64_t>(value);
}

bool IsIntLike(TypeId id) {
  switch (id) {
    case TypeId::kBoolean:
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kFloat:
    case TypeId::kDouble:
    case TypeId::kDate:
    case TypeId::kTimestamp:
      return true;
    default:
      return false;
  }
}

// The value of an int-like column's row as a 64-bit key.
int64_t IntKey(const format::Column& column, size_t row) {
  switch (column.type().id) {
    case TypeId::kBoolean:
      return column.bools()[row];
    case TypeId::kInt32:
    case TypeId::kDate:
      return column.i32()[row];
    case TypeId::kFloat:
      return DoubleKey(column.f32()[row]);
    case TypeId::kDouble:
      return DoubleKey(column.f64()[row]);
    default:
      return column.i64()[row];
  }
}

void AppendRaw(std::string* key, const void* data, size_t size) {
  key->append(static_cast<const char*>(data), size);
}

template <typename T>
T ReadRaw(std::string_view* key) {
  T value{};
  if (key->size() < sizeof(T)) return value;
  std::memcpy(&value, key->data(), sizeof(T));
  key->remove_prefix(sizeof(T));
  return value;
}

std::string DescribeIntValue(const FieldType& type, int64_t key) {
  switch (type.id) {
    case TypeId::kBoolean:
      return key != 0 ? "true" : "false";
    case TypeId::kFloat:
    case TypeId::kDouble:
      return FormatDouble(std::bit_cast<double>(key));
    case TypeId::kDate:
      return FormatDate(static_cast<int32_t>(key));
    case TypeId::kTimestamp:
      return FormatTimestamp(Timestamp{key});
    default:
      return std::to_string(key);
  }
}

// Collects the duplicated keys with the smallest first rows.
class DuplicateExamples {
 public:
  void Offer(uint32_t first_row, uint32_t count, const std::function<std::string()>& describe) {
    if (candidates_.size() == kMaxExamples && first_row >= candidates_.back().row) return;
    candidates_.push_back({first_row, describe(), count});
    std::sort(candidates_.begin(), candidates_.end(),
              [](const Example& a, const Example& b) { return a.row < b.row; });
    if (candidates_.size() > kMaxExamples) candidates_.pop_back();
  }
  std::vector<Example> Take() { return std::move(candidates_); }

 private:
  std::vector<Example> candidates_;
};

}  // namespace

UniqueKernel::UniqueKernel(std::vector<int> columns, std::vector<FieldType> types)
    : columns_(std::move(columns)), types_(std::move(types)) {}

bool UniqueKernel::UsesIntTable() const { return columns_.size() == 1 && IsIntLike(types_[0].id); }

void UniqueKernel::ConsumeBatch(const format::Batch& batch, UniqueState* state) const {
  if (UsesIntTable()) {
    ConsumeSingleInt(batch, state);
  } else if (columns_.size() == 1) {
    ConsumeSingleBytes(batch, state);
  } else {
    ConsumeCombination(batch, state);
  }
}

void UniqueKernel::ConsumeSingleInt(const format::Batch& batch, UniqueState* state) const {
  const format::Column& column = batch.columns[columns_[0]];
  const uint64_t* validity = column.validity().data();
  const TypeId id = column.type().id;
  for (size_t row = 0; row < batch.num_rows; ++row) {
    const uint32_t row_number = ClampRow(batch.first_row + static_cast<int64_t>(row));
    if (((validity[row >> 6] >> (row & 63)) & 1) == 0) {
      ++state->nulls;
      state->first_null_row = std::min(state->first_null_row, row_number);
      continue;
    }
    const int64_t key = (id == TypeId::kInt64 || id == TypeId::kTimestamp) ? column.i64()[row]
                                                                           : IntKey(column, row);
    state->ints.Add(key, row_number);
  }
}

void UniqueKernel::ConsumeSingleBytes(const format::Batch& batch, UniqueState* state) const {
  const format::Column& column = batch.columns[columns_[0]];
  const bool decimal = column.type().id == TypeId::kDecimal;
  for (size_t row = 0; row < batch.num_rows; ++row) {
    const uint32_t row_number = ClampRow(batch.first_row + static_cast<int64_t>(row));
    if (!column.IsValid(row)) {
      ++state->nulls;
      state->first_null_row = std::min(state->first_null_row, row_number);
      continue;
    }
    if (decimal) {
      const format::int128 value = column.GetDecimal(row);
      state->bytes.Add(std::string_view(reinterpret_cast<const char*>(&value), sizeof(value)),
                       row_number);
    } else {
      state->bytes.Add(column.GetBytes(row), row_number);
    }
  }
}

// Key bytes of a combination: one byte "has a null", then per column a null marker and, when
// not null, the value (8 bytes for int-like, 16 for decimals, length + bytes for strings).
void UniqueKernel::EncodeRow(const format::Batch& batch, size_t row, std::string* key) const {
  key->assign(1, '\0');
  for (size_t i = 0; i < columns_.size(); ++i) {
    const format::Column& column = batch.columns[columns_[i]];
    if (!column.IsValid(row)) {
      (*key)[0] = '\1';
      key->push_back('\0');
      continue;
    }
    key->push_back('\1');
    if (IsIntLike(types_[i].id)) {
      const int64_t value = IntKey(column, row);
      AppendRaw(key, &value, sizeof(value));
    } else if (types_[i].id == TypeId::kDecimal) {
      const format::int128 value = column.GetDecimal(row);
      AppendRaw(key, &value, sizeof(value));
    } else {
      const std::string_view bytes = column.GetBytes(row);
      const uint32_t length = static_cast<uint32_t>(bytes.size());
      AppendRaw(key, &length, sizeof(length));
      key->append(bytes);
    }
  }
}

void UniqueKernel::ConsumeCombination(const format::Batch& batch, UniqueState* state) const {
  for (size_t row = 0; row < batch.num_rows; ++row) {
    EncodeRow(batch, row, &state->scratch);
    state->bytes.Add(state->scratch, ClampRow(batch.first_row + static_cast<int64_t>(row)));
  }
}

void UniqueKernel::MergeStates(UniqueState* into, UniqueState* from) const {
  const int64_t before =
      static_cast<int64_t>(into->ints.memory_bytes() + into->bytes.memory_bytes() +
                           from->ints.memory_bytes() + from->bytes.memory_bytes());
  into->peak_bytes = std::max({into->peak_bytes, from->peak_bytes, before});
  into->ints.Absorb(&from->ints);
  into->bytes.Absorb(&from->bytes);
  into->nulls += from->nulls;
  into->first_null_row = std::min(into->first_null_row, from->first_null_row);
}

std::string UniqueKernel::DescribeIntKey(int64_t key) const {
  return DescribeIntValue(types_[0], key);
}

std::string UniqueKernel::DescribeBytesKey(std::string_view key) const {
  if (columns_.size() == 1) {
    if (types_[0].id != TypeId::kDecimal) return std::string(key);
    return FormatDecimal(ReadRaw<format::int128>(&key), types_[0].scale);
  }
  key.remove_prefix(1);
  std::string text = "(";
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) text += ", ";
    if (ReadRaw<char>(&key) == '\0') {
      text += "null";
    } else if (IsIntLike(types_[i].id)) {
      text += DescribeIntValue(types_[i], ReadRaw<int64_t>(&key));
    } else if (types_[i].id == TypeId::kDecimal) {
      text += FormatDecimal(ReadRaw<format::int128>(&key), types_[i].scale);
    } else {
      const uint32_t length = ReadRaw<uint32_t>(&key);
      text += key.substr(0, length);
      key.remove_prefix(std::min<size_t>(length, key.size()));
    }
  }
  return text + ")";
}

std::vector<Measure> UniqueKernel::FinishState(UniqueState* state) const {
  Measure ignoring_nulls;
  Measure nulls_as_values;
  DuplicateExamples examples_ignoring_nulls;
  DuplicateExamples examples_with_nulls;
  auto record = [&](bool has_null, uint32_t count, uint32_t first_row,
                    const std::function<std::string()>& describe) {
    if (count < 2) return;
    nulls_as_values.failing_rows += count;
    examples_with_nulls.Offer(first_row, count, describe);
    if (has_null) return;
    ignoring_nulls.failing_rows += count;
    examples_ignoring_nulls.Offer(first_row, count, describe);
  };
  for (const Int64KeyTable::Slot& slot : state->ints.slots()) {
    if (slot.count == 0) continue;
    record(false, slot.count, slot.first_row, [&] { return DescribeIntKey(slot.key); });
  }
  for (const BytesKeyTable::Slot& slot : state->bytes.slots()) {
    if (slot.data == nullptr) continue;
    const std::string_view key(slot.data, slot.length);
    const bool has_null = columns_.size() > 1 && key[0] != '\0';
    record(has_null, slot.count, slot.first_row, [&] { return DescribeBytesKey(key); });
  }
  if (state->nulls > 0) {
    record(true, static_cast<uint32_t>(state->nulls), state->first_null_row,
           [] { return std::string("null"); });
  }
  ignoring_nulls.examples = examples_ignoring_nulls.Take();
  nulls_as_values.examples = examples_with_nulls.Take();
  const int64_t memory =
      std::max(state->peak_bytes,
               static_cast<int64_t>(state->ints.memory_bytes() + state->bytes.memory_bytes()));
  ignoring_nulls.memory_bytes = memory;
  nulls_as_values.memory_bytes = memory;
  return {std::move(ignoring_nulls), std::move(nulls_as_values)};
}

}  // namespace mesh::quality
