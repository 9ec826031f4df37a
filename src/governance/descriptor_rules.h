// The governance rules that look at one descriptor at a time, under its domain's effective
// policy: naming.product, naming.field, naming.min_length, naming.max_length, required.<key>,
// format.not_allowed, classification.unknown_level, classification.field_below_product,
// classification.pii, sla.min_completeness, sla.max_lag_hours, sla.lag_without_event_time,
// standards.time_fields_typed. Thread-safe (no shared state; the reporter is the caller's).
#pragma once

#include <string_view>

#include "governance/policy.h"
#include "governance/policy_set.h"
#include "model/descriptor.h"

namespace mesh::governance {

void CheckDescriptor(const Descriptor& product, const EffectivePolicy& policy,
                     RuleReporter* reporter);

// True for a field name that standards.time_fields_typed treats as a time: it ends in _at, _time
// or _date (or the camelCase At/Time/Date), or is date, day or timestamp.
bool IsTimeFieldName(std::string_view name);

// The position of a field's `key` value, else of the key, else of the field's list item.
yaml::Mark FieldMark(const Field& field, std::string_view key);

// The position of the value of `path` in a descriptor ("sla.max_lag_hours"), else of its key,
// else of the document (1:1 when unknown).
yaml::Mark DescriptorMark(const Descriptor& product, std::string_view path);

}  // namespace mesh::governance
