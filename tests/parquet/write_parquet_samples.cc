// mesh_write_parquet_samples <out_dir>: writes every Parquet sample (parquet_samples.h) as
// <out_dir>/<name>.parquet with Meshwork's writer, and next to it <name>.expected.jsonl: the
// canonical header and rows that a reader must get back. tests/duckdb/roundtrip.sh feeds the
// files to DuckDB and compares. Exit code 0 on success, 1 on a write error, 2 on usage errors.
#include <cstdio>
#include <string>

#include "base/filesystem.h"
#include "format/parquet/parquet_writer.h"
#include "parquet_samples.h"

namespace {

mesh::Status WriteSample(mesh::FileSystem& fs, const std::string& dir,
                         const mesh::testing::ParquetSample& sample) {
  using mesh::format::parquet::ParquetWriter;
  std::string path = mesh::JoinPath(dir, sample.name + ".parquet");
  ASSIGN_OR_RAISE(auto file, fs.OpenForWrite(path));
  ASSIGN_OR_RAISE(auto writer, ParquetWriter::Make(std::move(file), sample.schema, sample.options));
  std::string expected = mesh::testing::CanonicalHeader(sample.schema) + "\n";
  for (const auto& batch : sample.batches) {
    RETURN_NOT_OK(writer->WriteBatch(batch).WithContext(path));
    for (size_t row = 0; row < batch.num_rows; ++row) {
      expected += mesh::testing::CanonicalRow(batch, row) + "\n";
    }
  }
  RETURN_NOT_OK(writer->Close().WithContext(path));
  return fs.WriteFileAtomically(mesh::JoinPath(dir, sample.name + ".expected.jsonl"), expected);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <out_dir>\n", argv[0]);
    return 2;
  }
  auto fs = mesh::PosixFileSystem();
  std::string dir = argv[1];
  if (auto status = fs->CreateDirs(dir); !status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  for (const auto& sample : mesh::testing::BuildParquetSamples()) {
    if (auto status = WriteSample(*fs, dir, sample); !status.ok()) {
      std::fprintf(stderr, "%s: %s\n", sample.name.c_str(), status.ToString().c_str());
      return 1;
    }
    std::printf("%s\n", sample.name.c_str());
  }
  return 0;
}
