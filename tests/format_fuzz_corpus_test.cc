// Runs the CSV and JSONL fuzz seed corpora (tests/fuzz/corpus) through the same checks as the
// fuzz targets, so every ordinary test run covers them without libFuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_format_common.h"

namespace mesh::format {
namespace {

void RunCorpus(const std::string& name, DataFormat format) {
  const std::filesystem::path dir =
      std::filesystem::path(MESH_SOURCE_DIR) / "tests/fuzz/corpus" / name;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string data = bytes.str();
    SCOPED_TRACE(entry.path().string());
    fuzz::ReadEverything(format, reinterpret_cast<const uint8_t*>(data.data()), data.size());
    ++files;
  }
  EXPECT_GT(files, 3);
}

TEST(FormatFuzzCorpusTest, CsvSeedsReadWithoutBreakingInvariants) {
  RunCorpus("csv_fuzz", DataFormat::kCsv);
}

TEST(FormatFuzzCorpusTest, JsonlSeedsReadWithoutBreakingInvariants) {
  RunCorpus("jsonl_fuzz", DataFormat::kJsonl);
}

}  // namespace
}  // namespace mesh::format
