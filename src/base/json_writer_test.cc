#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <limits>

namespace mesh {
namespace {

using Json = nlohmann::ordered_json;

TEST(JsonWriterTest, WritesWhatDumpWrites) {
  const Json values[] = {
      nullptr,
      true,
      false,
      0,
      -42,
      std::numeric_limits<int64_t>::min(),
      std::numeric_limits<uint64_t>::max(),
      0.1,
      1.0,
      -0.0,
      0.95,
      123456.789,
      1e20,
      1e-7,
      5e-324,
      std::numeric_limits<double>::max(),
      "",
      "plain",
      "quote \" backslash \\ slash / tab \t newline \n return \r bell \x07 nul-free \x1f",
      "utf-8: h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80",
      Json::array(),
      Json::object(),
      Json{{"name", "orders"}, {"tags", {"a", "b"}}, {"nested", {{"x", 1.5}, {"y", nullptr}}}},
      Json::array({1, "two", 3.0, Json::array({Json::object()})}),
  };
  for (const Json& value : values) EXPECT_EQ(DumpJson(value), value.dump()) << value.dump();
}

TEST(JsonWriterTest, KeysKeepTheirOrderAndAreEscaped) {
  Json json;
  json["z\"key"] = 1;
  json["a"] = 2;
  EXPECT_EQ(DumpJson(json), "{\"z\\\"key\":1,\"a\":2}");
}

TEST(JsonWriterTest, InvalidUtf8BecomesTheReplacementCharacterInsteadOfThrowing) {
  const Json value = std::string("ok \xff bad \xc3 cut \xed\xa0\x80 surrogate \xe2\x82");
  const std::string text = DumpJson(value);
  EXPECT_EQ(text,
            "\"ok \xEF\xBF\xBD bad \xEF\xBF\xBD cut \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
            "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_FALSE(Json::parse(text, nullptr, false).is_discarded());
}

TEST(JsonWriterTest, NonFiniteNumbersAreNull) {
  EXPECT_EQ(DumpJson(Json(std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(DumpJson(Json(std::numeric_limits<double>::quiet_NaN())), "null");
}

}  // namespace
}  // namespace mesh
