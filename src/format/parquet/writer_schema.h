// How the writer maps Meshwork field types onto Parquet (see docs/parquet-writer.md):
//   boolean -> BOOLEAN; int32 -> INT32; int64 -> INT64; float -> FLOAT; double -> DOUBLE;
//   decimal(P,S) -> INT32 (P <= 9), INT64 (P <= 18) or FIXED_LEN_BYTE_ARRAY of the fewest bytes
//                   (P <= 38), each with LogicalType DECIMAL(P,S) and ConvertedType DECIMAL;
//   string -> BYTE_ARRAY + STRING (UTF8); date -> INT32 + DATE;
//   timestamp -> INT64 + TIMESTAMP(isAdjustedToUTC=true, MICROS) (TIMESTAMP_MICROS);
//   binary -> BYTE_ARRAY without annotation.
// The schema is flat: a root group named "schema" with one leaf per field.
// All functions are pure and thread-safe.
#pragma once

#include <vector>

#include "base/status.h"
#include "format/parquet/metadata.h"
#include "model/descriptor.h"

namespace mesh::format::parquet {

enum class DecimalStorage { kInt32, kInt64, kFixedLenByteArray };
DecimalStorage DecimalStorageFor(int precision);

PhysicalType WriterPhysicalType(const FieldType& type);

// The leaf for `field`; `required` makes it REQUIRED (no definition levels), else OPTIONAL.
SchemaElement WriterLeafElement(const Field& field, bool required);

// The root and one leaf per field. InvalidArgument when the schema cannot be written: no fields,
// an empty or duplicate field name, a decimal precision outside 1..38 or a scale outside
// 0..precision.
Status CheckWritableSchema(const Schema& schema);
std::vector<SchemaElement> WriterSchemaElements(const Schema& schema,
                                                bool required_fields_as_required);

}  // namespace mesh::format::parquet
