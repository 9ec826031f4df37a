// libFuzzer target for the Parquet reader: the input bytes are a whole Parquet file, served
// through an in-memory RandomAccessFile. Opens it (footer, schema) and decodes every column
// chunk of every row group with the low-level ParquetFile (the layer that touches the bytes;
// the BatchReader only converts decoded values). Any crash, sanitizer report, hang or
// allocation beyond the (lowered) limits is a bug; errors are expected.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "format/parquet/parquet_file.h"

namespace {

using mesh::format::parquet::ColumnValues;
using mesh::format::parquet::ParquetFile;
using mesh::format::parquet::ParquetReadLimits;

class StringFile final : public mesh::RandomAccessFile {
 public:
  explicit StringFile(std::string data) : data_(std::move(data)) {}
  mesh::Result<uint64_t> Size() const override { return static_cast<uint64_t>(data_.size()); }
  mesh::Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
    if (offset > data_.size()) {
      out->clear();
      return mesh::Status::OK();
    }
    out->assign(data_, static_cast<size_t>(offset), length);
    return mesh::Status::OK();
  }

 private:
  std::string data_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ParquetReadLimits limits;
  limits.max_page_bytes = 16u << 20;
  limits.max_column_chunk_bytes = 64u << 20;
  limits.max_footer_bytes = 4u << 20;
  auto file = std::make_unique<StringFile>(std::string(reinterpret_cast<const char*>(data), size));
  mesh::Result<std::unique_ptr<ParquetFile>> opened =
      ParquetFile::Open(std::move(file), "fuzz.parquet", limits);
  if (!opened.ok()) return 0;
  const ParquetFile& parquet = **opened;
  ColumnValues values;
  for (int group = 0; group < parquet.num_row_groups() && group < 64; ++group) {
    for (size_t column = 0; column < parquet.columns().size() && column < 64; ++column) {
      const mesh::Status status =
          parquet.ReadColumnChunk(group, static_cast<int>(column), &values);
      if (status.ok() && values.num_rows > 0) {
        // Touch the first and last value so that a wrong size would be noticed by ASan.
        (void)values.IsValid(0);
        (void)values.IsValid(values.num_rows - 1);
      }
    }
  }
  return 0;
}
