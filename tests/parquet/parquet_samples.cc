#include "parquet_samples.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "base/time.h"

namespace mesh::testing {
namespace {

using format::Batch;
using format::Column;
using format::int128;
using format::parquet::ParquetCompression;

Field MakeField(std::string name, FieldType type, bool required = false) {
  Field field;
  field.name = std::move(name);
  field.type = type;
  field.required = required;
  return field;
}

FieldType Decimal(int precision, int scale) {
  return FieldType{TypeId::kDecimal, precision, scale};
}

int128 Pow10(int digits) {
  int128 value = 1;
  for (int i = 0; i < digits; ++i) value *= 10;
  return value;
}

// A deterministic spread of values from a row number.
uint32_t Mix(uint64_t row, uint32_t salt) {
  uint64_t x = row * 0x9E3779B97F4A7C15ull + salt * 0xBF58476D1CE4E5B9ull;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 29;
  return static_cast<uint32_t>(x);
}

const std::vector<std::string>& Words() {
  static const std::vector<std::string> words = {
      "",           "alpha",      "Zürich",  "東京",        "🚀 launch",
      "tab\there",  "line\nfeed", "quote\"", "back\\slash", "\x01",
      "naïve café", "Ωmega",      "z",       "Z",           std::string(300, 'x')};
  return words;
}

std::string BinaryValue(size_t row) {
  std::string value;
  size_t length = row % 7;
  for (size_t i = 0; i < length; ++i)
    value.push_back(static_cast<char>((row * 37 + i * 101) & 0xFF));
  if (row % 11 == 0) value = std::string("\0\xFF\0", 3);
  return value;
}

// Fills every column of `schema` for rows [first, first + count); `null_every` > 0 makes one row in
// that many null in the optional columns.
void AppendValue(Column* column, const Field& field, size_t row, int column_index) {
  uint32_t r = Mix(row, static_cast<uint32_t>(column_index));
  const FieldType& type = field.type;
  switch (type.id) {
    case TypeId::kBoolean:
      column->AppendBool(r & 1);
      return;
    case TypeId::kInt32: {
      static const int32_t specials[] = {std::numeric_limits<int32_t>::min(), -1, 0,
                                         std::numeric_limits<int32_t>::max()};
      column->AppendInt32(row % 13 < 4 ? specials[row % 13] : static_cast<int32_t>(r));
      return;
    }
    case TypeId::kInt64: {
      static const int64_t specials[] = {std::numeric_limits<int64_t>::min(), -1, 0,
                                         std::numeric_limits<int64_t>::max()};
      column->AppendInt64(row % 13 < 4 ? specials[row % 13]
                                       : static_cast<int64_t>(r) * 1'000'003 - (1ll << 40));
      return;
    }
    case TypeId::kFloat: {
      static const float specials[] = {std::numeric_limits<float>::quiet_NaN(),
                                       -0.0f,
                                       0.0f,
                                       std::numeric_limits<float>::infinity(),
                                       -std::numeric_limits<float>::infinity(),
                                       std::numeric_limits<float>::denorm_min()};
      column->AppendFloat(row % 17 < 6 ? specials[row % 17]
                                       : static_cast<float>(static_cast<int32_t>(r)) / 1024.0f);
      return;
    }
    case TypeId::kDouble: {
      static const double specials[] = {std::numeric_limits<double>::quiet_NaN(),
                                        -0.0,
                                        0.0,
                                        std::numeric_limits<double>::infinity(),
                                        -std::numeric_limits<double>::max(),
                                        0.1};
      column->AppendDouble(row % 17 < 6 ? specials[row % 17]
                                        : static_cast<double>(static_cast<int32_t>(r)) / 3.0);
      return;
    }
    case TypeId::kDecimal: {
      int128 limit = Pow10(type.precision) - 1;  // the largest value of this precision
      int128 value;
      switch (row % 9) {
        case 0:
          value = limit;
          break;
        case 1:
          value = -limit;
          break;
        case 2:
          value = 0;
          break;
        case 3:
          value = -1;
          break;
        default:
          value = (static_cast<int128>(r) * 7919 * (type.precision > 18 ? Pow10(20) : 1)) % limit;
          if (r & 2) value = -value;
      }
      column->AppendDecimal(value);
      return;
    }
    case TypeId::kString: {
      const auto& words = Words();
      std::string value = words[row % words.size()];
      if (row >= words.size()) value += std::to_string(r % 50);  // repeats, for the dictionary
      column->AppendBytes(value);
      return;
    }
    case TypeId::kDate: {
      static const int32_t specials[] = {0, -1, -25567 /* 1900-01-01 */, 2932896 /* 9999-12-31 */};
      column->AppendInt32(row % 10 < 4 ? specials[row % 10]
                                       : static_cast<int32_t>(r % 40000) - 15000);
      return;
    }
    case TypeId::kTimestamp: {
      static const int64_t specials[] = {0, -1, -2208988800ll * kMicrosPerSecond /* 1900 */,
                                         1795162200ll * kMicrosPerSecond + 123456};
      column->AppendInt64(row % 10 < 4
                              ? specials[row % 10]
                              : (static_cast<int64_t>(r) - (1ll << 31)) * kMicrosPerSecond +
                                    static_cast<int64_t>(r % 1000000));
      return;
    }
    case TypeId::kBinary:
      column->AppendBytes(BinaryValue(row));
      return;
  }
}

std::vector<Batch> MakeBatches(const Schema& schema, size_t rows, size_t batch_rows,
                               size_t null_every) {
  std::vector<Batch> batches;
  for (size_t first = 0; first < rows; first += batch_rows) {
    Batch batch;
    batch.first_row = static_cast<int64_t>(first) + 1;
    batch.num_rows = std::min(batch_rows, rows - first);
    for (size_t c = 0; c < schema.fields.size(); ++c) {
      const Field& field = schema.fields[c];
      Column column(field.type);
      for (size_t row = first; row < first + batch.num_rows; ++row) {
        bool null = !field.required && null_every > 0 && (row + c) % null_every == 0;
        if (null) {
          column.AppendNull();
        } else {
          AppendValue(&column, field, row, static_cast<int>(c));
        }
      }
      batch.columns.push_back(std::move(column));
    }
    batches.push_back(std::move(batch));
  }
  return batches;
}

Schema AllTypesSchema(bool required) {
  Schema schema;
  schema.fields = {MakeField("flag", FieldType{TypeId::kBoolean}, required),
                   MakeField("count32", FieldType{TypeId::kInt32}, required),
                   MakeField("count64", FieldType{TypeId::kInt64}, required),
                   MakeField("ratio32", FieldType{TypeId::kFloat}, required),
                   MakeField("ratio64", FieldType{TypeId::kDouble}, required),
                   MakeField("amount_9_2", Decimal(9, 2), required),
                   MakeField("amount_18_4", Decimal(18, 4), required),
                   MakeField("amount_38_10", Decimal(38, 10), required),
                   MakeField("amount_20_0", Decimal(20, 0), required),
                   MakeField("label", FieldType{TypeId::kString}, required),
                   MakeField("day", FieldType{TypeId::kDate}, required),
                   MakeField("at", FieldType{TypeId::kTimestamp}, required),
                   MakeField("payload", FieldType{TypeId::kBinary}, required)};
  return schema;
}

ParquetSample Sample(std::string name, Schema schema, ParquetCompression compression,
                     bool dictionary, size_t rows, size_t null_every) {
  ParquetSample sample;
  sample.name = std::move(name);
  sample.options.compression = compression;
  sample.options.dictionary = dictionary;
  sample.batches = MakeBatches(schema, rows, 700, null_every);
  sample.schema = std::move(schema);
  return sample;
}

std::string Hex(std::string_view bytes) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

std::string DecimalText(int128 unscaled, int scale) {
  bool negative = unscaled < 0;
  auto magnitude = negative ? -static_cast<unsigned __int128>(unscaled)
                            : static_cast<unsigned __int128>(unscaled);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale)) {
      digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return negative ? "-" + digits : digits;
}

template <typename Unsigned>
std::string BitsHex(const char* prefix, Unsigned bits) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%s%0*llx", prefix, static_cast<int>(sizeof(Unsigned) * 2),
                static_cast<unsigned long long>(bits));
  return buffer;
}

}  // namespace

std::vector<ParquetSample> BuildParquetSamples() {
  std::vector<ParquetSample> samples;
  // Several row groups (3000 rows in groups of 1024), nulls everywhere, dictionary, SNAPPY.
  samples.push_back(Sample("all_types_snappy_dictionary", AllTypesSchema(false),
                           ParquetCompression::kSnappy, true, 3000, 5));
  samples.back().options.row_group_rows = 1024;
  // PLAIN only, ZSTD, small pages: many pages per chunk.
  samples.push_back(Sample("all_types_zstd_plain", AllTypesSchema(false), ParquetCompression::kZstd,
                           false, 2000, 3));
  samples.back().options.data_page_bytes = 512;
  // REQUIRED columns (no definition levels), no compression, dictionary with small pages.
  samples.push_back(Sample("all_types_required_uncompressed", AllTypesSchema(true),
                           ParquetCompression::kUncompressed, true, 1500, 0));
  samples.back().options.data_page_bytes = 700;
  // The dictionary limit is hit part way: dictionary pages, then PLAIN pages, in every chunk.
  samples.push_back(Sample("dictionary_fallback_zstd", AllTypesSchema(false),
                           ParquetCompression::kZstd, true, 2500, 7));
  samples.back().options.dictionary_page_limit_bytes = 600;
  samples.back().options.data_page_bytes = 1000;
  // Only nulls, and a file without rows.
  samples.push_back(
      Sample("all_null_snappy", AllTypesSchema(false), ParquetCompression::kSnappy, true, 50, 1));
  samples.push_back(
      Sample("empty_snappy", AllTypesSchema(false), ParquetCompression::kSnappy, true, 0, 0));
  return samples;
}

std::string DuckDbTypeName(const FieldType& type) {
  switch (type.id) {
    case TypeId::kBoolean:
      return "BOOLEAN";
    case TypeId::kInt32:
      return "INTEGER";
    case TypeId::kInt64:
      return "BIGINT";
    case TypeId::kFloat:
      return "FLOAT";
    case TypeId::kDouble:
      return "DOUBLE";
    case TypeId::kDecimal:
      return "DECIMAL(" + std::to_string(type.precision) + "," + std::to_string(type.scale) + ")";
    case TypeId::kString:
      return "VARCHAR";
    case TypeId::kDate:
      return "DATE";
    case TypeId::kTimestamp:
      return "TIMESTAMP WITH TIME ZONE";
    case TypeId::kBinary:
      return "BLOB";
  }
  return "?";
}

std::string CanonicalHeader(const Schema& schema) {
  nlohmann::json header = nlohmann::json::array();
  for (const Field& field : schema.fields)
    header.push_back(field.name + " " + DuckDbTypeName(field.type));
  return header.dump();
}

std::string CanonicalCell(const Column& column, size_t row) {
  switch (column.type().id) {
    case TypeId::kBoolean:
      return column.GetBool(row) ? "true" : "false";
    case TypeId::kInt32:
    case TypeId::kDate:
      return std::to_string(column.GetInt32(row));
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return std::to_string(column.GetInt64(row));
    case TypeId::kFloat:
      return BitsHex("f32:", std::bit_cast<uint32_t>(column.GetFloat(row)));
    case TypeId::kDouble:
      return BitsHex("f64:", std::bit_cast<uint64_t>(column.GetDouble(row)));
    case TypeId::kDecimal:
      return DecimalText(column.GetDecimal(row), column.type().scale);
    case TypeId::kString:
      return std::string(column.GetBytes(row));
    case TypeId::kBinary:
      return Hex(column.GetBytes(row));
  }
  return "?";
}

std::string CanonicalRow(const Batch& batch, size_t row) {
  nlohmann::json cells = nlohmann::json::array();
  for (const Column& column : batch.columns) {
    if (column.IsValid(row)) {
      cells.push_back(CanonicalCell(column, row));
    } else {
      cells.push_back(nullptr);
    }
  }
  return cells.dump();
}

}  // namespace mesh::testing
