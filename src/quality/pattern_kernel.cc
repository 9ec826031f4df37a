#include "quality/pattern_kernel.h"

namespace mesh::quality {

RE2::Options PatternKernel::Options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

Result<std::unique_ptr<PatternKernel>> PatternKernel::Make(int column, std::string pattern,
                                                           const std::string& where) {
  RE2 regex(pattern, Options());
  if (!regex.ok()) {
    return Status::InvalidArgument(where + ": pattern '" + pattern +
                                   "' is not a valid RE2 regular expression: " + regex.error());
  }
  std::unique_ptr<PatternKernel> kernel(new PatternKernel());
  kernel->column_ = column;
  kernel->simple_ = SimplePattern::Compile(pattern);
  kernel->pattern_ = std::move(pattern);
  return kernel;
}

std::unique_ptr<KernelState> PatternKernel::NewState() const {
  auto state = std::make_unique<PatternState>();
  state->regex = std::make_unique<RE2>(pattern_, Options());
  return state;
}

void PatternKernel::ConsumeBatch(const format::Batch& batch, PatternState* state) const {
  const format::Column& column = batch.columns[column_];
  const uint32_t* offsets = column.offsets().data();
  const char* bytes = column.bytes().data();
  const RE2& regex = *state->regex;
  const SimplePattern* simple = simple_ ? &*simple_ : nullptr;
  state->failing += CountFailingSparse(
      column, batch.num_rows,
      [&](size_t i) {
        const std::string_view value(bytes + offsets[i], offsets[i + 1] - offsets[i]);
        if (simple != nullptr) {
          const SimplePattern::Match match = simple->FullMatch(value);
          if (match != SimplePattern::Match::kUnknown) return match == SimplePattern::Match::kNo;
        }
        return !RE2::FullMatch(value, regex);
      },
      [&](size_t base, uint64_t bits) {
        AddExamples(batch, base, bits, &state->examples,
                    [&](size_t row) { return FormatCell(column, row); });
      });
}

}  // namespace mesh::quality
