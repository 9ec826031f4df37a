// SqliteCatalog's read meter (catalog/usage_records.h), kept apart from the core catalog calls.
#include "catalog/sqlite_catalog.h"

namespace mesh {
namespace {

Status ValidateRead(const ReadUsageRecord& read) {
  if (read.product.empty()) return Status::InvalidArgument("read usage: product is empty");
  if (read.person.empty()) {
    return Status::InvalidArgument("read usage of " + read.product + ": person is empty");
  }
  if (read.snapshot < 1) {
    return Status::InvalidArgument("read usage of " + read.product + ": snapshot " +
                                   std::to_string(read.snapshot) + " is below 1");
  }
  if (read.bytes < 0) {
    return Status::InvalidArgument("read usage of " + read.product + ": negative bytes " +
                                   std::to_string(read.bytes));
  }
  return Status::OK();
}

ReadUsageRecord ReadUsageRow(const SqliteStatement& row) {
  ReadUsageRecord read;
  read.id = row.Int(0);
  read.product = row.Text(1);
  read.snapshot = row.Int(2);
  read.person = row.Text(3);
  read.team = row.Text(4);
  read.bytes = row.Int(5);
  read.at = Timestamp{row.Int(6)};
  return read;
}

}  // namespace

Result<int64_t> SqliteCatalog::RecordRead(const ReadUsageRecord& read) {
  RETURN_NOT_OK(ValidateRead(read));
  std::lock_guard<std::mutex> lock(mu_);
  const std::string operation = "record a read of " + read.product;
  ASSIGN_OR_RAISE(
      auto transaction,
      SqliteTransaction::Begin(connection_.get(), SqliteTransaction::Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto insert,
                  connection_->Prepare("INSERT INTO read_usage (product, snapshot, person, team, "
                                       "bytes, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                       operation));
  RETURN_NOT_OK(insert.Bind(1, read.product)
                    .Bind(2, read.snapshot)
                    .Bind(3, read.person)
                    .Bind(4, read.team)
                    .Bind(5, read.bytes)
                    .Bind(6, read.at.micros)
                    .Run());
  int64_t id = connection_->LastInsertRowId();
  RETURN_NOT_OK(transaction.Commit());
  return id;
}

Result<std::vector<ReadUsageRecord>> SqliteCatalog::ListReads(const ReadUsageQuery& request) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare("SELECT id, product, snapshot, person, team, bytes, at "
                                       "FROM read_usage WHERE (?1 IS NULL OR at >= ?1) AND "
                                       "(?2 IS NULL OR at < ?2) AND (?3 IS NULL OR product = ?3) "
                                       "ORDER BY at, id",
                                       "list read usage"));
  auto micros = [](const std::optional<Timestamp>& t) {
    return t ? std::optional<int64_t>(t->micros) : std::nullopt;
  };
  query.Bind(1, micros(request.from)).Bind(2, micros(request.to)).Bind(3, request.product);
  std::vector<ReadUsageRecord> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadUsageRow(query));
  }
  return out;
}

}  // namespace mesh
