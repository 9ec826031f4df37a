// ColumnConversion: how one Parquet leaf column becomes a Column of a descriptor field's type.
// PlanConversion decides once per column whether the file's physical type and annotation
// (logical or converted type) can represent the field's type; ConvertRows then converts decoded
// values row by row. Values that fit the plan but not the field (an unsigned 64-bit value above
// int64, a decimal with more fraction digits than the field's scale, a timestamp outside the
// microsecond range, a string that is not UTF-8) become null plus a TypeError.
// docs/parquet.md lists the accepted pairs. Plain values and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "format/batch.h"
#include "format/parquet/parquet_file.h"

namespace mesh::format::parquet {

// The annotation of a leaf column, from its LogicalType, else its ConvertedType.
struct Annotation {
  enum class Kind {
    kNone,
    kString,
    kEnum,
    kJson,
    kBson,
    kUuid,
    kDecimal,
    kDate,
    kTime,
    kTimestamp,
    kSignedInt,
    kUnsignedInt,
    kFloat16,
    kInterval,
    kOther
  };
  Kind kind = Kind::kNone;
  int precision = 0;                  // kDecimal
  int scale = 0;                      // kDecimal
  TimeUnit unit = TimeUnit::kMillis;  // kTime, kTimestamp
  int bits = 0;                       // kSignedInt, kUnsignedInt
  std::string label;                  // "STRING", "DECIMAL(10,2)", "TIMESTAMP(MICROS)", ...
};

Annotation AnnotationOf(const ColumnDescriptor& column);

// "BYTE_ARRAY (STRING)", "INT64 (TIMESTAMP(NANOS))", "FIXED_LEN_BYTE_ARRAY(16) (UUID)", "INT32".
std::string DescribeColumnType(const ColumnDescriptor& column);

struct ColumnConversion {
  enum class Kind {
    kBoolean,
    kInt32,
    kInt32ToInt64,
    kUnsigned32,
    kInt64,
    kUnsigned64,
    kFloat,
    kFloatToDouble,
    kDouble,
    kHalfFloat,
    kDecimalInt32,
    kDecimalInt64,
    kDecimalBytes,
    kString,
    kBinary,
    kDate,
    kTimestampMillis,
    kTimestampMicros,
    kTimestampNanos,
    kTimestampInt96,
  };
  Kind kind = Kind::kBoolean;
  FieldType target;
  int source_scale = 0;  // decimals
};

// InvalidArgument "... cannot be read as <type>" when the column cannot represent `target`
// (the message names both types; the caller adds the file and column).
Result<ColumnConversion> PlanConversion(const ColumnDescriptor& column, const FieldType& target);

// Appends rows [begin, begin + count) of `values` to `out` (of the plan's target type). Values
// that do not fit become null plus a TypeError in `batch` (row numbers from `first_row`, the
// 1-based file row of `begin`; `field_index` is the schema field).
void ConvertRows(const ColumnConversion& plan, const ColumnValues& values, size_t begin,
                 size_t count, int64_t first_row, int field_index, Column* out, Batch* batch);

}  // namespace mesh::format::parquet
