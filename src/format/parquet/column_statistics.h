// StatisticsBuilder: min, max and null count of one column chunk, in the order Parquet defines
// for the column's type (ColumnOrder TYPE_DEFINED_ORDER): integers, dates, timestamps and decimals
// (every physical width) compare as signed numbers, strings and binary as unsigned bytes,
// booleans false < true. Float and double ignore NaN (a chunk of only NaN has no min/max), and a
// zero minimum is written as -0.0 and a zero maximum as +0.0, as the format asks, so readers
// never skip a page that holds the other zero. Byte-array min/max longer than
// kMaxStatisticsValueBytes are left out (the format allows omitting them). Min/max come out in
// the statistics encoding: PLAIN without a length prefix (decimals in the column's physical
// representation). External synchronization required.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/field_type.h"

namespace mesh::format::parquet {

using int128 = __int128;

constexpr size_t kMaxStatisticsValueBytes = 4096;

class StatisticsBuilder {
 public:
  explicit StatisticsBuilder(FieldType type) : type_(type) {}

  void AddNull() { ++null_count_; }
  void AddBool(bool value) { AddInteger(value ? 1 : 0); }
  void AddInt32(int32_t value) { AddInteger(value); }  // int32, date
  void AddInt64(int64_t value) { AddInteger(value); }  // int64, timestamp
  void AddFloat(float value);
  void AddDouble(double value);
  void AddDecimal(int128 value);
  void AddBytes(std::string_view value);  // string, binary

  int64_t null_count() const { return null_count_; }
  bool has_min_max() const;
  // Precondition: has_min_max().
  std::string EncodedMin() const;
  std::string EncodedMax() const;
  void Clear();

 private:
  void AddInteger(int64_t value);
  std::string EncodeInteger(int64_t value) const;
  std::string EncodeFloating(double value) const;
  std::string EncodeDecimal(int128 value) const;

  FieldType type_;
  int64_t null_count_ = 0;
  bool has_values_ = false;  // at least one non-null, non-NaN value
  int64_t min_integer_ = 0, max_integer_ = 0;
  double min_floating_ = 0, max_floating_ = 0;
  int128 min_decimal_ = 0, max_decimal_ = 0;
  std::string min_bytes_, max_bytes_;
};

}  // namespace mesh::format::parquet
