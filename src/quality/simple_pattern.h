// SimplePattern: full matching of the common shape of data-quality patterns, a sequence of
// characters and character classes each with a quantifier
// (`^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`,
// `^[^@\s]+@[^@\s]+$`, `^[A-Z]{2}-\d{4}$`), without RE2's per-call overhead: the pattern becomes a
// linear automaton of at most 63 positions simulated bit-parallel (one 64-bit state, a shift and
// two ANDs per byte; the "Shift-And" of Baeza-Yates and Gonnet with optional and repeated
// positions).
//
// It answers exactly as RE2::FullMatch (UTF-8, case-sensitive, `.` not matching \n) or not at
// all: Compile refuses every pattern outside the subset (groups, alternation, anchors other than a
// leading ^ and a trailing $, word boundaries, Unicode classes, flags, lazy quantifiers, non-ASCII
// pattern characters), and FullMatch answers kUnknown for a value with a non-ASCII byte (a class
// counts characters, not bytes, there). The caller asks RE2 in those cases.
// Immutable after Compile; safe for concurrent use.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mesh::quality {

class SimplePattern {
 public:
  enum class Match { kNo, kYes, kUnknown };

  // nullopt when the pattern is outside the subset (use RE2 for it).
  static std::optional<SimplePattern> Compile(std::string_view pattern);

  Match FullMatch(std::string_view value) const {
    uint64_t state = Closure(1);
    for (const char c : value) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80) return Match::kUnknown;
      state = Closure(((state << 1) | (state & repeat_)) & accepts_[byte]);
      if (state == 0) {
        // Dead: no match whatever follows, unless a later byte is non-ASCII (then RE2 decides).
        for (const char rest : value) {
          if (static_cast<unsigned char>(rest) >= 0x80) return Match::kUnknown;
        }
        return Match::kNo;
      }
    }
    return (state & final_) != 0 ? Match::kYes : Match::kNo;
  }

 private:
  SimplePattern() = default;

  // Adds the positions reachable by skipping optional elements.
  uint64_t Closure(uint64_t state) const {
    if (optional_ == 0) return state;
    while (true) {
      const uint64_t next = state | ((state << 1) & optional_);
      if (next == state) return state;
      state = next;
    }
  }

  // Bit 0 is the start; bit i+1 means "element i consumed the last byte".
  std::array<uint64_t, 128> accepts_{};  // per byte: the elements whose class holds it
  uint64_t repeat_ = 0;                  // elements that may consume again (x+, x*)
  uint64_t optional_ = 0;                // elements that may be skipped (x?, x*)
  uint64_t final_ = 0;                   // after the last element
};

}  // namespace mesh::quality
