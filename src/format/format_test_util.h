// Helpers for the format tests: schemas from "name:type" lists, files in a MemoryFileSystem, and
// reading a whole file into printable rows. Test-only; not part of mesh_lib.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/memory_filesystem.h"
#include "format/reader.h"
#include "format/value_formatter.h"
#include "format/value_parser.h"

namespace mesh::format::testing {

inline FieldType MakeType(TypeId id, int precision = 0, int scale = 0) {
  FieldType type;
  type.id = id;
  type.precision = precision;
  type.scale = scale;
  return type;
}

inline Field MakeField(std::string name, FieldType type) {
  Field field;
  field.name = std::move(name);
  field.type = type;
  return field;
}

inline Schema MakeSchema(std::vector<Field> fields) {
  Schema schema;
  schema.fields = std::move(fields);
  return schema;
}

inline std::shared_ptr<MemoryFileSystem> FileSystemWith(const std::string& path,
                                                        const std::string& contents) {
  auto fs = std::make_shared<MemoryFileSystem>();
  const Status created = fs->CreateDirs(DirName(path));
  EXPECT_TRUE(created.ok()) << created;
  const Status written = fs->WriteFileAtomically(path, contents);
  EXPECT_TRUE(written.ok()) << written;
  return fs;
}

// Everything a reader produced, as text: one string per value ("NULL" for null).
struct ReadResult {
  Status status;
  std::vector<std::vector<std::string>> rows;
  std::vector<TypeError> type_errors;
  std::vector<size_t> batch_sizes;
  std::vector<int64_t> batch_first_rows;
};

inline ReadResult ReadAll(std::shared_ptr<FileSystem> fs, const std::string& path,
                          DataFormat format, const Schema& schema,
                          const ReadOptions& options = {}) {
  ReadResult result;
  auto reader = OpenBatchReader(fs, path, format, schema, options);
  if (!reader.ok()) {
    result.status = reader.status();
    return result;
  }
  Batch batch;
  while (true) {
    auto more = (*reader)->Next(&batch);
    if (!more.ok()) {
      result.status = more.status();
      return result;
    }
    if (!*more) break;
    result.batch_sizes.push_back(batch.num_rows);
    result.batch_first_rows.push_back(batch.first_row);
    for (size_t row = 0; row < batch.num_rows; ++row) {
      std::vector<std::string> values;
      for (const Column& column : batch.columns) {
        EXPECT_EQ(column.size(), batch.num_rows);
        std::string text;
        if (!column.IsValid(row)) {
          text = "NULL";
        } else {
          EXPECT_EQ(AppendValueText(column, row, &text), FormatError::kNone);
        }
        values.push_back(text);
      }
      result.rows.push_back(std::move(values));
    }
    for (const TypeError& error : batch.type_errors) result.type_errors.push_back(error);
  }
  return result;
}

inline std::vector<std::vector<std::string>> Rows(
    std::initializer_list<std::vector<std::string>> rows) {
  return rows;
}

}  // namespace mesh::format::testing
