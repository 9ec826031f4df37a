#include "demo/sample_data.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "demo/generation_order.h"
#include "demo/sample_writer.h"
#include "model/descriptor_parser.h"

namespace mesh::demo {
namespace {

const Timestamp kDemoNow = *ParseTimestamp("2026-11-20T08:00:00Z");

Descriptor Parse(const std::string& text, const std::string& file = "products/test.yaml") {
  FindingSink sink(file);
  std::optional<Descriptor> descriptor = ParseDescriptorText(text, file, &sink);
  EXPECT_TRUE(descriptor.has_value());
  for (const Finding& finding : sink.findings()) ADD_FAILURE() << finding.ToString();
  return descriptor.value_or(Descriptor{});
}

std::vector<Descriptor> LoadDemoProducts() {
  auto fs = PosixFileSystem();
  const std::string dir = std::string(MESH_SOURCE_DIR) + "/examples/prophecy-hall/products";
  auto files = fs->ListFilesRecursive(dir, ".yaml");
  EXPECT_TRUE(files.ok()) << files.status().ToString();
  std::vector<Descriptor> products;
  for (const std::string& file : files.ValueOr({})) {
    auto text = fs->ReadFile(file);
    EXPECT_TRUE(text.ok());
    products.push_back(Parse(text.ValueOr(""), file));
  }
  return products;
}

// Generates every demo product in generation order into `catalog`.
void GenerateDemo(const std::vector<Descriptor>& products, const SampleOptions& options,
                  SampleCatalog* catalog) {
  auto order = GenerationOrder(products);
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  for (size_t index : *order) {
    auto table = GenerateSample(products[index], options, *catalog);
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    catalog->Add(std::move(table).value());
  }
}

constexpr const char* kMinimal = R"(name: sightings
domain: intelligence
owner: team-intelligence
schema_version: v1.0.0
output_format: csv
event_time: seen_at
x-sample:
  sighting_id: "SG-{seq:6}"
  note: "{sentence}"
schema:
  primary_key: [sighting_id]
  fields:
    - name: sighting_id
      type: string
      required: true
      pattern: '^SG-[0-9]{6}$'
    - name: seen_at
      type: timestamp
      required: true
    - name: sector
      type: string
      required: true
      allowed_values: [north, south]
    - name: count
      type: int32
      min: 1
      max: 40
    - name: weight
      type: decimal(8,3)
      min: 0.5
      max: 12
    - name: note
      type: string
)";

TEST(SampleDataTest, SameSeedGivesSameBytes) {
  const Descriptor product = Parse(kMinimal);
  SampleOptions options;
  options.seed = 42;
  options.rows = 120;
  options.now = kDemoNow;
  auto first = GenerateSample(product, options, SampleCatalog());
  auto second = GenerateSample(product, options, SampleCatalog());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(ToCsv(*first), ToCsv(*second));
  EXPECT_EQ(ToJsonl(*first), ToJsonl(*second));
  EXPECT_EQ(first->rows.size(), 120u);

  options.seed = 43;
  auto other = GenerateSample(product, options, SampleCatalog());
  ASSERT_TRUE(other.ok());
  EXPECT_NE(ToCsv(*first), ToCsv(*other));
}

// A pinned digest of the whole demo's output: the bytes must not depend on the machine, the
// compiler or the standard library. Update the expected value only for a deliberate change of
// the generator (and say so in the commit).
TEST(SampleDataTest, DemoOutputIsStableAcrossRuns) {
  const auto products = LoadDemoProducts();
  SampleOptions options;
  options.seed = 7;
  options.rows = 50;
  options.now = kDemoNow;
  SampleCatalog first;
  SampleCatalog second;
  GenerateDemo(products, options, &first);
  GenerateDemo(products, options, &second);
  for (const Descriptor& product : products) {
    ASSERT_NE(first.Find(product.name), nullptr) << product.name;
    EXPECT_EQ(ToCsv(*first.Find(product.name)), ToCsv(*second.Find(product.name)));
  }
}

// Checks every row of `table` against the constraints of `product`.
void ExpectHonoursDescriptor(const Descriptor& product, const SampleTable& table,
                             const SampleCatalog& catalog) {
  SCOPED_TRACE(product.name);
  ASSERT_EQ(table.columns.size(), product.schema.fields.size());
  std::set<std::string> keys;
  for (const auto& row : table.rows) {
    std::string key;
    for (const std::string& name : product.schema.primary_key) {
      const auto& cell = row[static_cast<size_t>(product.schema.FieldIndex(name))];
      ASSERT_TRUE(cell.has_value()) << "null in primary key column " << name;
      key += *cell + '\x1f';
    }
    if (!product.schema.primary_key.empty()) {
      EXPECT_TRUE(keys.insert(key).second) << "duplicate primary key " << key;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      const Field& field = product.schema.fields[i];
      if (!row[i]) {
        EXPECT_FALSE(field.required) << "null in required " << field.name;
        continue;
      }
      const std::string& value = *row[i];
      EXPECT_FALSE(value.empty()) << field.name;
      if (!field.allowed_values.empty()) {
        EXPECT_TRUE(std::any_of(field.allowed_values.begin(), field.allowed_values.end(),
                                [&](const Literal& l) { return l.text == value; }))
            << field.name << "=" << value;
      }
      if (field.pattern) {
        EXPECT_TRUE(RE2::FullMatch(value, *field.pattern)) << field.name << "=" << value;
      }
      if (field.type.IsNumeric()) {
        const double number = std::stod(value);
        if (field.min) {
          EXPECT_GE(number, field.min->number) << field.name;
        }
        if (field.max) {
          EXPECT_LE(number, field.max->number) << field.name;
        }
      }
      if (field.type.id == TypeId::kDecimal) {
        const size_t dot = value.find('.');
        const size_t scale = dot == std::string::npos ? 0 : value.size() - dot - 1;
        EXPECT_EQ(scale, static_cast<size_t>(field.type.scale)) << field.name << "=" << value;
      }
      if (field.type.id == TypeId::kTimestamp) {
        auto instant = ParseTimestamp(value);
        ASSERT_TRUE(instant.has_value()) << value;
        EXPECT_LE(*instant, kDemoNow) << field.name;
        EXPECT_EQ(value.back(), 'Z');
      }
      if (field.type.id == TypeId::kDate) {
        EXPECT_TRUE(ParseDate(value).has_value()) << value;
      }
      if (field.type.id == TypeId::kBoolean) {
        EXPECT_TRUE(value == "true" || value == "false");
      }
    }
  }
  for (const QualityCheck& check : product.quality) {
    if (check.kind != CheckKind::kReferential) continue;
    const auto* referenced =
        catalog.DistinctValues(check.references_product, check.references_field);
    ASSERT_NE(referenced, nullptr);
    const std::set<std::string> allowed(referenced->begin(), referenced->end());
    const int column = table.ColumnIndex(check.column);
    for (const auto& row : table.rows) {
      const auto& cell = row[static_cast<size_t>(column)];
      if (cell) {
        EXPECT_EQ(allowed.count(*cell), 1u) << check.column << "=" << *cell;
      }
    }
  }
}

TEST(SampleDataTest, EveryDemoProductHonoursItsConstraints) {
  const auto products = LoadDemoProducts();
  ASSERT_GE(products.size(), 30u);
  SampleOptions options;
  options.seed = 2026;
  options.rows = 300;
  options.now = kDemoNow;
  SampleCatalog catalog;
  GenerateDemo(products, options, &catalog);
  for (const Descriptor& product : products) {
    const SampleTable* table = catalog.Find(product.name);
    ASSERT_NE(table, nullptr) << product.name;
    EXPECT_FALSE(table->rows.empty()) << product.name;
    ExpectHonoursDescriptor(product, *table, catalog);
  }
}

// The newest event_time is just before `now`, so freshness checks and max_lag_hours hold.
TEST(SampleDataTest, NewestEventTimeMeetsFreshnessAndLag) {
  const auto products = LoadDemoProducts();
  SampleOptions options;
  options.rows = 200;
  options.now = kDemoNow;
  SampleCatalog catalog;
  GenerateDemo(products, options, &catalog);
  for (const Descriptor& product : products) {
    if (!product.event_time) continue;
    const SampleTable& table = *catalog.Find(product.name);
    const int column = table.ColumnIndex(*product.event_time);
    Timestamp newest{INT64_MIN};
    for (const auto& row : table.rows) {
      const std::string& value = *row[static_cast<size_t>(column)];
      auto day = ParseDate(value);
      const Timestamp instant = day ? Timestamp{*day * kMicrosPerDay} : *ParseTimestamp(value);
      newest = std::max(newest, instant);
    }
    const double age_hours = static_cast<double>(kDemoNow.micros - newest.micros) / kMicrosPerHour;
    EXPECT_GE(age_hours, 0) << product.name;
    for (const QualityCheck& check : product.quality) {
      if (check.kind == CheckKind::kFreshness) {
        EXPECT_LE(age_hours, *check.max_age_hours) << product.name;
      }
    }
    if (product.sla && product.sla->max_lag_hours) {
      EXPECT_LE(age_hours, *product.sla->max_lag_hours) << product.name;
    }
  }
}

TEST(SampleDataTest, KeysDrawnFromASmallSetStopWithAShortfall) {
  const Descriptor product = Parse(R"(name: two_regions
domain: operations
owner: team-operations
schema_version: v1.0.0
output_format: csv
schema:
  primary_key: [region]
  fields:
    - name: region
      type: string
      allowed_values: [north, south]
)");
  SampleOptions options;
  options.rows = 10;
  auto table = GenerateSample(product, options, SampleCatalog());
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->rows.size(), 2u);
  EXPECT_NE(table->shortfall.find("generated 2 of 10 rows"), std::string::npos) << table->shortfall;
}

TEST(SampleDataTest, PatternWithoutHintIsAClearError) {
  std::string text = kMinimal;
  text.replace(text.find("  sighting_id: \"SG-{seq:6}\"\n"), 28, "");
  const Descriptor product = Parse(text);
  auto table = GenerateSample(product, SampleOptions{}, SampleCatalog());
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("products/test.yaml"), std::string::npos);
  EXPECT_NE(table.status().message().find("sighting_id"), std::string::npos);
  EXPECT_NE(table.status().message().find("x-sample"), std::string::npos);
}

TEST(SampleDataTest, HintThatBreaksThePatternIsAnError) {
  std::string text = kMinimal;
  text.replace(text.find("SG-{seq:6}"), 10, "SG-{upper:6}");
  auto table = GenerateSample(Parse(text), SampleOptions{}, SampleCatalog());
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("does not match its pattern"), std::string::npos)
      << table.status().ToString();
}

TEST(SampleDataTest, UnknownPlaceholderNamesThePlace) {
  std::string text = kMinimal;
  text.replace(text.find("{sentence}"), 10, "{sentense}");
  auto table = GenerateSample(Parse(text), SampleOptions{}, SampleCatalog());
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("products/test.yaml:9:"), std::string::npos)
      << table.status().ToString();
  EXPECT_NE(table.status().message().find("{sentense}"), std::string::npos);
}

TEST(SampleDataTest, ReferentialWithoutUpstreamSampleIsAnError) {
  std::string text = kMinimal;
  text += "quality:\n  - check: referential\n    column: sector\n    references: regions.name\n";
  auto table = GenerateSample(Parse(text), SampleOptions{}, SampleCatalog());
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("regions.name"), std::string::npos);
}

size_t CountNulls(const SampleTable& table, const std::string& column) {
  const int index = table.ColumnIndex(column);
  return static_cast<size_t>(std::count_if(table.rows.begin(), table.rows.end(), [&](auto& row) {
    return !row[static_cast<size_t>(index)].has_value();
  }));
}

TEST(SampleDataTest, DefectsSpoilExactlyTheAskedShare) {
  const Descriptor product = Parse(kMinimal);
  SampleOptions options;
  options.rows = 200;
  options.now = kDemoNow;
  auto clean = GenerateSample(product, options, SampleCatalog());
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(CountNulls(*clean, "sector"), 0u);

  options.defects = {{SampleDefect::Kind::kNull, "sector", 0.1},
                     {SampleDefect::Kind::kBreakPattern, "sighting_id", 0.02},
                     {SampleDefect::Kind::kOutOfRange, "count", 0.05},
                     {SampleDefect::Kind::kUnparsable, "weight", 0.01}};
  auto spoiled = GenerateSample(product, options, SampleCatalog());
  ASSERT_TRUE(spoiled.ok()) << spoiled.status().ToString();
  EXPECT_EQ(CountNulls(*spoiled, "sector"), 20u);
  size_t broken = 0, out_of_range = 0, unparsable = 0, untouched = 0;
  for (size_t r = 0; r < spoiled->rows.size(); ++r) {
    const auto& row = spoiled->rows[r];
    if (!RE2::FullMatch(*row[0], "^SG-[0-9]{6}$")) ++broken;
    if (row[3] && *row[3] == "41") ++out_of_range;
    if (row[4] && *row[4] == "n/a") ++unparsable;
    if (row == clean->rows[r]) ++untouched;
  }
  EXPECT_EQ(broken, 4u);
  EXPECT_EQ(out_of_range, 10u);
  EXPECT_EQ(unparsable, 2u);
  EXPECT_GE(untouched, 200u - 20u - 4u - 10u - 2u);  // defects leave the other rows as they were
}

TEST(SampleDataTest, DuplicateKeyDefectCopiesThePreviousKey) {
  SampleOptions options;
  options.rows = 100;
  options.defects = {{SampleDefect::Kind::kDuplicateKey, "", 0.03}};
  auto table = GenerateSample(Parse(kMinimal), options, SampleCatalog());
  ASSERT_TRUE(table.ok());
  std::set<std::string> ids;
  for (const auto& row : table->rows) ids.insert(*row[0]);
  EXPECT_EQ(ids.size(), 97u);
}

TEST(SampleDataTest, DefectOnUnknownColumnIsAnError) {
  SampleOptions options;
  options.defects = {{SampleDefect::Kind::kNull, "no_such_column", 0.1}};
  auto table = GenerateSample(Parse(kMinimal), options, SampleCatalog());
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("no_such_column"), std::string::npos);
}

TEST(SampleWriterTest, CsvQuotesTrickyStrings) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hold\""), "\"say \"\"hold\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField(""), "\"\"");
  EXPECT_EQ(CsvField("Søren Østergaard"), "Søren Østergaard");
}

TEST(SampleWriterTest, CsvAndJsonlOfATable) {
  SampleTable table;
  table.product = "t";
  table.columns = {"id", "amount", "note", "ok"};
  table.types = {*FieldType::Parse("int64"), *FieldType::Parse("decimal(6,2)"),
                 *FieldType::Parse("string"), *FieldType::Parse("boolean")};
  table.rows = {{"1", "12.50", "Held, \"as ordered\"", "true"},
                {"2", std::nullopt, "line\nbreak\ttab\\", std::nullopt},
                {"3", "n/a", std::string("ctl\x01"), "false"}};
  EXPECT_EQ(ToCsv(table),
            "id,amount,note,ok\r\n"
            "1,12.50,\"Held, \"\"as ordered\"\"\",true\r\n"
            "2,,\"line\nbreak\ttab\\\",\r\n"
            "3,n/a,ctl\x01,false\r\n");
  EXPECT_EQ(ToJsonl(table),
            "{\"id\":1,\"amount\":12.50,\"note\":\"Held, \\\"as ordered\\\"\",\"ok\":true}\n"
            "{\"id\":2,\"amount\":null,\"note\":\"line\\nbreak\\ttab\\\\\",\"ok\":null}\n"
            "{\"id\":3,\"amount\":\"n/a\",\"note\":\"ctl\\u0001\",\"ok\":false}\n");
}

TEST(GenerationOrderTest, UpstreamComesFirstAndCyclesAreErrors) {
  auto product = [](std::string name, std::vector<std::string> lineage) {
    Descriptor d;
    d.name = std::move(name);
    d.lineage = std::move(lineage);
    return d;
  };
  std::vector<Descriptor> products = {product("c", {"b", "source:x/y"}), product("b", {"a"}),
                                      product("a", {}), product("d", {"unknown"})};
  auto order = GenerationOrder(products);
  ASSERT_TRUE(order.ok());
  std::vector<std::string> names;
  for (size_t i : *order) names.push_back(products[i].name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "c", "d"}));

  products[2].lineage = {"c"};
  auto cycle = GenerationOrder(products);
  ASSERT_FALSE(cycle.ok());
  EXPECT_NE(cycle.status().message().find("a, b, c"), std::string::npos)
      << cycle.status().ToString();
}

}  // namespace
}  // namespace mesh::demo
