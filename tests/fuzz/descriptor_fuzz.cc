// Fuzz target: arbitrary bytes through LoadYaml and ParseDescriptor. Besides crashes, leaks and
// undefined behaviour (sanitizers), it checks the parser's promises: every finding has a rule id
// of the descriptor family and a real position, and a descriptor without error findings has a
// name and at least one field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/descriptor_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  mesh::FindingSink sink("fuzz.yaml");
  std::optional<mesh::Descriptor> descriptor = mesh::ParseDescriptorText(text, "fuzz.yaml", &sink);
  for (const mesh::Finding& finding : sink.findings()) {
    if (finding.rule.rfind("descriptor.", 0) != 0 || finding.line < 1 || finding.column < 1 ||
        finding.message.empty()) {
      std::abort();
    }
  }
  if (!sink.HasErrors() &&
      (!descriptor || descriptor->name.empty() || descriptor->schema.fields.empty())) {
    std::abort();
  }
  return 0;
}
