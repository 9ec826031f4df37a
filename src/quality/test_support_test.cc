// Implementation of test_support.h (compiled into the test binary only).
#include "quality/test_support.h"

#include <nlohmann/json.hpp>

#include "quality/values.h"

namespace mesh::quality::testing {

void BatchBuilder::AppendCell(format::Column* column, const std::string& cell) {
  if (cell.empty() || cell == "null") return column->AppendNull();
  Literal literal;
  literal.kind = Literal::Kind::kNumber;
  literal.text = cell;
  switch (column->type().id) {
    case TypeId::kBoolean:
      return column->AppendBool(cell == "true");
    case TypeId::kInt32:
      return column->AppendInt32(static_cast<int32_t>(*LiteralToInt64(literal, Rounding::kExact)));
    case TypeId::kInt64:
      return column->AppendInt64(*LiteralToInt64(literal, Rounding::kExact));
    case TypeId::kFloat:
      return column->AppendFloat(static_cast<float>(*LiteralToDouble(literal)));
    case TypeId::kDouble:
      return column->AppendDouble(*LiteralToDouble(literal));
    case TypeId::kDecimal:
      return column->AppendDecimal(
          *ParseScaledDecimal(cell, column->type().scale, Rounding::kExact));
    case TypeId::kDate:
      return column->AppendInt32(*ParseDate(cell));
    case TypeId::kTimestamp:
      return column->AppendInt64(ParseTimestamp(cell)->micros);
    case TypeId::kString:
    case TypeId::kBinary:
      return column->AppendBytes(cell);
  }
}

BatchBuilder& BatchBuilder::Row(const std::vector<std::string>& cells) {
  EXPECT_EQ(cells.size(), batch_.columns.size());
  for (size_t i = 0; i < cells.size() && i < batch_.columns.size(); ++i) {
    if (!cells[i].empty() && cells[i][0] == '!') {
      batch_.columns[i].AppendNull();
      batch_.type_errors.push_back({batch_.first_row + static_cast<int64_t>(batch_.num_rows), 0,
                                    static_cast<int>(i), cells[i].substr(1), "unreadable"});
      continue;
    }
    AppendCell(&batch_.columns[i], cells[i]);
  }
  ++batch_.num_rows;
  return *this;
}

Result<QualityReport> RunOn(const Descriptor& descriptor, std::vector<format::Batch> batches,
                            int threads, Timestamp now, const PlanOptions& options) {
  // Type error rows are numbered from 1 within each batch by BatchBuilder; renumber them.
  int64_t first = 1;
  for (format::Batch& batch : batches) {
    for (format::TypeError& error : batch.type_errors) error.row += first - 1;
    first += static_cast<int64_t>(batch.num_rows);
  }
  ASSIGN_OR_RAISE(CheckPlan plan, CheckPlan::Make(descriptor, options));
  VectorBatchReader reader(std::move(batches));
  EngineOptions engine;
  engine.threads = threads;
  engine.now = now;
  return RunChecks(plan, &reader, engine);
}

std::string StableJson(const QualityReport& report) {
  nlohmann::ordered_json json = ReportToJson(report);
  json.erase("seconds");
  json.erase("threads");
  for (auto& [name, check] : json["checks"].items()) check.erase("seconds");
  return json.dump(2);
}

}  // namespace mesh::quality::testing
