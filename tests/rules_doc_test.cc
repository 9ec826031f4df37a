// Every rule id reported in src/ has its section in the rules documentation (docs/rules.md, and
// docs/rules-*.md while a family's sections are kept in their own file). A rule id is found as
// a string literal "<family>.<id>" (known family prefixes) that is the first argument of a
// finding call (Error, Warn, Add) or the first member of a rule table entry ({"id", Severity::..}),
// in a non-test source; ids composed by MappingReader::Rule are listed below. A section is a
// Markdown heading naming the id ("## descriptor.syntax", "### `naming.field` (error)");
// "required.<key>" documents every "required.*" id.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <set>
#include <sstream>
#include <string>

#include "base/filesystem.h"

namespace mesh {
namespace {

const std::string kFamilies =
    "descriptor|org|naming|required|format|classification|sla|standards|lineage|consumers|"
    "waiver|policy|antipattern|version";

// Reported through MappingReader::Rule(<suffix>) for the descriptor and org families.
const char* const kComposedRuleIds[] = {"descriptor.duplicate_key", "descriptor.unknown_key",
                                        "descriptor.type",          "org.duplicate_key",
                                        "org.unknown_key",          "org.type"};

bool IsTestSource(const std::string& path) {
  return path.ends_with("_test.cc") || path.ends_with("_fuzz.cc") ||
         path.ends_with("_benchmark.cc");
}

void Collect(const std::string& text, const RE2& pattern, std::set<std::string>* ids) {
  re2::StringPiece input(text);
  std::string id;
  while (RE2::FindAndConsume(&input, pattern, &id)) ids->insert(id);
}

std::set<std::string> RuleIdsInSources(FileSystem& fs, const std::string& src) {
  const std::string id = "((?:" + kFamilies + R"()\.[a-z][a-z0-9_]*))";
  const RE2 finding_call(R"(\b(?:Error|Warn|Add)\(\s*")" + id + "\"");
  const RE2 table_entry(R"(\{\s*")" + id + R"(",\s*Severity::)");
  std::set<std::string> ids(std::begin(kComposedRuleIds), std::end(kComposedRuleIds));
  for (const char* suffix : {".cc", ".h"}) {
    Result<std::vector<std::string>> files = fs.ListFilesRecursive(src, suffix);
    EXPECT_TRUE(files.ok()) << files.status();
    if (!files.ok()) continue;
    for (const std::string& file : *files) {
      if (IsTestSource(file)) continue;
      Result<std::string> text = fs.ReadFile(file);
      EXPECT_TRUE(text.ok()) << text.status();
      if (!text.ok()) continue;
      Collect(*text, finding_call, &ids);
      Collect(*text, table_entry, &ids);
    }
  }
  return ids;
}

std::set<std::string> DocumentedRuleIds(FileSystem& fs, const std::string& docs) {
  const RE2 id(R"(([a-z_]+\.(?:[a-z0-9_]+|<key>)))");
  std::set<std::string> ids;
  std::vector<std::string> files{JoinPath(docs, "rules.md")};
  Result<std::vector<DirEntry>> entries = fs.ListDir(docs);
  EXPECT_TRUE(entries.ok()) << entries.status();
  for (const DirEntry& entry : entries.ValueOr({})) {
    if (entry.name.starts_with("rules-") && entry.name.ends_with(".md")) {
      files.push_back(JoinPath(docs, entry.name));
    }
  }
  for (const std::string& file : files) {
    Result<std::string> text = fs.ReadFile(file);
    EXPECT_TRUE(text.ok()) << text.status();
    std::istringstream lines(text.ValueOr(""));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.starts_with("#")) Collect(line, id, &ids);
    }
  }
  return ids;
}

bool IsDocumented(const std::set<std::string>& documented, const std::string& id) {
  if (documented.count(id) > 0) return true;
  size_t dot = id.find('.');
  return documented.count(id.substr(0, dot) + ".<key>") > 0;
}

TEST(RulesDoc, EveryRuleIdInSourcesHasASection) {
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  const std::string root = MESH_SOURCE_DIR;
  std::set<std::string> documented = DocumentedRuleIds(*fs, JoinPath(root, "docs"));
  std::set<std::string> used = RuleIdsInSources(*fs, JoinPath(root, "src"));
  for (const char* expected :
       {"descriptor.syntax", "descriptor.check", "org.not_owner", "org.unknown_person"}) {
    EXPECT_EQ(used.count(expected), 1u) << "the scanner did not find " << expected;
  }
  for (const std::string& id : used) {
    EXPECT_TRUE(IsDocumented(documented, id))
        << "rule id '" << id << "' is reported in src/ but has no section in docs/rules.md: add "
        << "'## " << id << "' (what it checks, a failing example, the fix)";
  }
}

}  // namespace
}  // namespace mesh
