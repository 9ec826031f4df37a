#include "format/parquet/thrift_compact.h"

#include <gtest/gtest.h>

#include <limits>

namespace mesh::format::parquet {
namespace {

TEST(ThriftCompactTest, ScalarsRoundTrip) {
  ThriftCompactWriter w;
  w.BeginStruct();
  w.WriteI32Field(1, -17);
  w.WriteI64Field(2, std::numeric_limits<int64_t>::min());
  w.WriteI64Field(3, std::numeric_limits<int64_t>::max());
  w.WriteBinaryField(4, "hello");
  w.WriteBoolField(5, true);
  w.WriteBoolField(6, false);
  w.WriteFieldHeader(40, ThriftType::kDouble);  // long delta: explicit id
  w.WriteDouble(-1.5);
  w.WriteFieldHeader(41, ThriftType::kI16);
  w.WriteI16(-300);
  w.EndStruct();

  ThriftCompactReader r(w.bytes());
  ASSERT_TRUE(r.BeginStruct().ok());
  int16_t id = 0;
  ThriftType type = ThriftType::kStop;
  int32_t i32 = 0;
  int64_t i64 = 0;
  std::string_view bin;
  double d = 0;
  int16_t i16 = 0;

  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(id, 1);
  ASSERT_TRUE(r.ReadI32(&i32).ok());
  EXPECT_EQ(i32, -17);
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  ASSERT_TRUE(r.ReadI64(&i64).ok());
  EXPECT_EQ(i64, std::numeric_limits<int64_t>::min());
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  ASSERT_TRUE(r.ReadI64(&i64).ok());
  EXPECT_EQ(i64, std::numeric_limits<int64_t>::max());
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  ASSERT_TRUE(r.ReadBinary(&bin).ok());
  EXPECT_EQ(bin, "hello");
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(id, 5);
  EXPECT_EQ(type, ThriftType::kBoolTrue);
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(id, 6);
  EXPECT_EQ(type, ThriftType::kBoolFalse);
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(id, 40);
  EXPECT_EQ(type, ThriftType::kDouble);
  ASSERT_TRUE(r.ReadDouble(&d).ok());
  EXPECT_EQ(d, -1.5);
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(id, 41);
  ASSERT_TRUE(r.ReadI16(&i16).ok());
  EXPECT_EQ(i16, -300);
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(type, ThriftType::kStop);
  ASSERT_TRUE(r.EndStruct().ok());
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ThriftCompactTest, KnownBytes) {
  // i32 field 1 = 1 (zigzag 2): header 0x15, value 0x02; stop.
  ThriftCompactWriter w;
  w.BeginStruct();
  w.WriteI32Field(1, 1);
  w.EndStruct();
  EXPECT_EQ(w.bytes(), std::string("\x15\x02\x00", 3));
  // A 20-element list of i32 uses the long form: 0xF5 then varint 20.
  ThriftCompactWriter l;
  l.WriteListHeader(ThriftType::kI32, 20);
  EXPECT_EQ(l.bytes(), std::string("\xF5\x14", 2));
}

TEST(ThriftCompactTest, SkipsNestedContainers) {
  ThriftCompactWriter w;
  w.BeginStruct();
  w.WriteFieldHeader(3, ThriftType::kList);
  w.WriteListHeader(ThriftType::kStruct, 2);
  for (int i = 0; i < 2; ++i) {
    w.BeginStruct();
    w.WriteBinaryField(1, "x");
    w.WriteFieldHeader(2, ThriftType::kMap);
    w.WriteMapHeader(ThriftType::kBinary, ThriftType::kI64, 1);
    w.WriteBinary("k");
    w.WriteI64(5);
    w.WriteFieldHeader(3, ThriftType::kList);
    w.WriteListHeader(ThriftType::kBoolTrue, 3);
    w.WriteBoolElement(true);
    w.WriteBoolElement(false);
    w.WriteBoolElement(true);
    w.EndStruct();
  }
  w.WriteI32Field(4, 99);
  w.EndStruct();

  ThriftCompactReader r(w.bytes());
  ASSERT_TRUE(r.BeginStruct().ok());
  int16_t id = 0;
  ThriftType type = ThriftType::kStop;
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  ASSERT_TRUE(r.Skip(type).ok());
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type).ok());
  EXPECT_EQ(id, 4);
  int32_t v = 0;
  ASSERT_TRUE(r.ReadI32(&v).ok());
  EXPECT_EQ(v, 99);
}

TEST(ThriftCompactTest, RejectsSizesBeyondTheInput) {
  // binary claiming 1 TB.
  std::string huge_binary = "\xff\xff\xff\xff\xff\x1f";
  ThriftCompactReader r1(huge_binary);
  std::string_view bin;
  Status s = r1.ReadBinary(&bin);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("remain"), std::string::npos) << s;

  // list claiming 2^31 elements with 3 bytes left.
  std::string huge_list = "\xf5\xff\xff\xff\xff\x07\x01\x02\x03";
  ThriftCompactReader r2(huge_list);
  ThriftType element = ThriftType::kStop;
  uint32_t size = 0;
  EXPECT_EQ(r2.ReadListHeader(&element, &size).code(), StatusCode::kCorruption);

  // Truncated varint.
  ThriftCompactReader r3(std::string_view("\x80\x80", 2));
  int64_t v = 0;
  EXPECT_EQ(r3.ReadI64(&v).code(), StatusCode::kCorruption);

  // Overlong varint.
  const std::string overlong(11, '\xff');
  ThriftCompactReader r4(overlong);
  EXPECT_EQ(r4.ReadI64(&v).code(), StatusCode::kCorruption);

  // A struct without its stop byte.
  ThriftCompactReader r5(std::string_view("\x15\x02", 2));
  EXPECT_EQ(r5.Skip(ThriftType::kStruct).code(), StatusCode::kCorruption);

  // An invalid type nibble.
  ThriftCompactReader r6(std::string_view("\x1d", 1));
  EXPECT_EQ(r6.Skip(ThriftType::kStruct).code(), StatusCode::kCorruption);
}

TEST(ThriftCompactTest, RejectsDeepNesting) {
  // 10000 nested structs: field 1 of type struct, repeatedly.
  std::string deep(10000, '\x1c');
  ThriftCompactReader r(deep);
  Status s = r.Skip(ThriftType::kStruct);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("nesting"), std::string::npos) << s;

  // Lists of lists.
  std::string lists(10000, '\x19');
  ThriftCompactReader r2(lists);
  EXPECT_EQ(r2.Skip(ThriftType::kList).code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace mesh::format::parquet
