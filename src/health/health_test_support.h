// Test support for the health tests: an organisation of four domains, each owned by its own
// team, plus a consumer team.
#pragma once

#include <string>

#include "model/organisation.h"

// Designated initializers name only the fields a test is about; the rest keep their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mesh::health {

inline Organisation FourDomainOrg() {
  Organisation organisation;
  organisation.teams = {
      {.id = "team-operations", .members = {"alice"}}, {.id = "team-sales", .members = {"sam"}},
      {.id = "team-finance", .members = {"fay"}},      {.id = "team-people", .members = {"pia"}},
      {.id = "analytics", .members = {"carol"}},       {.id = "ghosts", .members = {}}};
  organisation.domains = {{.id = "operations", .owners = {"team-operations"}},
                          {.id = "sales", .owners = {"team-sales"}},
                          {.id = "finance", .owners = {"team-finance"}},
                          {.id = "people", .owners = {"team-people"}}};
  return organisation;
}

// A descriptor with everything doctor looks for, in the shape the catalog stores.
inline std::string CompleteDescriptor(const std::string& name, const std::string& domain,
                                      const std::string& owner, double max_lag_hours = 4) {
  return "name: " + name + "\ndomain: " + domain + "\nowner: " + owner +
         "\ndescription: Figures of " + name +
         "\nschema_version: 1.0.0\noutput_format: parquet\n"
         "documentation_url: https://wiki.example.org/" +
         name + "\nsla:\n  availability: \"08:00 daily\"\n  max_lag_hours: " +
         std::to_string(max_lag_hours) +
         "\nevent_time: day\nschema:\n  fields:\n    - name: day\n      type: date\n";
}

}  // namespace mesh::health

#pragma GCC diagnostic pop
