// Batch: a bounded number of rows of a data set in columnar form: one typed Column per schema
// field, each with a validity bitmap. Every reader (CSV, JSONL, Parquet) produces Batches of the
// descriptor's types, and the quality engine and writers consume them, so memory stays flat
// however many rows a file has. Values that could not be read as their type are null in the
// column and listed in `type_errors`. A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_type.h"

namespace mesh::format {

using int128 = __int128;

// One column of a batch. Storage by type:
//   boolean            -> bools (0/1 per row)
//   int32, date        -> i32 (date: days since 1970-01-01)
//   int64, timestamp   -> i64 (timestamp: UTC microseconds since the epoch)
//   float              -> f32
//   double             -> f64
//   decimal(P,S)       -> d128 (the unscaled value; value = d128 / 10^S)
//   string, binary     -> offsets (num_rows + 1 entries) into `bytes`
// A null row holds a zero / empty value in storage.
class Column {
 public:
  Column() = default;
  explicit Column(FieldType type) : type_(type) {}

  const FieldType& type() const { return type_; }
  size_t size() const { return size_; }

  bool IsValid(size_t row) const { return (validity_[row >> 6] >> (row & 63)) & 1u; }
  size_t null_count() const { return null_count_; }

  // Appending. Each call adds one row.
  void AppendNull();
  void AppendBool(bool v);
  void AppendInt32(int32_t v);
  void AppendInt64(int64_t v);
  void AppendFloat(float v);
  void AppendDouble(double v);
  void AppendDecimal(int128 v);
  void AppendBytes(std::string_view v);  // string or binary
  // Appends `count` string or binary rows at once: row i is data[offsets[i] - offsets[0],
  // offsets[i + 1] - offsets[0]) (offsets has count + 1 entries); `valid` (count entries of
  // 0/1) marks nulls, nullptr when every row is valid. A null row's range must be empty.
  void AppendBytesRange(std::string_view data, const uint64_t* offsets, size_t count,
                        const uint8_t* valid);
  void Reserve(size_t rows);
  void Clear();  // keeps the type and capacity

  // Reading; precondition: the row's storage matches the type (see the table above).
  bool GetBool(size_t row) const { return bools_[row] != 0; }
  int32_t GetInt32(size_t row) const { return i32_[row]; }
  int64_t GetInt64(size_t row) const { return i64_[row]; }
  float GetFloat(size_t row) const { return f32_[row]; }
  double GetDouble(size_t row) const { return f64_[row]; }
  int128 GetDecimal(size_t row) const { return d128_[row]; }
  std::string_view GetBytes(size_t row) const {
    return std::string_view(bytes_.data() + offsets_[row], offsets_[row + 1] - offsets_[row]);
  }

  // Direct access for fast kernels.
  const std::vector<uint64_t>& validity() const { return validity_; }
  const std::vector<uint8_t>& bools() const { return bools_; }
  const std::vector<int32_t>& i32() const { return i32_; }
  const std::vector<int64_t>& i64() const { return i64_; }
  const std::vector<float>& f32() const { return f32_; }
  const std::vector<double>& f64() const { return f64_; }
  const std::vector<int128>& d128() const { return d128_; }
  const std::vector<uint32_t>& offsets() const { return offsets_; }
  const std::string& bytes() const { return bytes_; }

 private:
  void PushValidity(bool valid);

  FieldType type_;
  size_t size_ = 0;
  size_t null_count_ = 0;
  std::vector<uint64_t> validity_;
  std::vector<uint8_t> bools_;
  std::vector<int32_t> i32_;
  std::vector<int64_t> i64_;
  std::vector<float> f32_;
  std::vector<double> f64_;
  std::vector<int128> d128_;
  std::vector<uint32_t> offsets_{0};
  std::string bytes_;
};

// A value in the input that could not be read as its column's type.
struct TypeError {
  int64_t row = 0;     // 1-based data row number in the file (header excluded)
  int64_t line = 0;    // 1-based line of the file where the row starts (text formats; else 0)
  int column = 0;      // index into the schema's fields
  std::string raw;     // the value as written (truncated to 200 bytes)
  std::string reason;  // e.g. "not an int32", "not an ISO-8601 timestamp with a zone"
};

struct Batch {
  int64_t first_row = 1;  // 1-based row number of this batch's first row in the file
  size_t num_rows = 0;
  std::vector<Column> columns;  // one per schema field, in schema order (or the projection)
  std::vector<TypeError> type_errors;
};

}  // namespace mesh::format
