// Fuzz target: differential check of SimplePattern against RE2. The input's first line is a
// pattern, each further line a value; whenever RE2 accepts the pattern and SimplePattern compiles
// it, both must give the same full-match verdict on every value (or SimplePattern must defer to
// RE2 with kUnknown, which it may only do for a value with a non-ASCII byte).
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "quality/simple_pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string_view pattern = input.substr(0, newline);
  RE2::Options options;
  options.set_log_errors(false);
  RE2 regex(pattern, options);
  if (!regex.ok()) return 0;
  std::optional<mesh::quality::SimplePattern> simple =
      mesh::quality::SimplePattern::Compile(pattern);
  if (!simple) return 0;
  std::string_view rest = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  while (true) {
    const size_t end = rest.find('\n');
    const std::string_view value = rest.substr(0, end);
    const mesh::quality::SimplePattern::Match match = simple->FullMatch(value);
    if (match == mesh::quality::SimplePattern::Match::kUnknown) {
      bool ascii = true;
      for (const char c : value) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      if (ascii) std::abort();
    } else if ((match == mesh::quality::SimplePattern::Match::kYes) !=
               RE2::FullMatch(value, regex)) {
      std::abort();
    }
    if (end == std::string_view::npos) break;
    rest = rest.substr(end + 1);
  }
  return 0;
}
