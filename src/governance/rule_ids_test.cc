// Every governance rule id, including each required.<key>, is documented in docs/rules.md (the
// rules-doc scanner of tests/ cannot see ids built at run time, such as "required." + key).
#include "governance/rule_ids.h"

#include <gtest/gtest.h>

#include "base/filesystem.h"
#include "governance/policy.h"

namespace mesh::governance {
namespace {

std::string RulesDoc() {
  Result<std::string> doc =
      PosixFileSystem()->ReadFile(std::string(MESH_SOURCE_DIR) + "/docs/rules.md");
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *doc : "";
}

TEST(GovernanceRuleIdsTest, EveryRuleHasASectionInRulesDoc) {
  std::string doc = RulesDoc();
  for (const RuleInfo& rule : GovernanceRules()) {
    EXPECT_NE(doc.find("\n## " + std::string(rule.id) + "\n"), std::string::npos)
        << "docs/rules.md has no '## " << rule.id << "' section";
  }
}

TEST(GovernanceRuleIdsTest, EveryRequirableKeyIsListedInRulesDoc) {
  std::string doc = RulesDoc();
  for (const std::string& key : RequirableKeys()) {
    EXPECT_NE(doc.find("`required." + key + "`"), std::string::npos)
        << "docs/rules.md does not list `required." << key << "`";
    EXPECT_TRUE(IsWaivableRule("required." + key));
  }
  EXPECT_FALSE(IsWaivableRule("required.colour"));
  EXPECT_FALSE(IsWaivableRule("policy.loosens"));
}

}  // namespace
}  // namespace mesh::governance
