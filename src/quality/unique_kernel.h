// UniqueKernel: counts, in one pass, how often each key (one column's value, or a combination of
// columns) occurs, and derives at the end the failing rows of unique checks: every row whose key
// occurs more than once (k occurrences = k failing rows). Exact: keys are kept in full
// (key_table.h), never just their hashes.
// Outputs: 0 = nulls ignored (a field's `unique: true`: rows with a null in the key never fail);
//          1 = nulls count as values (the `unique` check and the primary key).
// Examples: the duplicated keys whose first occurrence comes first, with that row and the count.
// Integer-like single columns (ints, dates, timestamps, booleans, floats) use a table of 64-bit
// keys; strings, decimals and combinations a table of encoded key bytes.
#pragma once

#include <string>
#include <vector>

#include "model/field_type.h"
#include "quality/kernel.h"
#include "quality/key_table.h"

namespace mesh::quality {

struct UniqueState : KernelState {
  Int64KeyTable ints;
  BytesKeyTable bytes;
  int64_t nulls = 0;  // single column: rows whose value is null
  uint32_t first_null_row = UINT32_MAX;
  int64_t peak_bytes = 0;  // largest total of the tables seen at a merge
  std::string scratch;     // the key being encoded
};

class UniqueKernel final : public TypedKernel<UniqueState> {
 public:
  // `columns`: schema indexes; `types`: their types.
  UniqueKernel(std::vector<int> columns, std::vector<FieldType> types);

 protected:
  void ConsumeBatch(const format::Batch& batch, UniqueState* state) const override;
  void MergeStates(UniqueState* into, UniqueState* from) const override;
  std::vector<Measure> FinishState(UniqueState* state) const override;

 private:
  bool UsesIntTable() const;
  void ConsumeSingleInt(const format::Batch& batch, UniqueState* state) const;
  void ConsumeSingleBytes(const format::Batch& batch, UniqueState* state) const;
  void ConsumeCombination(const format::Batch& batch, UniqueState* state) const;
  void EncodeRow(const format::Batch& batch, size_t row, std::string* key) const;
  std::string DescribeIntKey(int64_t key) const;
  std::string DescribeBytesKey(std::string_view key) const;

  std::vector<int> columns_;
  std::vector<FieldType> types_;
};

}  // namespace mesh::quality
