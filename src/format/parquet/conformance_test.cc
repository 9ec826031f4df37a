// Conformance of the low-level Parquet reader against Apache's parquet-testing files, with
// DuckDB's canonical reading of each as the oracle (shared/testdata/parquet-testing/expected,
// whose README defines the row rendering reproduced here byte for byte).
//   - every `flat` file: all rows rendered and compared line by line with the JSONL (first/last
//     rows for truncated files) and, over all rows, with rows_sha256;
//   - `partial` files: the columns DuckDB could read;
//   - `nested` files: a clear NotSupported error naming a nested column;
//   - every bad_data/ file: a clear error status, never a crash or hang.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "format/parquet/parquet_file.h"

namespace mesh::format::parquet {
namespace {

const std::string kRoot = std::string(MESH_SHARED_DIR) + "/testdata/parquet-testing";

const nlohmann::json& Manifest() {
  static const nlohmann::json manifest = [] {
    std::ifstream in(kRoot + "/expected/manifest.json");
    if (!in) return nlohmann::json::object();
    return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  }();
  return manifest;
}

std::vector<std::string> FilesOf(std::string_view category, bool partial_only = false) {
  std::vector<std::string> paths;
  const nlohmann::json& manifest = Manifest();
  if (!manifest.is_object() || !manifest.contains("files")) return paths;
  for (const auto& file : manifest["files"]) {
    if (file["category"] != category) continue;
    if (partial_only) {
      const auto& expected = file["expected"];
      if (!expected.is_object() || !expected.value("partial", false)) continue;
    }
    paths.push_back(file["path"]);
  }
  return paths;
}

const nlohmann::json* EntryOf(const std::string& path) {
  for (const auto& file : Manifest()["files"]) {
    if (file["path"] == path) return &file;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Canonical rendering (expected/README.md, rendering version 1)

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (u < 0x20) {
          *out += "\\u00";
          out->push_back(kHex[u >> 4]);
          out->push_back(kHex[u & 15]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    out.push_back(kHex[static_cast<uint8_t>(c) >> 4]);
    out.push_back(kHex[static_cast<uint8_t>(c) & 15]);
  }
  return out;
}

template <class T>
std::string CanonFloat(T v) {
  if (std::isnan(v)) return "\"NaN\"";
  if (std::isinf(v)) return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  std::string s(buf, r.ptr), digits;
  auto epos = s.find('e');
  for (size_t i = 0; i < epos; ++i) {
    if (s[i] != '.') digits += s[i];
  }
  const int e = std::stoi(s.substr(epos + 1));
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size()), n = e + 1;
  std::string out = std::signbit(v) ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(n - k, '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, n) + "." + digits.substr(n);
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(-n, '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += (n - 1 >= 0) ? "e+" : "e-";
    out += std::to_string(std::abs(n - 1));
  }
  return out;
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

std::string Int128ToString(__int128 v) {
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

std::string DecimalString(__int128 unscaled, int scale) {
  const bool negative = unscaled < 0;
  std::string digits = Int128ToString(negative ? -unscaled : unscaled);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits = std::string(scale + 1 - digits.size(), '0') + digits;
    }
    digits.insert(digits.size() - scale, ".");
  }
  return "\"" + std::string(negative ? "-" : "") + digits + "\"";
}

// Big-endian two's complement of any length (sign-extended); nullopt beyond 128 bits.
std::optional<__int128> BigEndianSigned(std::string_view bytes) {
  if (bytes.empty()) return 0;
  const bool negative = static_cast<uint8_t>(bytes[0]) & 0x80;
  while (bytes.size() > 16) {
    if (static_cast<uint8_t>(bytes[0]) != (negative ? 0xff : 0x00)) return std::nullopt;
    bytes.remove_prefix(1);
  }
  unsigned __int128 u = negative ? ~static_cast<unsigned __int128>(0) : 0;
  for (char c : bytes) u = (u << 8) | static_cast<uint8_t>(c);
  return static_cast<__int128>(u);
}

// Civil date from days since 1970-01-01 for any int64 day count (H. Hinnant's algorithm).
std::string DateString(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t year = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  if (month <= 2) ++year;
  char buf[64];
  if (year < 0) {
    std::snprintf(buf, sizeof buf, "-%04lld-%02lld-%02lld", static_cast<long long>(-year),
                  static_cast<long long>(month), static_cast<long long>(day));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day));
  }
  return buf;
}

__int128 FloorDiv(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// "HH:MM:SS.f" with `digits` fraction digits of a value in units of 10^-digits seconds.
std::string ClockString(__int128 units_of_day, int digits) {
  __int128 per_second = 1;
  for (int i = 0; i < digits; ++i) per_second *= 10;
  const __int128 seconds = FloorDiv(units_of_day, per_second);
  const __int128 fraction = units_of_day - seconds * per_second;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%0*lld", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60), digits,
                static_cast<long long>(fraction));
  return buf;
}

// An instant `value` in units of 10^-digits seconds since the epoch.
std::string TimestampString(__int128 value, int digits) {
  __int128 per_day = 86400;
  for (int i = 0; i < digits; ++i) per_day *= 10;
  const __int128 days = FloorDiv(value, per_day);
  return "\"" + DateString(static_cast<int64_t>(days)) + "T" +
         ClockString(value - days * per_day, digits) + "Z\"";
}

int UnitDigits(TimeUnit unit) {
  return unit == TimeUnit::kMillis ? 3 : unit == TimeUnit::kMicros ? 6 : 9;
}

std::string IntegerString(__int128 v) {
  constexpr __int128 kMaxSafe = (__int128{1} << 53) - 1;
  if (v > kMaxSafe || v < -kMaxSafe) return "\"" + Int128ToString(v) + "\"";
  return Int128ToString(v);
}

// How a leaf column renders, from its annotations.
struct Rendering {
  enum Kind {
    kPlain,
    kUnsigned,
    kDecimal,
    kDate,
    kTime,
    kTimestamp,
    kString,
    kHex,
    kUuid,
    kFloat16
  };
  Kind kind = kPlain;
  int scale = 0;
  int digits = 0;  // time/timestamp fraction digits
};

Rendering RenderingOf(const ColumnDescriptor& column) {
  const SchemaElement& e = *column.element;
  Rendering r;
  const PhysicalType type = column.physical_type;
  const bool bytes = type == PhysicalType::kByteArray || type == PhysicalType::kFixedLenByteArray;
  if (bytes) r.kind = Rendering::kHex;
  if (e.logical_type) {
    const LogicalType& lt = *e.logical_type;
    switch (lt.kind) {
      case LogicalType::Kind::kString:
      case LogicalType::Kind::kEnum:
      case LogicalType::Kind::kJson:
        r.kind = Rendering::kString;
        return r;
      case LogicalType::Kind::kDecimal:
        r.kind = Rendering::kDecimal;
        r.scale = lt.decimal_scale;
        return r;
      case LogicalType::Kind::kDate:
        r.kind = Rendering::kDate;
        return r;
      case LogicalType::Kind::kTime:
        r.kind = Rendering::kTime;
        r.digits = UnitDigits(lt.time_unit);
        return r;
      case LogicalType::Kind::kTimestamp:
        r.kind = Rendering::kTimestamp;
        r.digits = UnitDigits(lt.time_unit);
        return r;
      case LogicalType::Kind::kInteger:
        r.kind = lt.is_signed ? Rendering::kPlain : Rendering::kUnsigned;
        return r;
      case LogicalType::Kind::kUuid:
        r.kind = Rendering::kUuid;
        return r;
      case LogicalType::Kind::kFloat16:
        r.kind = Rendering::kFloat16;
        return r;
      default:
        break;
    }
  }
  if (e.converted_type) {
    switch (*e.converted_type) {
      case ConvertedType::kUtf8:
      case ConvertedType::kEnum:
      case ConvertedType::kJson:
        r.kind = Rendering::kString;
        break;
      case ConvertedType::kDecimal:
        r.kind = Rendering::kDecimal;
        r.scale = e.scale.value_or(0);
        break;
      case ConvertedType::kDate:
        r.kind = Rendering::kDate;
        break;
      case ConvertedType::kTimeMillis:
        r.kind = Rendering::kTime;
        r.digits = 3;
        break;
      case ConvertedType::kTimeMicros:
        r.kind = Rendering::kTime;
        r.digits = 6;
        break;
      case ConvertedType::kTimestampMillis:
        r.kind = Rendering::kTimestamp;
        r.digits = 3;
        break;
      case ConvertedType::kTimestampMicros:
        r.kind = Rendering::kTimestamp;
        r.digits = 6;
        break;
      case ConvertedType::kUint8:
      case ConvertedType::kUint16:
      case ConvertedType::kUint32:
      case ConvertedType::kUint64:
        r.kind = Rendering::kUnsigned;
        break;
      default:
        break;
    }
  }
  return r;
}

void RenderValue(const ColumnValues& values, const Rendering& r, size_t row, std::string* out) {
  if (!values.IsValid(row)) {
    *out += "null";
    return;
  }
  switch (values.type) {
    case PhysicalType::kBoolean:
      *out += values.bools[row] ? "true" : "false";
      return;
    case PhysicalType::kInt32:
    case PhysicalType::kInt64: {
      const int64_t v = values.type == PhysicalType::kInt32 ? values.i32[row] : values.i64[row];
      const bool is32 = values.type == PhysicalType::kInt32;
      switch (r.kind) {
        case Rendering::kUnsigned:
          *out += IntegerString(is32 ? static_cast<__int128>(static_cast<uint32_t>(v))
                                     : static_cast<__int128>(static_cast<uint64_t>(v)));
          return;
        case Rendering::kDecimal:
          *out += DecimalString(v, r.scale);
          return;
        case Rendering::kDate:
          *out += "\"" + DateString(v) + "\"";
          return;
        case Rendering::kTime:
          *out += "\"" + ClockString(v, r.digits) + "\"";
          return;
        case Rendering::kTimestamp:
          *out += TimestampString(v, r.digits);
          return;
        default:
          *out += IntegerString(v);
          return;
      }
    }
    case PhysicalType::kFloat:
      *out += CanonFloat(values.f32[row]);
      return;
    case PhysicalType::kDouble:
      *out += CanonFloat(values.f64[row]);
      return;
    case PhysicalType::kInt96: {
      const std::string_view b = values.GetBytes(row);
      int64_t nod = 0;
      int32_t jd = 0;
      std::memcpy(&nod, b.data(), 8);
      std::memcpy(&jd, b.data() + 8, 4);
      const uint64_t us =
          static_cast<uint64_t>(static_cast<int64_t>(jd) - 2440588) * 86400000000ull +
          static_cast<uint64_t>(nod / 1000);
      const __int128 ns = static_cast<__int128>(static_cast<int64_t>(us)) * 1000 + nod % 1000;
      *out += TimestampString(ns, 9);
      return;
    }
    default:
      break;
  }
  const std::string_view b = values.GetBytes(row);
  switch (r.kind) {
    case Rendering::kString:
      AppendJsonString(b, out);
      return;
    case Rendering::kDecimal: {
      const std::optional<__int128> v = BigEndianSigned(b);
      *out += v ? DecimalString(*v, r.scale) : "\"<decimal beyond 128 bits>\"";
      return;
    }
    case Rendering::kUuid: {
      const std::string h = Hex(b);
      *out += "\"" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
              h.substr(16, 4) + "-" + h.substr(20) + "\"";
      return;
    }
    case Rendering::kFloat16: {
      const uint16_t half =
          static_cast<uint16_t>(static_cast<uint8_t>(b[0]) | (static_cast<uint8_t>(b[1]) << 8));
      *out += CanonFloat(HalfToFloat(half));
      return;
    }
    default:
      *out += "\"" + Hex(b) + "\"";
      return;
  }
}

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~Sha256() { EVP_MD_CTX_free(ctx_); }
  void Update(std::string_view s) { EVP_DigestUpdate(ctx_, s.data(), s.size()); }
  std::string HexDigest() {
    unsigned char digest[32];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx_, digest, &length);
    return Hex(std::string_view(reinterpret_cast<char*>(digest), length));
  }

 private:
  EVP_MD_CTX* ctx_;
};

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

struct Rendered {
  Status status;
  uint64_t rows = 0;
  std::string sha256;
  uint64_t bytes = 0;
  std::vector<std::pair<uint64_t, std::string>> kept;  // (row, line) for rows in `keep`
};

// Reads `columns` (top-level names; all when empty) of every row group and renders each row.
Rendered RenderFile(const std::string& relative, const std::vector<std::string>& columns,
                    const std::vector<std::pair<uint64_t, uint64_t>>& keep,
                    ParquetReadLimits limits = {}) {
  Rendered result;
  Result<std::unique_ptr<ParquetFile>> opened =
      ParquetFile::Open(*PosixFileSystem(), kRoot + "/" + relative, limits);
  if (!opened.ok()) {
    result.status = opened.status();
    return result;
  }
  const ParquetFile& file = **opened;
  std::vector<int> selected;
  if (columns.empty()) {
    for (size_t i = 0; i < file.columns().size(); ++i) selected.push_back(static_cast<int>(i));
  } else {
    for (const std::string& name : columns) selected.push_back(file.FindColumn(name));
  }
  std::vector<std::string> keys;
  std::vector<Rendering> renderings;
  for (int c : selected) {
    if (c < 0) {
      result.status = Status::NotFound("column missing");
      return result;
    }
    std::string key;
    AppendJsonString(file.columns()[c].path, &key);
    keys.push_back(key);
    renderings.push_back(RenderingOf(file.columns()[c]));
  }
  Sha256 sha;
  std::vector<ColumnValues> values(selected.size());
  std::string line;
  for (int g = 0; g < file.num_row_groups(); ++g) {
    for (size_t i = 0; i < selected.size(); ++i) {
      result.status = file.ReadColumnChunk(g, selected[i], &values[i]);
      if (!result.status.ok()) return result;
    }
    const size_t rows = static_cast<size_t>(file.row_group_num_rows(g));
    for (size_t row = 0; row < rows; ++row, ++result.rows) {
      line = "{";
      for (size_t i = 0; i < selected.size(); ++i) {
        if (i > 0) line += ",";
        line += keys[i] + ":";
        RenderValue(values[i], renderings[i], row, &line);
      }
      line += "}\n";
      sha.Update(line);
      result.bytes += line.size();
      for (const auto& [first, count] : keep) {
        if (result.rows >= first && result.rows < first + count) {
          result.kept.emplace_back(result.rows, line.substr(0, line.size() - 1));
        }
      }
    }
  }
  result.sha256 = sha.HexDigest();
  return result;
}

void ExpectMatches(const std::string& path, bool only_expected_columns) {
  const nlohmann::json* entry = EntryOf(path);
  ASSERT_NE(entry, nullptr);
  const nlohmann::json& expected = (*entry)["expected"];
  ASSERT_TRUE(expected.is_object()) << path << " has no expected rows";
  std::vector<std::pair<uint64_t, uint64_t>> keep;
  for (const auto& range : expected["rows_in_jsonl"]) {
    keep.emplace_back(range["first_row"].get<uint64_t>(), range["count"].get<uint64_t>());
  }
  std::vector<std::string> columns;
  if (only_expected_columns) columns = expected["columns"].get<std::vector<std::string>>();
  ParquetReadLimits limits;
  limits.verify_page_checksums = false;  // DuckDB does not verify CRCs (see the README)
  const Rendered rendered = RenderFile(path, columns, keep, limits);
  ASSERT_TRUE(rendered.status.ok()) << rendered.status;
  const std::vector<std::string> lines =
      ReadLines(kRoot + "/expected/" + expected["jsonl"].get<std::string>());
  ASSERT_EQ(rendered.kept.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(rendered.kept[i].second, lines[i]) << path << " row " << rendered.kept[i].first;
  }
  EXPECT_EQ(rendered.rows, expected["total_rows"].get<uint64_t>());
  EXPECT_EQ(rendered.bytes, expected["rows_bytes"].get<uint64_t>());
  EXPECT_EQ(rendered.sha256, expected["rows_sha256"].get<std::string>());
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

// ---------------------------------------------------------------------------------------------

class ParquetFlatConformance : public testing::TestWithParam<std::string> {};

TEST_P(ParquetFlatConformance, MatchesDuckDbRows) { ExpectMatches(GetParam(), false); }

INSTANTIATE_TEST_SUITE_P(Files, ParquetFlatConformance, testing::ValuesIn(FilesOf("flat")),
                         TestName);

class ParquetPartialConformance : public testing::TestWithParam<std::string> {};

TEST_P(ParquetPartialConformance, MatchesDuckDbReadableColumns) { ExpectMatches(GetParam(), true); }

INSTANTIATE_TEST_SUITE_P(Files, ParquetPartialConformance,
                         testing::ValuesIn(FilesOf("unsupported-by-duckdb", true)), TestName);

class ParquetNestedConformance : public testing::TestWithParam<std::string> {};

TEST_P(ParquetNestedConformance, NestedColumnIsNotSupported) {
  Result<std::unique_ptr<ParquetFile>> file =
      ParquetFile::Open(*PosixFileSystem(), kRoot + "/" + GetParam());
  ASSERT_TRUE(file.ok()) << file.status();
  int nested = -1;
  for (size_t i = 0; i < (*file)->columns().size(); ++i) {
    if ((*file)->columns()[i].nested) nested = static_cast<int>(i);
  }
  ASSERT_GE(nested, 0) << "no nested column found";
  if ((*file)->num_row_groups() == 0) return;
  ColumnValues values;
  Status status = (*file)->ReadColumnChunk(0, nested, &values);
  EXPECT_EQ(status.code(), StatusCode::kNotSupported) << status;
  EXPECT_NE(status.message().find("'" + (*file)->columns()[nested].path + "'"), std::string::npos)
      << status;
}

INSTANTIATE_TEST_SUITE_P(Files, ParquetNestedConformance, testing::ValuesIn(FilesOf("nested")),
                         TestName);

class ParquetBadData : public testing::TestWithParam<std::string> {};

// Reading every column of a damaged file ends in an error status (the sanitizers catch any
// crash or out-of-bounds access on the way).
TEST_P(ParquetBadData, GivesAClearError) {
  const Rendered rendered = RenderFile(GetParam(), {}, {});
  if (GetParam() == "bad_data/ARROW-GH-43605.parquet" && rendered.status.ok()) {
    // Contested (see the manifest): one-entry dictionary with bit width 0; accepting it must
    // give DuckDB's rows.
    EXPECT_EQ(rendered.sha256, (*EntryOf(GetParam()))["duckdb"]["rows_sha256"]);
    return;
  }
  EXPECT_FALSE(rendered.status.ok())
      << GetParam() << " was accepted (" << rendered.rows << " rows)";
  EXPECT_NE(rendered.status.code(), StatusCode::kInternal) << rendered.status;
  EXPECT_NE(rendered.status.message().find(GetParam()), std::string::npos) << rendered.status;
}

INSTANTIATE_TEST_SUITE_P(Files, ParquetBadData, testing::ValuesIn(FilesOf("bad")), TestName);

// Pages whose stored CRC-32 does not match are refused when checksums are verified (default).
TEST(ParquetChecksumTest, CorruptPagesAreRejectedWhenVerifying) {
  for (const char* path : {"data/datapage_v1-corrupt-checksum.parquet",
                           "data/rle-dict-uncompressed-corrupt-checksum.parquet"}) {
    const Rendered rendered = RenderFile(path, {}, {});
    EXPECT_EQ(rendered.status.code(), StatusCode::kCorruption) << path;
    EXPECT_NE(rendered.status.message().find("CRC"), std::string::npos) << rendered.status;
  }
  // Intact pages with checksums pass verification.
  for (const char* path :
       {"data/datapage_v1-uncompressed-checksum.parquet",
        "data/datapage_v1-snappy-compressed-checksum.parquet",
        "data/plain-dict-uncompressed-checksum.parquet", "data/rle-dict-snappy-checksum.parquet"}) {
    EXPECT_TRUE(RenderFile(path, {}, {}).status.ok()) << path;
  }
}

TEST(ParquetConformanceSetup, ManifestIsPresent) {
  EXPECT_GE(FilesOf("flat").size(), 50u) << "is " << kRoot << " populated?";
  EXPECT_FALSE(FilesOf("bad").empty());
}

}  // namespace
}  // namespace mesh::format::parquet
