// Shared by the .cc files of PostgresCatalog (postgres_catalog.cc: the core calls;
// postgres_catalog_sla.cc: service levels and the read meter); not for other users.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/postgres_connection.h"

namespace mesh {

// Named statements of the service level and read meter calls, prepared on each connection with
// the core ones.
const std::map<std::string, std::string>& PostgresServiceLevelStatements();

// Named statements of the access calls (postgres_catalog_access.cc).
const std::map<std::string, std::string>& PostgresAccessStatements();

// Appends `entry` to the audit log inside `transaction` and returns its sequence: 1, 2, 3, ...
// in commit order, under an advisory lock held until the transaction ends, chained to the entry
// before it (audit_chain.h).
int64_t PostgresInsertAudit(pqxx::transaction_base& transaction, const AuditEntry& entry);

// Inserts one notification per draft about `subject` ("incident", "report" or "version")
// `subject_id` of `product`, and a pending webhook delivery for each draft with a URL, inside
// `transaction` (its statements are PostgresServiceLevelStatements()).
void PostgresInsertNotifications(pqxx::transaction_base& transaction, std::string_view subject,
                                 int64_t subject_id, std::string_view product,
                                 const std::vector<NotificationDraft>& drafts, Timestamp at);

}  // namespace mesh
