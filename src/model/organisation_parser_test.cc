#include "model/organisation_parser.h"

#include <gtest/gtest.h>

#include "model/descriptor_parser.h"
#include "model/organisation_checks.h"

namespace mesh {
namespace {

constexpr const char* kMesh = R"(name: prophecy-hall
teams:
  - id: team-operations
    members: [alice, bob]
  - id: analytics
    members: [carol]
    webhook_url: https://hooks.example.org/analytics
  - id: governance
    members: [dave]
    roles: [governance]
domains:
  - id: operations
    description: Mission planning and execution
    owners: [team-operations]
)";

std::string Dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += f.ToString() + "\n";
  return out;
}

std::vector<Finding> Findings(const std::string& text, std::optional<Organisation>* out = nullptr) {
  FindingSink sink("mesh.yaml");
  std::optional<Organisation> org = ParseOrganisationText(text, "mesh.yaml", &sink);
  if (out) *out = std::move(org);
  return sink.Take();
}

void ExpectOnly(const std::string& text, const std::string& rule, int line, int column,
                const std::string& message_part = "") {
  std::vector<Finding> findings = Findings(text);
  ASSERT_EQ(findings.size(), 1u) << Dump(findings);
  EXPECT_EQ(findings[0].rule, rule) << findings[0].ToString();
  EXPECT_EQ(findings[0].line, line) << findings[0].ToString();
  EXPECT_EQ(findings[0].column, column) << findings[0].ToString();
  EXPECT_NE(findings[0].message.find(message_part), std::string::npos) << findings[0].ToString();
}

TEST(OrganisationParser, ParsesTheSpecExample) {
  std::optional<Organisation> org;
  std::vector<Finding> findings = Findings(kMesh, &org);
  ASSERT_TRUE(findings.empty()) << Dump(findings);
  EXPECT_EQ(org->name, "prophecy-hall");
  ASSERT_EQ(org->teams.size(), 3u);
  EXPECT_EQ(org->teams[1].webhook_url, "https://hooks.example.org/analytics");
  EXPECT_TRUE(org->HasPerson("carol"));
  EXPECT_FALSE(org->HasPerson("erin"));
  EXPECT_TRUE(org->IsMember("bob", "team-operations"));
  EXPECT_TRUE(org->OwnsDomain("team-operations", "operations"));
  EXPECT_FALSE(org->OwnsDomain("analytics", "operations"));
  EXPECT_TRUE(org->HasRole("dave", "governance"));
  EXPECT_FALSE(org->HasRole("alice", "governance"));
  EXPECT_EQ(org->TeamsOf("alice"), std::vector<std::string>{"team-operations"});
  EXPECT_EQ(org->teams[0].value_marks.at("members[1]").line, 4);
  EXPECT_EQ(org->domains[0].value_marks.at("owners[0]").column, 14);
}

TEST(OrganisationParser, Problems) {
  std::string mesh = kMesh;
  ExpectOnly(mesh + "  - id: operations\n    owners: [analytics]\n", "org.duplicate_id", 15, 9,
             "line 12");
  ExpectOnly(mesh + "  - id: finance\n    owners: [team-finance]\n", "org.unknown_team", 16, 14,
             "team-finance");
  ExpectOnly(mesh + "  - id: finance\n    owners: [analytic]\n", "org.unknown_team", 16, 14,
             "did you mean 'analytics'?");
  ExpectOnly(mesh + "  - id: finance\n", "org.missing_key", 15, 5, "owners");
  ExpectOnly(mesh + "colour: red\n", "org.unknown_key", 15, 1);
  ExpectOnly(mesh + "name: again\n", "org.duplicate_key", 15, 1);
  ExpectOnly("name: x\nteams:\n  - id: a\n    roles: [governor]\ndomains: []\n",
             "org.invalid_value", 4, 13, "admin or governance");
  ExpectOnly("name: x\nteams:\n  - id: a\n    webhook_url: ftp://x\ndomains: []\n",
             "org.invalid_value", 4, 18);
  ExpectOnly("name: x\nteams:\n  - id: a\n  - id: a\ndomains: []\n", "org.duplicate_id", 4, 9);
  ExpectOnly("name: x\nteams:\n  - members: [a]\ndomains: []\n", "org.missing_key", 3, 5, "'id'");
  ExpectOnly("name: x\nteams: {a: 1}\ndomains: []\n", "org.type", 2, 8, "a list");
  ExpectOnly("name: x\nteams: []\n", "org.missing_key", 1, 1, "domains");
  ExpectOnly("[1, 2]\n", "org.syntax", 1, 1);
  ExpectOnly("name: [x\n", "org.syntax", 2, 1);
}

TEST(OrganisationChecks, DescriptorAgainstRegistry) {
  FindingSink org_sink("mesh.yaml");
  Organisation org = *ParseOrganisationText(kMesh, "mesh.yaml", &org_sink);
  auto check = [&](const std::string& head) {
    FindingSink sink("p.yaml");
    std::optional<Descriptor> d = ParseDescriptorText(
        head +
            "schema_version: 1.0.0\noutput_format: csv\nschema: {fields: [{name: a, type: "
            "int32}]}\n",
        "p.yaml", &sink);
    EXPECT_FALSE(sink.HasErrors()) << Dump(sink.findings());
    CheckDescriptorAgainstOrganisation(*d, org, &sink);
    return sink.Take();
  };
  EXPECT_TRUE(check("name: x\ndomain: operations\nowner: team-operations\n").empty());
  auto f = check("name: x\ndomain: operation\nowner: team-operations\n");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].rule, "org.unknown_domain");
  EXPECT_EQ(f[0].line, 2);
  EXPECT_EQ(f[0].column, 9);
  EXPECT_NE(f[0].message.find("did you mean 'operations'?"), std::string::npos);
  f = check("name: x\ndomain: operations\nowner: analytics\n");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].rule, "org.not_owner");
  EXPECT_EQ(f[0].column, 8);
  f = check("name: x\ndomain: operations\nowner: team-ops\nconsumer_teams: [analytics, bi]\n");
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_EQ(f[0].rule, "org.unknown_team");
  EXPECT_EQ(f[1].rule, "org.unknown_team");
  EXPECT_EQ(f[1].line, 4);
  EXPECT_EQ(f[1].column, 29);
}

TEST(OrganisationChecks, UnknownPerson) {
  FindingSink org_sink("mesh.yaml");
  Organisation org = *ParseOrganisationText(kMesh, "mesh.yaml", &org_sink);
  FindingSink sink("cli");
  EXPECT_TRUE(CheckPerson(org, "alice", "--as", {}, &sink));
  EXPECT_FALSE(CheckPerson(org, "mallory", "--as", {}, &sink));
  ASSERT_EQ(sink.findings().size(), 1u);
  EXPECT_EQ(sink.findings()[0].rule, "org.unknown_person");
  EXPECT_NE(sink.findings()[0].message.find("mallory"), std::string::npos);
}

}  // namespace
}  // namespace mesh
