// libFuzzer target: arbitrary bytes as a CSV file (see fuzz_format_common.h).
#include "fuzz_format_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mesh::format::fuzz::ReadEverything(mesh::format::DataFormat::kCsv, data, size);
  return 0;
}
