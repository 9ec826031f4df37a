// ReadVersion: streams one published snapshot of a product out of the lake (the `mesh read`
// verb and, later, the server's data route). The catalog names the snapshot (data-product.md
// "Versions": NAME, NAME@VERSION, NAME#SNAPSHOT); its stored object is read in its stored
// format and written to a sink in the requested format (CSV, JSONL or Parquet; default: the
// stored one), leaving out the fields the caller names: access enforcement computes those
// (governance.md "Identity and access") and this function never decides them. Retired
// snapshots are not readable, nor a superseded major after its `readable_until`.
// Thread-safe when the catalog and the lake are; the sink is the caller's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "base/time.h"
#include "catalog/catalog.h"
#include "format/reader.h"
#include "lake/object_store.h"
#include "model/descriptor.h"

namespace mesh {

struct ReadRequest {
  std::string product;
  VersionSelector selector;
  std::optional<format::DataFormat> format;  // nullopt: the stored format
  // Fields to leave out (names of the snapshot's schema; names it does not have are ignored,
  // there is nothing to withhold). Leaving out every field is FailedPrecondition.
  std::vector<std::string> excluded_fields;
  // Who reads: recorded in an audit entry ("read") after a successful read; empty: no entry.
  std::string person;
  Timestamp now;  // judges readable_until
  int threads = 2;
};

struct ReadResult {
  VersionRecord version;
  format::DataFormat format = format::DataFormat::kCsv;
  std::vector<std::string> columns;   // delivered, in schema order
  std::vector<std::string> withheld;  // left out, in schema order
  int64_t rows = 0;
  uint64_t bytes = 0;  // written to the sink
};

// The snapshot `selector` names, when it may be read at `now`: NotFound for an unknown product
// or version, FailedPrecondition (saying what to read instead) for a retired snapshot or one
// whose deprecation period has ended.
Result<VersionRecord> ResolveReadableVersion(Catalog& catalog, std::string_view product,
                                             const VersionSelector& selector, Timestamp now);

// The snapshot's descriptor as published; Corruption when it cannot be parsed.
Result<Descriptor> StoredDescriptor(const VersionRecord& version);

// Writes the snapshot's rows to `sink` (Append only: syncing and closing are the caller's).
// On error the sink may hold part of the data; the caller discards it.
Result<ReadResult> ReadVersion(Catalog& catalog, ObjectStore& lake, const ReadRequest& request,
                               WritableFile* sink);

}  // namespace mesh
