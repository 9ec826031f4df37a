// libFuzzer target: arbitrary bytes as a JSONL file (see fuzz_format_common.h).
#include "fuzz_format_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mesh::format::fuzz::ReadEverything(mesh::format::DataFormat::kJsonl, data, size);
  return 0;
}
