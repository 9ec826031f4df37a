// Column projection: the part of a schema a reader is asked to return (ReadOptions::columns),
// and a BatchReader adapter that drops the other columns of a reader that must parse them all
// (CSV, JSONL). Thread-compatible values; the adapter has the wrapped reader's thread-safety.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "format/reader.h"
#include "model/descriptor.h"

namespace mesh::format {

struct Projection {
  Schema schema;             // the kept fields, in the original schema's order
  std::vector<int> indexes;  // for each kept field, its index in the original schema
};

// Every field when `columns` is empty. InvalidArgument naming `path`, the unknown column and
// the schema's fields when a name is not a field; a name given twice counts once.
Result<Projection> ProjectSchema(const Schema& schema, const std::vector<std::string>& columns,
                                 const std::string& path);

// Serves the projected columns of `full` (which reads every field of the original schema).
// Type errors of dropped columns are dropped; the others are renumbered to the projection.
std::unique_ptr<BatchReader> ProjectBatchReader(std::unique_ptr<BatchReader> full,
                                                Projection projection);

}  // namespace mesh::format
