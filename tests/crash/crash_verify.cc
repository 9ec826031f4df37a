// crash_verify CATALOG_DB LAKE_DIR PRODUCT: the checks after the crash test
// (tests/crash/crash_publish.sh) killed publishing processes with SIGKILL at random moments.
// It opens the lake (which sweeps the temporary files of the killed writers) and the catalog,
// and checks that
//   - the product's snapshots are 1..current, each once, exactly one of them `current` (the
//     newest) and the rest `superseded`: no version is half visible, no orphan became current;
//   - every snapshot's object is in the lake whole (ObjectStore::Verify re-hashes it) and reads
//     back with the version's row count (ReadVersion);
//   - there is exactly one "publish" audit entry per snapshot (committed in the same
//     transaction as the version row), and every quarantined attempt's data verifies;
//   - no temporary file is left in the lake.
// Prints one line of figures; exit 0 when all hold, 1 (naming each problem) otherwise, 2 when
// the stores cannot be opened.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "catalog/sqlite_catalog.h"
#include "lake/local_object_store.h"
#include "publish/version_reader.h"

namespace mesh {
namespace {

class CountingSink final : public WritableFile {
 public:
  Status Append(std::string_view data) override {
    bytes += data.size();
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }
  uint64_t bytes = 0;
};

struct Problems {
  std::vector<std::string> list;
  void Add(std::string problem) { list.push_back(std::move(problem)); }
};

void CheckVersions(Catalog& catalog, ObjectStore& lake, const std::string& product,
                   const std::vector<VersionRecord>& versions, int64_t current, Problems* out) {
  for (size_t i = 0; i < versions.size(); ++i) {
    const VersionRecord& version = versions[i];
    const int64_t expected = static_cast<int64_t>(versions.size() - i);  // newest first
    if (version.snapshot != expected) {
      out->Add(version.Ref() + ": expected snapshot " + std::to_string(expected));
    }
    const bool newest = version.snapshot == current;
    if (newest != (version.status == VersionStatus::kCurrent)) {
      out->Add(version.Ref() + " has status " + std::string(VersionStatusName(version.status)) +
               " but the product's current snapshot is " + std::to_string(current));
    }
    Status verified = lake.Verify(version.object_key);
    if (!verified.ok()) out->Add(version.Ref() + ": " + verified.ToString());
    ReadRequest read;
    read.product = product;
    read.selector.snapshot = version.snapshot;
    CountingSink sink;
    Result<ReadResult> result = ReadVersion(catalog, lake, read, &sink);
    if (!result.ok()) {
      out->Add(version.Ref() + " does not read back: " + result.status().ToString());
    } else if (result->rows != version.row_count) {
      out->Add(version.Ref() + " reads " + std::to_string(result->rows) + " rows, recorded " +
               std::to_string(version.row_count));
    }
  }
}

int Verify(const std::string& catalog_path, const std::string& lake_dir,
           const std::string& product) {
  auto fs = PosixFileSystem();
  const size_t temp_before =
      fs->ListFilesRecursive(JoinPath(lake_dir, "tmp"), "").ValueOr({}).size();
  auto lake = LocalObjectStore::Make(fs, lake_dir);  // sweeps the killed writers' temporaries
  auto catalog = SqliteCatalog::Open(catalog_path);
  if (!lake.ok() || !catalog.ok()) {
    std::cerr << "crash_verify: cannot open the stores: " << lake.status().ToString() << " "
              << catalog.status().ToString() << "\n";
    return 2;
  }
  Problems problems;
  const size_t temp_after =
      fs->ListFilesRecursive(JoinPath(lake_dir, "tmp"), "").ValueOr({}).size();
  if (temp_after != 0) problems.Add(std::to_string(temp_after) + " temporary files remain");
  auto record = (*catalog)->GetProduct(product);
  auto versions = (*catalog)->ListVersions(product);
  auto audit = (*catalog)->ListAudit({});
  auto quarantine = (*catalog)->ListQuarantine(product);
  if (!record.ok() || !versions.ok() || !audit.ok() || !quarantine.ok()) {
    std::cerr << "crash_verify: cannot read the catalog: " << record.status().ToString() << "\n";
    return 1;
  }
  CheckVersions(**catalog, **lake, product, *versions, record->current_snapshot, &problems);
  if (static_cast<int64_t>(versions->size()) != record->current_snapshot) {
    problems.Add("current snapshot " + std::to_string(record->current_snapshot) + " but " +
                 std::to_string(versions->size()) + " versions");
  }
  const auto publishes = std::count_if(audit->begin(), audit->end(), [](const AuditEntry& entry) {
    return entry.action == "publish" && entry.outcome == "ok";
  });
  if (publishes != static_cast<long>(versions->size())) {
    problems.Add(std::to_string(publishes) + " publish audit entries for " +
                 std::to_string(versions->size()) + " versions");
  }
  for (const QuarantineEntry& entry : *quarantine) {
    Status verified = (*lake)->Verify(entry.object_key);
    if (!verified.ok())
      problems.Add("quarantine #" + std::to_string(entry.id) + ": " + verified.ToString());
  }
  std::cout << "crash_verify: " << versions->size() << " versions (current #"
            << record->current_snapshot << ") verified and read back, " << quarantine->size()
            << " quarantined, " << temp_before << " temporary files left before the last sweep\n";
  for (const std::string& problem : problems.list) std::cout << "PROBLEM: " << problem << "\n";
  return problems.list.empty() ? 0 : 1;
}

}  // namespace
}  // namespace mesh

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: crash_verify CATALOG_DB LAKE_DIR PRODUCT\n";
    return 2;
  }
  return mesh::Verify(argv[1], argv[2], argv[3]);
}
