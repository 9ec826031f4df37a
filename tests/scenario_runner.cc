// scenario_runner: runs one declarative scenario file (tests/scenarios/**/*.yaml) against the
// real `mesh` binary, like DuckDB's sqllogictest runs .test files. A scenario names a workspace
// (a folder of the repository and/or inline files), one or more command lines, and what must
// come out: the exit code, the findings (exact set or a subset), text in stdout/stderr, files
// that must exist. The workspace is copied into a fresh temporary folder, so scenarios never
// change the repository and can run in parallel. Format: tests/scenarios/README.md.
//
// Usage: scenario_runner --mesh PATH/TO/mesh --repo REPO_ROOT SCENARIO.yaml
// Exit: 0 when every expectation holds, 1 when one fails (each failure is printed as expected vs
// got, and the temporary folder is kept), 2 when the scenario file itself is malformed.
#include <fcntl.h>
#include <re2/re2.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "yaml/loader.h"

namespace {

namespace fs = std::filesystem;
using mesh::yaml::Node;

// A malformed scenario file: reported with its place, exit 2.
struct ScenarioError {
  std::string message;
};

[[noreturn]] void Malformed(const Node& node, const std::string& message) {
  throw ScenarioError{"line " + std::to_string(node.mark.line) + ":" +
                      std::to_string(node.mark.column) + ": " + message};
}

std::string Text(const Node& node, const std::string& what) {
  if (!node.IsScalar()) Malformed(node, what + " must be a string");
  return node.scalar;
}

int Integer(const Node& node, const std::string& what) {
  std::optional<int64_t> value = node.AsInt();
  if (!value) Malformed(node, what + " must be an integer");
  return static_cast<int>(*value);
}

std::vector<std::string> TextList(const Node& node, const std::string& what) {
  if (!node.IsSequence()) Malformed(node, what + " must be a list of strings");
  std::vector<std::string> out;
  for (const auto& item : node.items) out.push_back(Text(*item, what + " item"));
  return out;
}

void CheckKeys(const Node& map, const std::vector<std::string>& known, const std::string& where) {
  if (!map.IsMap()) Malformed(map, where + " must be a mapping");
  for (const Node::Entry& entry : map.entries) {
    const std::string& key = entry.key->scalar;
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      Malformed(*entry.key, "unknown key '" + key + "' in " + where);
    }
  }
}

struct FindingPattern {
  std::string rule, file, severity, message_contains;
  std::optional<int> line, column;

  std::string ToString() const {
    std::string out = file + ":" + (line ? std::to_string(*line) : "*") + ":" +
                      (column ? std::to_string(*column) : "*") + ": " +
                      (severity.empty() ? "*" : severity) + " " + rule;
    if (!message_contains.empty()) out += " (message contains '" + message_contains + "')";
    return out;
  }
};

struct ActualFinding {
  std::string rule, file, severity, message;
  int line = 0, column = 0;
  std::string ToString() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + severity +
           " " + rule + ": " + message;
  }
};

bool Matches(const FindingPattern& p, const ActualFinding& a) {
  return p.rule == a.rule && p.file == a.file && (!p.line || *p.line == a.line) &&
         (!p.column || *p.column == a.column) && (p.severity.empty() || p.severity == a.severity) &&
         a.message.find(p.message_contains) != std::string::npos;
}

FindingPattern ReadPattern(const Node& node) {
  CheckKeys(node, {"rule", "file", "line", "column", "severity", "message"}, "a finding");
  FindingPattern p;
  const Node* rule = node.Get("rule");
  const Node* file = node.Get("file");
  if (!rule || !file) Malformed(node, "a finding needs at least rule and file");
  p.rule = Text(*rule, "rule");
  p.file = Text(*file, "file");
  if (const Node* n = node.Get("line")) p.line = Integer(*n, "line");
  if (const Node* n = node.Get("column")) p.column = Integer(*n, "column");
  if (const Node* n = node.Get("severity")) p.severity = Text(*n, "severity");
  if (const Node* n = node.Get("message")) p.message_contains = Text(*n, "message");
  return p;
}

std::vector<FindingPattern> ReadPatterns(const Node& node) {
  if (!node.IsSequence()) Malformed(node, "findings must be a list");
  std::vector<FindingPattern> out;
  for (const auto& item : node.items) out.push_back(ReadPattern(*item));
  return out;
}

struct Step {
  std::vector<std::string> argv;  // argv[0] is "mesh"
  std::string command_text;
  std::string cwd;  // relative to the workspace
  std::vector<std::pair<std::string, std::string>> env;
  int exit = 0;
  std::optional<std::vector<FindingPattern>> findings;  // exact
  std::vector<FindingPattern> findings_include;
  std::vector<std::string> stdout_contains, stderr_contains, stdout_not_contains;
  std::vector<std::string> files_exist;
};

// Splits a command line on spaces; single or double quotes group words.
std::vector<std::string> SplitCommand(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else {
        current += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(current);
      current.clear();
      in_word = false;
    } else {
      current += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(current);
  return words;
}

const std::vector<std::string> kStepKeys{"run",
                                         "cwd",
                                         "env",
                                         "exit",
                                         "findings",
                                         "findings_include",
                                         "stdout_contains",
                                         "stderr_contains",
                                         "stdout_not_contains",
                                         "files_exist"};

Step ReadStep(const Node& node, const std::vector<std::string>& extra_keys) {
  std::vector<std::string> known = kStepKeys;
  known.insert(known.end(), extra_keys.begin(), extra_keys.end());
  CheckKeys(node, known, "a step");
  Step step;
  const Node* run = node.Get("run");
  const Node* exit = node.Get("exit");
  if (!run || !exit) Malformed(node, "a step needs 'run' and 'exit'");
  step.command_text = Text(*run, "run");
  step.argv = SplitCommand(step.command_text);
  if (step.argv.empty() || step.argv[0] != "mesh") Malformed(*run, "run must start with 'mesh'");
  step.exit = Integer(*exit, "exit");
  if (const Node* n = node.Get("cwd")) step.cwd = Text(*n, "cwd");
  if (const Node* n = node.Get("env")) {
    if (!n->IsMap()) Malformed(*n, "env must be a mapping");
    for (const Node::Entry& e : n->entries) step.env.emplace_back(e.key->scalar, e.value->scalar);
  }
  if (const Node* n = node.Get("findings")) step.findings = ReadPatterns(*n);
  if (const Node* n = node.Get("findings_include")) step.findings_include = ReadPatterns(*n);
  if (const Node* n = node.Get("stdout_contains"))
    step.stdout_contains = TextList(*n, "stdout_contains");
  if (const Node* n = node.Get("stderr_contains"))
    step.stderr_contains = TextList(*n, "stderr_contains");
  if (const Node* n = node.Get("stdout_not_contains")) {
    step.stdout_not_contains = TextList(*n, "stdout_not_contains");
  }
  if (const Node* n = node.Get("files_exist")) step.files_exist = TextList(*n, "files_exist");
  return step;
}

struct Scenario {
  std::string workspace;  // repository folder to copy, may be empty
  std::vector<std::pair<std::string, std::optional<std::string>>> files;  // nullopt: delete
  std::vector<Step> steps;
};

Scenario ReadScenario(const Node& root) {
  const std::vector<std::string> scenario_keys{"description", "workspace", "files", "steps"};
  Scenario scenario;
  if (!root.IsMap()) Malformed(root, "a scenario must be a mapping");
  if (const Node* n = root.Get("workspace")) scenario.workspace = Text(*n, "workspace");
  if (const Node* n = root.Get("files")) {
    if (!n->IsMap()) Malformed(*n, "files must map paths to contents");
    for (const Node::Entry& e : n->entries) {
      if (e.value->IsNullScalar()) {
        scenario.files.emplace_back(e.key->scalar, std::nullopt);
      } else {
        scenario.files.emplace_back(e.key->scalar, Text(*e.value, "file contents"));
      }
    }
  }
  if (const Node* steps = root.Get("steps")) {
    CheckKeys(root, scenario_keys, "the scenario");
    if (!steps->IsSequence() || steps->items.empty()) Malformed(*steps, "steps must be a list");
    for (const auto& item : steps->items) scenario.steps.push_back(ReadStep(*item, {}));
  } else {
    scenario.steps.push_back(ReadStep(root, scenario_keys));
  }
  if (scenario.workspace.empty() && scenario.files.empty()) {
    Malformed(root, "a scenario needs a workspace folder or files (or both)");
  }
  return scenario;
}

struct Outcome {
  int exit = -1;
  std::string out, err;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Outcome Execute(const std::string& mesh, const Step& step, const fs::path& workspace,
                const fs::path& scratch) {
  fs::path out_path = scratch / "stdout", err_path = scratch / "stderr";
  std::vector<std::string> args = step.argv;
  args[0] = mesh;
  for (std::string& arg : args) {
    size_t at;
    while ((at = arg.find("{workspace}")) != std::string::npos) {
      arg.replace(at, 11, workspace.string());
    }
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    fs::path cwd = workspace / step.cwd;
    std::error_code ignored;
    fs::create_directories(cwd, ignored);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::unsetenv("MESH_NOW");
    for (const auto& [name, value] : step.env) ::setenv(name.c_str(), value.c_str(), 1);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0) ::_exit(127);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Outcome outcome;
  int status = 0;
  if (pid > 0 && ::waitpid(pid, &status, 0) == pid) {
    outcome.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  outcome.out = ReadAll(out_path);
  outcome.err = ReadAll(err_path);
  return outcome;
}

// Findings from --json output, else from "file:line:col: severity rule: message" lines.
std::vector<ActualFinding> ParseFindings(const std::string& out) {
  std::vector<ActualFinding> found;
  nlohmann::json json = nlohmann::json::parse(out, nullptr, false);
  if (!json.is_discarded() && json.is_object() && json.contains("findings")) {
    for (const auto& f : json["findings"]) {
      found.push_back({f.value("rule", ""), f.value("file", ""), f.value("severity", ""),
                       f.value("message", ""), f.value("line", 0), f.value("column", 0)});
    }
    return found;
  }
  static const RE2 kLine(R"((.+?):(\d+):(\d+): (error|warn) ([a-z_]+\.[a-z_.]+): (.*))");
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    ActualFinding f;
    if (RE2::FullMatch(line, kLine, &f.file, &f.line, &f.column, &f.severity, &f.rule,
                       &f.message)) {
      found.push_back(std::move(f));
    }
  }
  return found;
}

class Checker {
 public:
  explicit Checker(std::string step_name) : step_(std::move(step_name)) {}

  void Fail(const std::string& message) { failures_.push_back(step_ + ": " + message); }
  const std::vector<std::string>& failures() const { return failures_; }

  void CheckFindings(const Step& step, const std::vector<ActualFinding>& actual) {
    if (step.findings) MatchFindings(*step.findings, actual, /*exact=*/true);
    if (!step.findings_include.empty()) MatchFindings(step.findings_include, actual, false);
  }

 private:
  void MatchFindings(const std::vector<FindingPattern>& expected,
                     const std::vector<ActualFinding>& actual, bool exact) {
    std::vector<bool> used(actual.size(), false);
    std::vector<std::string> missing;
    for (const FindingPattern& p : expected) {
      bool found = false;
      for (size_t i = 0; i < actual.size() && !found; ++i) {
        if (!used[i] && Matches(p, actual[i])) used[i] = found = true;
      }
      if (!found) missing.push_back(p.ToString());
    }
    std::vector<std::string> unexpected;
    for (size_t i = 0; exact && i < actual.size(); ++i) {
      if (!used[i]) unexpected.push_back(actual[i].ToString());
    }
    if (missing.empty() && unexpected.empty()) return;
    std::string message = exact ? "findings differ" : "expected findings are missing";
    for (const std::string& m : missing) message += "\n    expected, not reported: " + m;
    for (const std::string& u : unexpected) message += "\n    reported, not expected: " + u;
    message += "\n    all reported findings:";
    for (const ActualFinding& a : actual) message += "\n      " + a.ToString();
    Fail(message);
  }

  std::string step_;
  std::vector<std::string> failures_;
};

std::string Excerpt(const std::string& text) {
  return text.size() > 4000 ? text.substr(0, 4000) + "\n[... truncated]" : text;
}

std::vector<std::string> RunStep(const std::string& mesh, const Step& step, size_t index,
                                 const fs::path& workspace, const fs::path& scratch) {
  Outcome outcome = Execute(mesh, step, workspace, scratch);
  Checker checker("step " + std::to_string(index + 1) + " (" + step.command_text + ")");
  if (outcome.exit != step.exit) {
    checker.Fail("expected exit " + std::to_string(step.exit) + ", got " +
                 std::to_string(outcome.exit));
  }
  checker.CheckFindings(step, ParseFindings(outcome.out));
  for (const std::string& s : step.stdout_contains) {
    if (outcome.out.find(s) == std::string::npos) checker.Fail("stdout lacks '" + s + "'");
  }
  for (const std::string& s : step.stdout_not_contains) {
    if (outcome.out.find(s) != std::string::npos) checker.Fail("stdout contains '" + s + "'");
  }
  for (const std::string& s : step.stderr_contains) {
    if (outcome.err.find(s) == std::string::npos) checker.Fail("stderr lacks '" + s + "'");
  }
  for (const std::string& f : step.files_exist) {
    if (!fs::exists(workspace / f)) checker.Fail("file " + f + " does not exist");
  }
  std::vector<std::string> failures = checker.failures();
  if (!failures.empty()) {
    failures.push_back("  stdout:\n" + Excerpt(outcome.out) + "\n  stderr:\n" +
                       Excerpt(outcome.err));
  }
  return failures;
}

void PrepareWorkspace(const Scenario& scenario, const fs::path& repo, const fs::path& workspace) {
  fs::create_directories(workspace);
  if (!scenario.workspace.empty()) {
    fs::copy(repo / scenario.workspace, workspace, fs::copy_options::recursive);
  }
  for (const auto& [path, contents] : scenario.files) {
    fs::path target = workspace / path;
    if (!contents) {
      fs::remove_all(target);
      continue;
    }
    fs::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << *contents;
  }
}

int Run(const std::string& mesh, const fs::path& repo, const fs::path& scenario_path) {
  mesh::Result<mesh::yaml::Document> document =
      mesh::yaml::LoadYamlFile(*mesh::PosixFileSystem(), scenario_path.string());
  if (!document.ok()) {
    std::cerr << document.status().message() << "\n";
    return 2;
  }
  Scenario scenario;
  try {
    scenario = ReadScenario(*document->root);
  } catch (const ScenarioError& e) {
    std::cerr << scenario_path.string() << ":" << e.message << "\n";
    return 2;
  }
  std::string pattern = (fs::temp_directory_path() / "mesh-scenario-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    std::cerr << "cannot create a temporary folder\n";
    return 2;
  }
  fs::path scratch = pattern, workspace = scratch / "ws";
  PrepareWorkspace(scenario, repo, workspace);
  std::vector<std::string> failures;
  for (size_t i = 0; i < scenario.steps.size() && failures.empty(); ++i) {
    failures = RunStep(mesh, scenario.steps[i], i, workspace, scratch);
  }
  if (failures.empty()) {
    fs::remove_all(scratch);
    std::cout << "PASS " << scenario_path.string() << "\n";
    return 0;
  }
  std::cout << "FAIL " << scenario_path.string() << "\n";
  for (const std::string& f : failures) std::cout << "  " << f << "\n";
  std::cout << "  (workspace kept at " << workspace.string() << ")\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mesh_binary, repo, scenario;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--mesh" && i + 1 < argc) {
      mesh_binary = argv[++i];
    } else if (arg == "--repo" && i + 1 < argc) {
      repo = argv[++i];
    } else {
      scenario = arg;
    }
  }
  if (mesh_binary.empty() || repo.empty() || scenario.empty()) {
    std::cerr << "usage: scenario_runner --mesh PATH --repo DIR SCENARIO.yaml\n";
    return 2;
  }
  try {
    return Run(fs::absolute(mesh_binary).string(), fs::absolute(repo), scenario);
  } catch (const std::exception& e) {
    std::cerr << scenario << ": " << e.what() << "\n";
    return 2;
  }
}
