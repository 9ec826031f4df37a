// Thrift compact protocol (the encoding of every Parquet footer and page header): a bounded
// decoder over untrusted bytes and an encoder for the writer. Only what Parquet uses: structs,
// bools, i8/i16/i32/i64, double, binary, lists/sets and maps.
//
// ThriftCompactReader never allocates from a size it read without first checking it against the
// bytes that remain (every list element, map entry or string byte takes at least one byte), and
// refuses nesting deeper than `max_depth`. Errors are Corruption statuses naming the byte offset.
// Both classes are plain values; external synchronization required.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace mesh::format::parquet {

// Type nibbles of the compact protocol. In a struct field header a bool carries its value in the
// type (kBoolTrue / kBoolFalse); in a list a bool is one byte (1 = true, anything else false).
enum class ThriftType : uint8_t {
  kStop = 0,
  kBoolTrue = 1,
  kBoolFalse = 2,
  kByte = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

std::string_view ThriftTypeName(ThriftType type);

struct ThriftLimits {
  int max_depth = 64;                        // nested structs/containers
  uint64_t max_string_bytes = 1ull << 30;    // one binary value
  uint64_t max_container_size = 1ull << 28;  // elements of one list/set/map
};

class ThriftCompactReader {
 public:
  explicit ThriftCompactReader(std::string_view bytes, ThriftLimits limits = {});

  size_t position() const { return pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }

  // Enter / leave a struct: field ids are delta-coded relative to the previous field of the
  // same struct. BeginStruct fails beyond the depth limit.
  Status BeginStruct();
  Status EndStruct();
  // The next field of the current struct; `*type` is kStop (and `*id` 0) after the last one.
  Status ReadFieldHeader(int16_t* id, ThriftType* type);

  Status ReadByte(int8_t* value);
  Status ReadI16(int16_t* value);
  Status ReadI32(int32_t* value);
  Status ReadI64(int64_t* value);
  Status ReadDouble(double* value);
  // A view into the input bytes (valid while the input lives).
  Status ReadBinary(std::string_view* value);
  // A bool element of a list or set (one byte).
  Status ReadBoolElement(bool* value);
  Status ReadListHeader(ThriftType* element_type, uint32_t* size);  // also for sets
  Status ReadMapHeader(ThriftType* key_type, ThriftType* value_type, uint32_t* size);

  // Skips one value of `type` (a field's value, or a container element). For a struct field
  // with type kBoolTrue/kBoolFalse there is nothing to skip.
  Status Skip(ThriftType type);

  // Corruption "Thrift compact data: <what> at byte N".
  Status Error(std::string_view what) const;

 private:
  Status ReadVarint(uint64_t* value);
  Status ReadZigZag(int64_t* value);
  Status CheckContainerSize(uint64_t size, uint64_t min_bytes_each);
  Status SkipElement(ThriftType type);  // a container element: bools are one byte
  Status EnterNesting();

  std::string_view bytes_;
  size_t pos_ = 0;
  ThriftLimits limits_;
  std::vector<int16_t> last_field_ids_;  // one per open struct
  int depth_ = 0;                        // open structs + containers being skipped
};

// Appends compact-protocol bytes to a string. Field ids must increase within a struct only in
// the sense that deltas 1..15 get the short header; any order is encoded correctly.
class ThriftCompactWriter {
 public:
  ThriftCompactWriter() = default;

  void BeginStruct();
  void EndStruct();  // writes the STOP byte
  void WriteFieldHeader(int16_t id, ThriftType type);

  void WriteBoolField(int16_t id, bool value);
  void WriteI32Field(int16_t id, int32_t value);
  void WriteI64Field(int16_t id, int64_t value);
  void WriteBinaryField(int16_t id, std::string_view value);

  void WriteByte(int8_t value);
  void WriteI16(int16_t value);
  void WriteI32(int32_t value);
  void WriteI64(int64_t value);
  void WriteDouble(double value);
  void WriteBinary(std::string_view value);
  void WriteBoolElement(bool value);
  void WriteListHeader(ThriftType element_type, uint32_t size);
  void WriteMapHeader(ThriftType key_type, ThriftType value_type, uint32_t size);

  const std::string& bytes() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  void WriteVarint(uint64_t value);
  void WriteZigZag(int64_t value);

  std::string out_;
  std::vector<int16_t> last_field_ids_;
};

}  // namespace mesh::format::parquet
