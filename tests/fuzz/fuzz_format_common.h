// Shared by the CSV and JSONL fuzz targets: feeds arbitrary bytes through an in-memory file to a
// reader with a schema of every type, small batches, tiny reads and both thread counts, and
// checks the invariants every reader promises (columns as long as the batch, type errors inside
// the batch and schema, rows numbered in order). Any crash, sanitizer report or broken
// invariant is a finding.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/memory_filesystem.h"
#include "format/reader.h"

namespace mesh::format::fuzz {

inline Schema AllTypesSchema() {
  const char* names[] = {"flag",   "small", "big", "ratio", "fuel",
                         "budget", "name",  "day", "at",    "blob"};
  const TypeId types[] = {TypeId::kBoolean,   TypeId::kInt32,   TypeId::kInt64,  TypeId::kFloat,
                          TypeId::kDouble,    TypeId::kDecimal, TypeId::kString, TypeId::kDate,
                          TypeId::kTimestamp, TypeId::kBinary};
  Schema schema;
  for (int i = 0; i < 10; ++i) {
    Field field;
    field.name = names[i];
    field.type.id = types[i];
    if (types[i] == TypeId::kDecimal) {
      field.type.precision = 12;
      field.type.scale = 2;
    }
    schema.fields.push_back(field);
  }
  return schema;
}

inline void Check(bool condition) {
  if (!condition) std::abort();
}

inline void ReadEverything(DataFormat format, const uint8_t* data, size_t size) {
  static const Schema schema = AllTypesSchema();
  auto fs = std::make_shared<MemoryFileSystem>();
  Check(fs->WriteFileAtomically("input", std::string(reinterpret_cast<const char*>(data), size))
            .ok());
  for (int threads : {1, 2}) {
    ReadOptions options;
    options.threads = threads;
    options.batch_rows = 3;
    options.read_block_bytes = 1 + size % 17;
    options.max_row_bytes = 4096;
    auto reader = OpenBatchReader(fs, "input", format, schema, options);
    if (!reader.ok()) continue;
    Batch batch;
    int64_t next_row = 1;
    while (true) {
      auto more = (*reader)->Next(&batch);
      if (!more.ok() || !*more) break;
      Check(batch.first_row == next_row);
      Check(batch.num_rows <= options.batch_rows);
      Check(batch.columns.size() == schema.fields.size());
      for (const Column& column : batch.columns) Check(column.size() == batch.num_rows);
      for (const TypeError& error : batch.type_errors) {
        Check(error.row >= batch.first_row &&
              error.row < batch.first_row + static_cast<int64_t>(batch.num_rows));
        Check(error.column >= 0 && error.column < static_cast<int>(schema.fields.size()));
        Check(error.raw.size() <= 203);
      }
      next_row += static_cast<int64_t>(batch.num_rows);
    }
    Check((*reader)->bytes_read() <= (*reader)->bytes_total());
  }
}

}  // namespace mesh::format::fuzz
