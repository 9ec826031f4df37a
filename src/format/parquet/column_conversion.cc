#include "format/parquet/column_conversion.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "format/parquet/utf8_validation.h"
#include "format/value_parser.h"

namespace mesh::format::parquet {

namespace {

using Kind = Annotation::Kind;
using ConvKind = ColumnConversion::Kind;

const char* UnitName(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMillis:
      return "MILLIS";
    case TimeUnit::kMicros:
      return "MICROS";
    case TimeUnit::kNanos:
      return "NANOS";
  }
  return "?";
}

Annotation FromLogicalType(const LogicalType& lt) {
  Annotation a;
  switch (lt.kind) {
    case LogicalType::Kind::kString:
      a.kind = Kind::kString;
      break;
    case LogicalType::Kind::kEnum:
      a.kind = Kind::kEnum;
      break;
    case LogicalType::Kind::kJson:
      a.kind = Kind::kJson;
      break;
    case LogicalType::Kind::kBson:
      a.kind = Kind::kBson;
      break;
    case LogicalType::Kind::kUuid:
      a.kind = Kind::kUuid;
      break;
    case LogicalType::Kind::kFloat16:
      a.kind = Kind::kFloat16;
      break;
    case LogicalType::Kind::kDate:
      a.kind = Kind::kDate;
      break;
    case LogicalType::Kind::kDecimal:
      a.kind = Kind::kDecimal;
      a.precision = lt.decimal_precision;
      a.scale = lt.decimal_scale;
      break;
    case LogicalType::Kind::kTime:
      a.kind = Kind::kTime;
      a.unit = lt.time_unit;
      break;
    case LogicalType::Kind::kTimestamp:
      a.kind = Kind::kTimestamp;
      a.unit = lt.time_unit;
      break;
    case LogicalType::Kind::kInteger:
      a.kind = lt.is_signed ? Kind::kSignedInt : Kind::kUnsignedInt;
      a.bits = lt.bit_width;
      break;
    default:
      a.kind = Kind::kOther;
      break;
  }
  a.label = lt.ToString();
  return a;
}

Annotation FromConvertedType(const SchemaElement& e) {
  Annotation a;
  a.label = ConvertedTypeName(*e.converted_type);
  switch (*e.converted_type) {
    case ConvertedType::kUtf8:
      a.kind = Kind::kString;
      break;
    case ConvertedType::kEnum:
      a.kind = Kind::kEnum;
      break;
    case ConvertedType::kJson:
      a.kind = Kind::kJson;
      break;
    case ConvertedType::kBson:
      a.kind = Kind::kBson;
      break;
    case ConvertedType::kDate:
      a.kind = Kind::kDate;
      break;
    case ConvertedType::kInterval:
      a.kind = Kind::kInterval;
      break;
    case ConvertedType::kDecimal:
      a.kind = Kind::kDecimal;
      a.precision = e.precision.value_or(0);
      a.scale = e.scale.value_or(0);
      a.label = "DECIMAL(" + std::to_string(a.precision) + "," + std::to_string(a.scale) + ")";
      break;
    case ConvertedType::kTimeMillis:
      a.kind = Kind::kTime;
      a.unit = TimeUnit::kMillis;
      break;
    case ConvertedType::kTimeMicros:
      a.kind = Kind::kTime;
      a.unit = TimeUnit::kMicros;
      break;
    case ConvertedType::kTimestampMillis:
      a.kind = Kind::kTimestamp;
      a.unit = TimeUnit::kMillis;
      break;
    case ConvertedType::kTimestampMicros:
      a.kind = Kind::kTimestamp;
      a.unit = TimeUnit::kMicros;
      break;
    case ConvertedType::kInt8:
      a.kind = Kind::kSignedInt;
      a.bits = 8;
      break;
    case ConvertedType::kInt16:
      a.kind = Kind::kSignedInt;
      a.bits = 16;
      break;
    case ConvertedType::kInt32:
      a.kind = Kind::kSignedInt;
      a.bits = 32;
      break;
    case ConvertedType::kInt64:
      a.kind = Kind::kSignedInt;
      a.bits = 64;
      break;
    case ConvertedType::kUint8:
      a.kind = Kind::kUnsignedInt;
      a.bits = 8;
      break;
    case ConvertedType::kUint16:
      a.kind = Kind::kUnsignedInt;
      a.bits = 16;
      break;
    case ConvertedType::kUint32:
      a.kind = Kind::kUnsignedInt;
      a.bits = 32;
      break;
    case ConvertedType::kUint64:
      a.kind = Kind::kUnsignedInt;
      a.bits = 64;
      break;
    default:
      a.kind = Kind::kOther;
      break;
  }
  return a;
}

// What the plan may read, by descriptor type; nullopt when the pair is refused.
std::optional<ColumnConversion> Plan(const ColumnDescriptor& c, const Annotation& a,
                                     const FieldType& target) {
  const PhysicalType p = c.physical_type;
  ColumnConversion plan;
  plan.target = target;
  auto with = [&](ConvKind kind) {
    plan.kind = kind;
    return std::optional<ColumnConversion>(plan);
  };
  const bool plain_int = a.kind == Kind::kNone || a.kind == Kind::kSignedInt;
  const bool unsigned_int = a.kind == Kind::kUnsignedInt;
  switch (target.id) {
    case TypeId::kBoolean:
      if (p == PhysicalType::kBoolean && a.kind == Kind::kNone) return with(ConvKind::kBoolean);
      break;
    case TypeId::kInt32:
      if (p == PhysicalType::kInt32 && plain_int) return with(ConvKind::kInt32);
      if (p == PhysicalType::kInt32 && unsigned_int) return with(ConvKind::kUnsigned32);
      break;
    case TypeId::kInt64:
      if (p == PhysicalType::kInt32 && plain_int) return with(ConvKind::kInt32ToInt64);
      if (p == PhysicalType::kInt32 && unsigned_int) return with(ConvKind::kUnsigned32);
      if (p == PhysicalType::kInt64 && plain_int) return with(ConvKind::kInt64);
      if (p == PhysicalType::kInt64 && unsigned_int) return with(ConvKind::kUnsigned64);
      break;
    case TypeId::kFloat:
      if (p == PhysicalType::kFloat && a.kind == Kind::kNone) return with(ConvKind::kFloat);
      if (p == PhysicalType::kFixedLenByteArray && c.type_length == 2 && a.kind == Kind::kFloat16) {
        return with(ConvKind::kHalfFloat);
      }
      break;
    case TypeId::kDouble:
      if (p == PhysicalType::kFloat && a.kind == Kind::kNone) return with(ConvKind::kFloatToDouble);
      if (p == PhysicalType::kDouble && a.kind == Kind::kNone) return with(ConvKind::kDouble);
      if (p == PhysicalType::kFixedLenByteArray && c.type_length == 2 && a.kind == Kind::kFloat16) {
        return with(ConvKind::kHalfFloat);
      }
      break;
    case TypeId::kDecimal:
      plan.source_scale = a.kind == Kind::kDecimal ? a.scale : 0;
      if (a.kind != Kind::kDecimal &&
          !(plain_int && (p == PhysicalType::kInt32 || p == PhysicalType::kInt64))) {
        break;
      }
      if (p == PhysicalType::kInt32) return with(ConvKind::kDecimalInt32);
      if (p == PhysicalType::kInt64) return with(ConvKind::kDecimalInt64);
      if (p == PhysicalType::kByteArray || p == PhysicalType::kFixedLenByteArray) {
        return with(ConvKind::kDecimalBytes);
      }
      break;
    case TypeId::kString:
      if (p == PhysicalType::kByteArray && (a.kind == Kind::kNone || a.kind == Kind::kString ||
                                            a.kind == Kind::kEnum || a.kind == Kind::kJson)) {
        return with(ConvKind::kString);
      }
      break;
    case TypeId::kBinary:
      if (p == PhysicalType::kByteArray || p == PhysicalType::kFixedLenByteArray) {
        return with(ConvKind::kBinary);
      }
      break;
    case TypeId::kDate:
      if (p == PhysicalType::kInt32 && a.kind == Kind::kDate) return with(ConvKind::kDate);
      break;
    case TypeId::kTimestamp:
      if (p == PhysicalType::kInt96 && a.kind == Kind::kNone)
        return with(ConvKind::kTimestampInt96);
      if (p == PhysicalType::kInt64 && a.kind == Kind::kTimestamp) {
        switch (a.unit) {
          case TimeUnit::kMillis:
            return with(ConvKind::kTimestampMillis);
          case TimeUnit::kMicros:
            return with(ConvKind::kTimestampMicros);
          case TimeUnit::kNanos:
            return with(ConvKind::kTimestampNanos);
        }
      }
      break;
  }
  return std::nullopt;
}

constexpr int128 Pow10(int n) {
  int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

std::string Int128Text(int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  unsigned __int128 u = negative ? -static_cast<unsigned __int128>(v) : v;
  std::string digits;
  while (u > 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (negative) digits.push_back('-');
  return std::string(digits.rbegin(), digits.rend());
}

std::string DecimalText(int128 unscaled, int scale) {
  const bool negative = unscaled < 0;
  std::string digits = Int128Text(negative ? -unscaled : unscaled);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, std::string(scale + 1 - digits.size(), '0'));
    }
    digits.insert(digits.size() - scale, ".");
  }
  return (negative ? "-" : "") + digits;
}

// Big-endian two's complement (any length, sign-extended); false beyond 128 bits.
bool BigEndianToInt128(std::string_view bytes, int128* out) {
  if (bytes.empty()) {
    *out = 0;
    return true;
  }
  const bool negative = static_cast<uint8_t>(bytes[0]) & 0x80;
  while (bytes.size() > 16) {
    if (static_cast<uint8_t>(bytes[0]) != (negative ? 0xff : 0x00)) return false;
    bytes.remove_prefix(1);
  }
  unsigned __int128 u = negative ? ~static_cast<unsigned __int128>(0) : 0;
  for (char c : bytes) u = (u << 8) | static_cast<uint8_t>(c);
  *out = static_cast<int128>(u);
  return true;
}

float HalfToFloat(uint16_t h) {
  const uint32_t sign = (h >> 15) & 1, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
  float value;
  if (exponent == 0) {
    value = std::ldexp(static_cast<float>(mantissa), -24);
  } else if (exponent == 31) {
    value =
        mantissa ? std::numeric_limits<float>::quiet_NaN() : std::numeric_limits<float>::infinity();
  } else {
    value = std::ldexp(static_cast<float>(mantissa + 1024), static_cast<int>(exponent) - 25);
  }
  return sign ? -value : value;
}

std::string HexText(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "0x";
  for (char c : bytes.substr(0, 64)) {
    out.push_back(kHex[static_cast<uint8_t>(c) >> 4]);
    out.push_back(kHex[static_cast<uint8_t>(c) & 15]);
  }
  return out;
}

// Converts one row with a per-kind callback; nulls are appended directly.
class RowConverter {
 public:
  RowConverter(const ColumnConversion& plan, const ColumnValues& values, int64_t first_row,
               size_t begin, int field_index, Column* out, Batch* batch)
      : plan_(plan),
        values_(values),
        first_row_(first_row),
        begin_(begin),
        field_index_(field_index),
        out_(out),
        batch_(batch) {}

  void Fail(size_t row, std::string raw, std::string reason) {
    out_->AppendNull();
    AddTypeError(batch_, first_row_ + static_cast<int64_t>(row - begin_), 0, field_index_, raw,
                 std::move(reason));
  }

  void Decimal(size_t row, int128 v) {
    const int target_scale = plan_.target.scale;
    const int source_scale = plan_.source_scale;
    if (source_scale > target_scale) {
      const int128 divisor = Pow10(source_scale - target_scale);
      if (v % divisor != 0) {
        Fail(row, DecimalText(v, source_scale),
             "has more fraction digits than " + plan_.target.ToString() + " keeps");
        return;
      }
      v /= divisor;
    } else if (source_scale < target_scale) {
      const int128 factor = Pow10(target_scale - source_scale);
      const int128 limit = Pow10(38) / factor;
      if (v >= limit || v <= -limit) {
        Fail(row, DecimalText(v, source_scale), "does not fit " + plan_.target.ToString());
        return;
      }
      v *= factor;
    }
    const int128 bound = Pow10(plan_.target.precision);
    if (v >= bound || v <= -bound) {
      Fail(row, DecimalText(v, target_scale), "does not fit " + plan_.target.ToString());
      return;
    }
    out_->AppendDecimal(v);
  }

  void TimestampScaled(size_t row, int64_t v, int64_t factor, const char* unit) {
    int64_t micros = 0;
    if (__builtin_mul_overflow(v, factor, &micros)) {
      Fail(row, std::to_string(v) + " " + unit, "is outside the timestamp range");
      return;
    }
    out_->AppendInt64(micros);
  }

  void Int96(size_t row, std::string_view bytes) {
    int64_t nanos_of_day = 0;
    int32_t julian_day = 0;
    std::memcpy(&nanos_of_day, bytes.data(), 8);
    std::memcpy(&julian_day, bytes.data() + 8, 4);
    const int128 micros = static_cast<int128>(julian_day - int64_t{2440588}) * 86400000000 +
                          nanos_of_day / 1000 - (nanos_of_day % 1000 < 0 ? 1 : 0);
    if (micros > std::numeric_limits<int64_t>::max() ||
        micros < std::numeric_limits<int64_t>::min()) {
      Fail(row, HexText(bytes), "INT96 timestamp is outside the timestamp range");
      return;
    }
    out_->AppendInt64(static_cast<int64_t>(micros));
  }

  void Row(size_t row) {
    if (!values_.IsValid(row)) {
      out_->AppendNull();
      return;
    }
    switch (plan_.kind) {
      case ConvKind::kBoolean:
        out_->AppendBool(values_.bools[row] != 0);
        return;
      case ConvKind::kInt32:
        out_->AppendInt32(values_.i32[row]);
        return;
      case ConvKind::kInt32ToInt64:
        out_->AppendInt64(values_.i32[row]);
        return;
      case ConvKind::kUnsigned32: {
        const uint32_t v = static_cast<uint32_t>(values_.i32[row]);
        if (plan_.target.id == TypeId::kInt64) {
          out_->AppendInt64(v);
        } else if (v > static_cast<uint32_t>(std::numeric_limits<int32_t>::max())) {
          Fail(row, std::to_string(v), "unsigned value does not fit int32");
        } else {
          out_->AppendInt32(static_cast<int32_t>(v));
        }
        return;
      }
      case ConvKind::kInt64:
        out_->AppendInt64(values_.i64[row]);
        return;
      case ConvKind::kUnsigned64: {
        const uint64_t v = static_cast<uint64_t>(values_.i64[row]);
        if (v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
          Fail(row, std::to_string(v), "unsigned value does not fit int64");
        } else {
          out_->AppendInt64(static_cast<int64_t>(v));
        }
        return;
      }
      case ConvKind::kFloat:
        out_->AppendFloat(values_.f32[row]);
        return;
      case ConvKind::kFloatToDouble:
        out_->AppendDouble(values_.f32[row]);
        return;
      case ConvKind::kDouble:
        out_->AppendDouble(values_.f64[row]);
        return;
      case ConvKind::kHalfFloat: {
        const std::string_view b = values_.GetBytes(row);
        const float v = HalfToFloat(
            static_cast<uint16_t>(static_cast<uint8_t>(b[0]) | (static_cast<uint8_t>(b[1]) << 8)));
        if (plan_.target.id == TypeId::kFloat) {
          out_->AppendFloat(v);
        } else {
          out_->AppendDouble(v);
        }
        return;
      }
      case ConvKind::kDecimalInt32:
        Decimal(row, values_.i32[row]);
        return;
      case ConvKind::kDecimalInt64:
        Decimal(row, values_.i64[row]);
        return;
      case ConvKind::kDecimalBytes: {
        int128 v = 0;
        if (!BigEndianToInt128(values_.GetBytes(row), &v)) {
          Fail(row, HexText(values_.GetBytes(row)), "decimal wider than 128 bits");
          return;
        }
        Decimal(row, v);
        return;
      }
      case ConvKind::kString: {
        const std::string_view s = values_.GetBytes(row);
        if (!IsValidUtf8(s)) {
          Fail(row, std::string(s), "not valid UTF-8");
          return;
        }
        out_->AppendBytes(s);
        return;
      }
      case ConvKind::kBinary:
        out_->AppendBytes(values_.GetBytes(row));
        return;
      case ConvKind::kDate:
        out_->AppendInt32(values_.i32[row]);
        return;
      case ConvKind::kTimestampMillis:
        TimestampScaled(row, values_.i64[row], 1000, "ms");
        return;
      case ConvKind::kTimestampMicros:
        out_->AppendInt64(values_.i64[row]);
        return;
      case ConvKind::kTimestampNanos: {
        const int64_t v = values_.i64[row];
        out_->AppendInt64(v / 1000 - (v % 1000 < 0 ? 1 : 0));  // rounded down to the microsecond
        return;
      }
      case ConvKind::kTimestampInt96:
        Int96(row, values_.GetBytes(row));
        return;
    }
  }

 private:
  const ColumnConversion& plan_;
  const ColumnValues& values_;
  int64_t first_row_;
  size_t begin_;
  int field_index_;
  Column* out_;
  Batch* batch_;
};

}  // namespace

Annotation AnnotationOf(const ColumnDescriptor& column) {
  const SchemaElement& e = *column.element;
  if (e.logical_type) {
    Annotation a = FromLogicalType(*e.logical_type);
    if (a.kind == Kind::kTimestamp || a.kind == Kind::kTime) {
      a.label =
          std::string(a.kind == Kind::kTime ? "TIME(" : "TIMESTAMP(") + UnitName(a.unit) + ")";
    }
    return a;
  }
  if (e.converted_type) return FromConvertedType(e);
  return Annotation{};
}

std::string DescribeColumnType(const ColumnDescriptor& column) {
  std::string text = PhysicalTypeName(column.physical_type);
  if (column.physical_type == PhysicalType::kFixedLenByteArray) {
    text += "(" + std::to_string(column.type_length) + ")";
  }
  const Annotation a = AnnotationOf(column);
  if (a.kind != Kind::kNone) text += " (" + a.label + ")";
  return text;
}

Result<ColumnConversion> PlanConversion(const ColumnDescriptor& column, const FieldType& target) {
  const Annotation annotation = AnnotationOf(column);
  std::optional<ColumnConversion> plan = Plan(column, annotation, target);
  if (!plan) {
    return Status::InvalidArgument("the file stores it as " + DescribeColumnType(column) +
                                   ", which cannot be read as " + target.ToString());
  }
  return *plan;
}

// Strings and binaries of a BYTE_ARRAY column in one copy. A STRING run is checked as one text:
// valid UTF-8 as a whole with no value starting on a continuation byte means every value is
// valid on its own. Returns false (having appended nothing) when the per-row path must decide.
bool AppendByteArrayRun(const ColumnConversion& plan, const ColumnValues& values, size_t begin,
                        size_t count, Column* out) {
  if (values.type != PhysicalType::kByteArray || count == 0) return false;
  if (plan.kind != ConvKind::kString && plan.kind != ConvKind::kBinary) return false;
  const uint64_t* offsets = values.offsets.data() + begin;
  const std::string_view data(values.bytes.data() + offsets[0], offsets[count] - offsets[0]);
  if (plan.kind == ConvKind::kString) {
    if (FirstInvalidUtf8(data) != data.size()) return false;
    for (size_t i = 0; i < count; ++i) {
      if (offsets[i] != offsets[i + 1] &&
          (static_cast<uint8_t>(values.bytes[offsets[i]]) & 0xC0) == 0x80) {
        return false;
      }
    }
  }
  out->AppendBytesRange(data, offsets, count,
                        values.valid.empty() ? nullptr : values.valid.data() + begin);
  return true;
}

void ConvertRows(const ColumnConversion& plan, const ColumnValues& values, size_t begin,
                 size_t count, int64_t first_row, int field_index, Column* out, Batch* batch) {
  if (AppendByteArrayRun(plan, values, begin, count, out)) return;
  out->Reserve(out->size() + count);
  RowConverter converter(plan, values, first_row, begin, field_index, out, batch);
  const size_t end = begin + count;
  // Common exact cases without nulls go straight through.
  if (values.valid.empty()) {
    switch (plan.kind) {
      case ConvKind::kInt32:
      case ConvKind::kDate:
        for (size_t row = begin; row < end; ++row) out->AppendInt32(values.i32[row]);
        return;
      case ConvKind::kInt64:
      case ConvKind::kTimestampMicros:
        for (size_t row = begin; row < end; ++row) out->AppendInt64(values.i64[row]);
        return;
      case ConvKind::kDouble:
        for (size_t row = begin; row < end; ++row) out->AppendDouble(values.f64[row]);
        return;
      default:
        break;
    }
  }
  for (size_t row = begin; row < end; ++row) converter.Row(row);
}

}  // namespace mesh::format::parquet
