// Every rule id used in src/ has its section in docs/rules.md: a rule id is a string literal of
// exactly of the form "<family>.<id>" with a known family prefix, found in a non-test source file; its
// section is a Markdown heading that names it ("## descriptor.syntax").
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <set>
#include <sstream>
#include <string>

#include "base/filesystem.h"

namespace mesh {
namespace {

const char* const kFamilies =
    "descriptor|org|naming|required|format|classification|sla|standards|lineage|consumers|"
    "waiver|policy|antipattern|version";

bool IsTestSource(const std::string& path) {
  return path.size() >= 8 && (path.ends_with("_test.cc") || path.ends_with("_fuzz.cc") ||
                              path.ends_with("_benchmark.cc"));
}

std::set<std::string> RuleIdsInSources(FileSystem& fs, const std::string& src) {
  const RE2 literal(std::string("\"((?:") + kFamilies + R"()\.[a-z][a-z0-9_]*)\")");
  std::set<std::string> ids;
  for (const char* suffix : {".cc", ".h"}) {
    Result<std::vector<std::string>> files = fs.ListFilesRecursive(src, suffix);
    EXPECT_TRUE(files.ok()) << files.status();
    if (!files.ok()) continue;
    for (const std::string& file : *files) {
      if (IsTestSource(file)) continue;
      Result<std::string> text = fs.ReadFile(file);
      EXPECT_TRUE(text.ok()) << text.status();
      if (!text.ok()) continue;
      std::istringstream lines(*text);
      std::string line, id;
      while (std::getline(lines, line)) {
        if (line.find_first_not_of(' ') != std::string::npos &&
            line.compare(line.find_first_not_of(' '), 2, "//") == 0) {
          continue;  // comments may mention paths such as "sla.timezone"
        }
        re2::StringPiece input(line);
        while (RE2::FindAndConsume(&input, literal, &id)) ids.insert(id);
      }
    }
  }
  return ids;
}

std::set<std::string> DocumentedRuleIds(const std::string& markdown) {
  const RE2 heading(R"(#+\s+`?([a-z_]+\.[a-z0-9_.]+)`?\s*)");
  std::set<std::string> ids;
  std::istringstream lines(markdown);
  std::string line, id;
  while (std::getline(lines, line)) {
    if (RE2::FullMatch(line, heading, &id)) ids.insert(id);
  }
  return ids;
}

TEST(RulesDoc, EveryRuleIdInSourcesHasASection) {
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  const std::string root = MESH_SOURCE_DIR;
  Result<std::string> doc = fs->ReadFile(JoinPath(root, "docs/rules.md"));
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::set<std::string> documented = DocumentedRuleIds(*doc);
  std::set<std::string> used = RuleIdsInSources(*fs, JoinPath(root, "src"));
  ASSERT_FALSE(used.empty());
  for (const char* expected : {"descriptor.syntax", "descriptor.check", "org.not_owner"}) {
    EXPECT_EQ(used.count(expected), 1u) << "scanner did not find " << expected;
  }
  for (const std::string& id : used) {
    EXPECT_EQ(documented.count(id), 1u)
        << "rule id '" << id << "' is used in src/ but has no '## " << id
        << "' section in docs/rules.md: add one (what it checks, a failing example, the fix)";
  }
}

}  // namespace
}  // namespace mesh
