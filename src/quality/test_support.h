// Helpers for the quality engine's unit tests: descriptors from YAML text, batches built in
// code, and a BatchReader over batches held in memory. Test-only; thread-compatible.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "format/reader.h"
#include "model/descriptor_parser.h"
#include "quality/check_plan.h"
#include "quality/engine.h"

namespace mesh::quality::testing {

// A descriptor with the mandatory keys and `body` (schema:, quality:, sla:, event_time: ...).
inline Descriptor ParseTestDescriptor(const std::string& body) {
  const std::string text =
      "name: test_product\ndomain: operations\nowner: team-operations\n"
      "schema_version: v1.0.0\noutput_format: parquet\n" +
      body;
  FindingSink sink("test.yaml");
  std::optional<Descriptor> descriptor = ParseDescriptorText(text, "test.yaml", &sink);
  for (const Finding& finding : sink.findings()) ADD_FAILURE() << finding.ToString();
  if (!descriptor) return Descriptor();
  return *descriptor;
}

// A BatchReader over batches in memory (numbered from row 1 in order, whatever first_row says).
class VectorBatchReader final : public format::BatchReader {
 public:
  explicit VectorBatchReader(std::vector<format::Batch> batches) : batches_(std::move(batches)) {
    int64_t row = 1;
    for (format::Batch& batch : batches_) {
      batch.first_row = row;
      row += static_cast<int64_t>(batch.num_rows);
    }
  }
  Result<bool> Next(format::Batch* batch) override {
    if (next_ == batches_.size()) {
      *batch = format::Batch();
      return false;
    }
    *batch = batches_[next_++];
    return true;
  }
  uint64_t bytes_read() const override { return next_; }
  uint64_t bytes_total() const override { return batches_.size(); }

 private:
  std::vector<format::Batch> batches_;
  size_t next_ = 0;
};

// Builds a batch column by column: cells are given as text, "" or "null" is null and "!x" is a
// type error with raw text x (null in the column). Text is converted to the column's type.
class BatchBuilder {
 public:
  explicit BatchBuilder(const Descriptor& descriptor) {
    for (const Field& field : descriptor.schema.fields) batch_.columns.emplace_back(field.type);
  }
  // One row: one cell per field.
  BatchBuilder& Row(const std::vector<std::string>& cells);
  format::Batch Build() { return std::move(batch_); }

 private:
  void AppendCell(format::Column* column, const std::string& cell);
  format::Batch batch_;
};

// Runs every check of `descriptor` over `batches` with a fixed clock.
Result<QualityReport> RunOn(const Descriptor& descriptor, std::vector<format::Batch> batches,
                            int threads = 1, Timestamp now = Timestamp{0},
                            const PlanOptions& options = {});

// The report as JSON without the parts that vary from run to run (times, thread count).
std::string StableJson(const QualityReport& report);

}  // namespace mesh::quality::testing
