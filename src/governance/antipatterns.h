// The anti-pattern lint of governance.md ("Anti-patterns"): looks across the whole mesh for the
// shapes that make a mesh fail and reports each with the products involved, the evidence and the
// fix. docs/rules.md gives the exact criteria, chosen so that a mesh built with care gets no
// finding:
//   antipattern.raw_table        a product that is a table, not a product (at least two of: no
//                                description, no documentation_url, no sla, no checks beyond
//                                types); an error when consumed outside its domain, else a warning
//   antipattern.micro_products   three or more products of one domain sharing one primary key,
//                                each with at most two fields besides the key
//   antipattern.domain_isolation one concept spelled, typed or keyed differently across domains
// Thread-safe (no shared state; the reporter is the caller's).
#pragma once

#include <vector>

#include "governance/policy_set.h"
#include "model/descriptor.h"
#include "model/organisation.h"

namespace mesh::governance {

void CheckRawTables(const Organisation& org, const std::vector<const Descriptor*>& products,
                    RuleReporter* reporter);
void CheckMicroProducts(const std::vector<const Descriptor*>& products, RuleReporter* reporter);
void CheckDomainIsolation(const std::vector<const Descriptor*>& products, RuleReporter* reporter);

// Runs the three above.
void CheckAntiPatterns(const Organisation& org, const std::vector<const Descriptor*>& products,
                       RuleReporter* reporter);

// How a type encodes values, for comparing one concept across products: int32 and int64 are one
// family ("integer"), float and double another ("floating point"), every decimal one
// ("decimal"); other types are their own family.
std::string TypeFamily(const FieldType& type);

// True when the product checks more than types: a primary key, a field constraint (required,
// unique, allowed_values, min, max, pattern) or a quality check.
bool HasChecksBeyondTypes(const Descriptor& product);

}  // namespace mesh::governance
