// Shared by the .cc files of SqliteCatalog (sqlite_catalog.cc: the core calls;
// sqlite_catalog_sla.cc: service levels); not for other users.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "catalog/sla_records.h"
#include "catalog/sqlite_connection.h"

namespace mesh {

// Inserts one notification per draft about `subject` ("incident", "report" or "version")
// `subject_id` of `product`, and a pending webhook delivery for each draft with a URL, inside
// the caller's transaction.
Status SqliteInsertNotifications(SqliteConnection* connection, std::string_view subject,
                                 int64_t subject_id, std::string_view product,
                                 const std::vector<NotificationDraft>& drafts, Timestamp at,
                                 std::string_view operation);

}  // namespace mesh
