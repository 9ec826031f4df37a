#include "format/parquet/column_statistics.h"

#include <cmath>

#include "format/parquet/plain_encoder.h"

namespace mesh::format::parquet {
namespace {

template <typename T>
void Widen(const T& value, bool first, T* min, T* max) {
  if (first || value < *min) *min = value;
  if (first || *max < value) *max = value;
}

}  // namespace

void StatisticsBuilder::AddInteger(int64_t value) {
  Widen(value, !has_values_, &min_integer_, &max_integer_);
  has_values_ = true;
}

void StatisticsBuilder::AddFloat(float value) { AddDouble(value); }

void StatisticsBuilder::AddDouble(double value) {
  if (std::isnan(value)) return;
  Widen(value, !has_values_, &min_floating_, &max_floating_);
  has_values_ = true;
}

void StatisticsBuilder::AddDecimal(int128 value) {
  Widen(value, !has_values_, &min_decimal_, &max_decimal_);
  has_values_ = true;
}

void StatisticsBuilder::AddBytes(std::string_view value) {
  // std::string_view compares as unsigned bytes (char_traits<char> is memcmp-like).
  if (!has_values_ || value < min_bytes_) min_bytes_.assign(value);
  if (!has_values_ || value > max_bytes_) max_bytes_.assign(value);
  has_values_ = true;
}

bool StatisticsBuilder::has_min_max() const {
  if (!has_values_) return false;
  if (type_.id == TypeId::kString || type_.id == TypeId::kBinary) {
    return min_bytes_.size() <= kMaxStatisticsValueBytes &&
           max_bytes_.size() <= kMaxStatisticsValueBytes;
  }
  return true;
}

std::string StatisticsBuilder::EncodeInteger(int64_t value) const {
  std::string out;
  switch (type_.id) {
    case TypeId::kBoolean:
      out.push_back(static_cast<char>(value));
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      AppendPlainInt64(value, &out);
      break;
    default:  // int32, date
      AppendPlainInt32(static_cast<int32_t>(value), &out);
      break;
  }
  return out;
}

std::string StatisticsBuilder::EncodeFloating(double value) const {
  std::string out;
  if (type_.id == TypeId::kFloat) {
    AppendPlainFloat(static_cast<float>(value), &out);
  } else {
    AppendPlainDouble(value, &out);
  }
  return out;
}

std::string StatisticsBuilder::EncodeDecimal(int128 value) const {
  std::string out;
  if (type_.precision <= 9) {
    AppendPlainInt32(static_cast<int32_t>(value), &out);
  } else if (type_.precision <= 18) {
    AppendPlainInt64(static_cast<int64_t>(value), &out);
  } else {
    AppendBigEndianDecimal(value, DecimalByteWidth(type_.precision), &out);
  }
  return out;
}

std::string StatisticsBuilder::EncodedMin() const {
  switch (type_.id) {
    case TypeId::kFloat:
    case TypeId::kDouble:
      return EncodeFloating(min_floating_ == 0 ? -0.0 : min_floating_);
    case TypeId::kDecimal:
      return EncodeDecimal(min_decimal_);
    case TypeId::kString:
    case TypeId::kBinary:
      return min_bytes_;
    default:
      return EncodeInteger(min_integer_);
  }
}

std::string StatisticsBuilder::EncodedMax() const {
  switch (type_.id) {
    case TypeId::kFloat:
    case TypeId::kDouble:
      return EncodeFloating(max_floating_ == 0 ? 0.0 : max_floating_);
    case TypeId::kDecimal:
      return EncodeDecimal(max_decimal_);
    case TypeId::kString:
    case TypeId::kBinary:
      return max_bytes_;
    default:
      return EncodeInteger(max_integer_);
  }
}

void StatisticsBuilder::Clear() { *this = StatisticsBuilder(type_); }

}  // namespace mesh::format::parquet
