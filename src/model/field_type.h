// FieldType: the column types of data-product.md ("Fields"): boolean, int32, int64, float,
// double, decimal(P,S), string, date, timestamp, binary. A plain value; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mesh {

enum class TypeId { kBoolean, kInt32, kInt64, kFloat, kDouble, kDecimal, kString, kDate,
                    kTimestamp, kBinary };

struct FieldType {
  TypeId id = TypeId::kString;
  int precision = 0;  // decimal only: 1..38
  int scale = 0;      // decimal only: 0..precision

  // "int64", "decimal(10,2)", ...
  std::string ToString() const;
  // Parses a type name as written in a descriptor (spaces allowed inside "decimal( 10 , 2 )").
  // nullopt for an unknown name or an invalid precision/scale.
  static std::optional<FieldType> Parse(std::string_view text);

  bool IsNumeric() const;   // int32, int64, float, double, decimal
  bool IsTemporal() const;  // date, timestamp
  bool operator==(const FieldType&) const = default;
};

}  // namespace mesh
