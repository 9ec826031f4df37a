// SampleHint: how the sample-data generator should produce one field's values, read from the
// descriptor's optional `x-sample` mapping (field name -> hint; `x-` keys are kept and ignored by
// the descriptor format). Documented in examples/prophecy-hall/README.md:
//   string fields:    a template of literal text and placeholders, e.g. "BR-{seq:8}":
//                     {seq:N} {digits:N} {upper:N} {lower:N} {pick:a|b|c} {first_name}
//                     {last_name} {place} {ordinal} {word} {sentence}
//   integer fields:   "{seq}" numbers the rows
//   date fields:      "weekly on <weekday>" keeps only that weekday
//   timestamp fields: "hourly" keeps only whole hours
// A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "demo/prng.h"
#include "model/descriptor.h"

namespace mesh::demo {

// A string template; renders one value per call.
class SampleTemplate {
 public:
  // Parses `text`; the error message says which placeholder is wrong and lists the valid ones.
  static Result<SampleTemplate> Parse(std::string_view text);

  // The value for the row numbered `row` (0-based): {seq:N} becomes (first + row) padded to N
  // digits, every other placeholder draws from `prng`.
  std::string Render(Prng* prng, int64_t row) const;

  // Picks where {seq:N} starts counting (a pseudo-random, N-digit-safe offset from `seed`).
  void ChooseSequenceStart(uint64_t seed);

  // true when every rendered value is distinct per row ({seq:N} occurs).
  bool CountsRows() const;

 private:
  enum class PieceKind {
    kLiteral,
    kSequence,
    kDigits,
    kUpper,
    kLower,
    kPick,
    kFirstName,
    kLastName,
    kPlace,
    kOrdinal,
    kWord,
    kSentence
  };
  struct Piece {
    PieceKind kind = PieceKind::kLiteral;
    std::string literal;
    int width = 0;                     // seq, digits, upper, lower
    std::vector<std::string> choices;  // pick
  };
  static Result<Piece> ParsePlaceholder(std::string_view body);
  void RenderPiece(const Piece& piece, Prng* prng, int64_t row, std::string* out) const;

  std::vector<Piece> pieces_;
  int64_t sequence_start_ = 1;
};

struct SampleHint {
  enum class Kind { kTemplate, kRowNumber, kWeekly, kHourly };
  Kind kind = Kind::kTemplate;
  SampleTemplate value_template;  // kTemplate
  int weekday = 0;                // kWeekly: 0 = Monday .. 6 = Sunday
};

// Reads the descriptor's `x-sample` mapping, checking each hint against its field's type.
// An error names the file, line and column of the offending entry and what to write instead.
Result<std::map<std::string, SampleHint, std::less<>>> ReadSampleHints(const Descriptor& product);

}  // namespace mesh::demo
