#include "governance/antipatterns.h"

namespace mesh::governance {

void CheckAntiPatterns(const Organisation& org, const std::vector<const Descriptor*>& products,
                       RuleReporter* reporter) {
  CheckRawTables(org, products, reporter);
  CheckMicroProducts(products, reporter);
  CheckDomainIsolation(products, reporter);
}

std::string TypeFamily(const FieldType& type) {
  switch (type.id) {
    case TypeId::kInt32:
    case TypeId::kInt64:
      return "integer";
    case TypeId::kFloat:
    case TypeId::kDouble:
      return "floating point";
    case TypeId::kDecimal:
      return "decimal";
    default:
      return type.ToString();
  }
}

}  // namespace mesh::governance
