#include "yaml/loader.h"

#include <gtest/gtest.h>

namespace mesh::yaml {
namespace {

TEST(YamlLoader, KeepsPositionsOfKeysAndValues) {
  auto doc = LoadYaml("name: x\nschema:\n  fields:\n    - name: day\n      type: date\n", "f.yaml");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const Node& root = *doc->root;
  ASSERT_TRUE(root.IsMap());
  const Node::Entry* schema = root.GetEntry("schema");
  ASSERT_NE(schema, nullptr);
  EXPECT_EQ(schema->key->mark.line, 2);
  EXPECT_EQ(schema->key->mark.column, 1);
  const Node* field = schema->value->Get("fields")->items.at(0).get();
  EXPECT_EQ(field->Get("type")->mark.line, 5);
  EXPECT_EQ(field->Get("type")->mark.column, 13);
  EXPECT_EQ(*field->Get("type")->AsString(), "date");
}

TEST(YamlLoader, DistinguishesQuotedScalarsFromNumbersAndBooleans) {
  auto doc = LoadYaml("a: 12\nb: '12'\nc: true\nd: ~\ne: 1.5e3\nf: v2.1\n", "f.yaml");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const Node& r = *doc->root;
  EXPECT_EQ(r.Get("a")->AsInt(), 12);
  EXPECT_FALSE(r.Get("b")->AsInt().has_value());
  EXPECT_EQ(r.Get("b")->AsString(), "12");
  EXPECT_EQ(r.Get("c")->AsBool(), true);
  EXPECT_TRUE(r.Get("d")->IsNullScalar());
  EXPECT_DOUBLE_EQ(*r.Get("e")->AsDouble(), 1500.0);
  EXPECT_EQ(r.Get("f")->AsString(), "v2.1");
}

TEST(YamlLoader, ReportsSyntaxErrorWithPosition) {
  SyntaxError error;
  auto doc = LoadYaml("name: x\nfields: [a, b\n", "bad.yaml", {}, &error);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(error.file, "bad.yaml");
  EXPECT_GT(error.mark.line, 0);
  EXPECT_NE(doc.status().message().find("bad.yaml:"), std::string::npos);
}

TEST(YamlLoader, RejectsDeepNestingWithoutCrashing) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  auto doc = LoadYaml(deep, "deep.yaml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceExhausted);
}

TEST(YamlLoader, RejectsBillionLaughs) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  auto doc = LoadYaml(bomb, "bomb.yaml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(doc.status().message().find("alias"), std::string::npos);
}

TEST(YamlLoader, RefusesSecondDocument) {
  auto doc = LoadYaml("a: 1\n---\nb: 2\n", "two.yaml");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("more than one"), std::string::npos);
}

TEST(YamlLoader, EmptyDocumentIsNull) {
  auto doc = LoadYaml("", "empty.yaml");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->root->IsNull());
}

}  // namespace
}  // namespace mesh::yaml
