#include "format/batch.h"

namespace mesh::format {

void Column::PushValidity(bool valid) {
  const size_t word = size_ >> 6;
  if (word >= validity_.size()) validity_.push_back(0);
  if (valid) {
    validity_[word] |= uint64_t{1} << (size_ & 63);
  } else {
    ++null_count_;
  }
  ++size_;
}

void Column::AppendNull() {
  switch (type_.id) {
    case TypeId::kBoolean:
      bools_.push_back(0);
      break;
    case TypeId::kInt32:
    case TypeId::kDate:
      i32_.push_back(0);
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      i64_.push_back(0);
      break;
    case TypeId::kFloat:
      f32_.push_back(0);
      break;
    case TypeId::kDouble:
      f64_.push_back(0);
      break;
    case TypeId::kDecimal:
      d128_.push_back(0);
      break;
    case TypeId::kString:
    case TypeId::kBinary:
      offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
      break;
  }
  PushValidity(false);
}

void Column::AppendBool(bool v) {
  bools_.push_back(v ? 1 : 0);
  PushValidity(true);
}

void Column::AppendInt32(int32_t v) {
  i32_.push_back(v);
  PushValidity(true);
}

void Column::AppendInt64(int64_t v) {
  i64_.push_back(v);
  PushValidity(true);
}

void Column::AppendFloat(float v) {
  f32_.push_back(v);
  PushValidity(true);
}

void Column::AppendDouble(double v) {
  f64_.push_back(v);
  PushValidity(true);
}

void Column::AppendDecimal(int128 v) {
  d128_.push_back(v);
  PushValidity(true);
}

void Column::AppendBytes(std::string_view v) {
  bytes_.append(v);
  offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  PushValidity(true);
}

void Column::AppendBytesRange(std::string_view data, const uint64_t* offsets, size_t count,
                              const uint8_t* valid) {
  const uint64_t base = offsets[0];
  const uint64_t start = bytes_.size();
  bytes_.append(data);
  offsets_.reserve(offsets_.size() + count);
  for (size_t i = 1; i <= count; ++i) {
    offsets_.push_back(static_cast<uint32_t>(start + (offsets[i] - base)));
  }
  validity_.reserve((size_ + count + 63) / 64);
  for (size_t i = 0; i < count; ++i) PushValidity(valid == nullptr || valid[i] != 0);
}

void Column::Reserve(size_t rows) {
  validity_.reserve((rows + 63) / 64);
  switch (type_.id) {
    case TypeId::kBoolean:
      bools_.reserve(rows);
      break;
    case TypeId::kInt32:
    case TypeId::kDate:
      i32_.reserve(rows);
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      i64_.reserve(rows);
      break;
    case TypeId::kFloat:
      f32_.reserve(rows);
      break;
    case TypeId::kDouble:
      f64_.reserve(rows);
      break;
    case TypeId::kDecimal:
      d128_.reserve(rows);
      break;
    case TypeId::kString:
    case TypeId::kBinary:
      offsets_.reserve(rows + 1);
      break;
  }
}

void Column::Clear() {
  size_ = 0;
  null_count_ = 0;
  validity_.clear();
  bools_.clear();
  i32_.clear();
  i64_.clear();
  f32_.clear();
  f64_.clear();
  d128_.clear();
  offsets_.assign(1, 0);
  bytes_.clear();
}

}  // namespace mesh::format
