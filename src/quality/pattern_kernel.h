// PatternKernel: counts non-null string values that do not fully match an RE2 pattern (UTF-8).
// The pattern is compiled once at planning (to report a bad pattern) and once per worker state,
// so threads never share RE2's internal caches. A pattern of SimplePattern's subset (most
// data-quality patterns) is also compiled to it, which answers ASCII values several times faster
// than RE2 and exactly as it would; RE2 answers the rest. Output 0: failing rows, examples with
// the value.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>

#include "base/result.h"
#include "quality/kernel.h"
#include "quality/simple_pattern.h"

namespace mesh::quality {

struct PatternState : CountState {
  std::unique_ptr<RE2> regex;
};

class PatternKernel final : public CountingKernel<PatternState> {
 public:
  // InvalidArgument naming `where` when the pattern does not compile.
  static Result<std::unique_ptr<PatternKernel>> Make(int column, std::string pattern,
                                                     const std::string& where);

  std::unique_ptr<KernelState> NewState() const override;
  const std::string& pattern() const { return pattern_; }

 protected:
  void ConsumeBatch(const format::Batch& batch, PatternState* state) const override;

 private:
  PatternKernel() = default;
  static RE2::Options Options();

  int column_ = 0;
  std::string pattern_;
  std::optional<SimplePattern> simple_;
};

}  // namespace mesh::quality
