// CsvRowScanner: finds where CSV rows end (line feeds outside quoted fields) without parsing
// the fields, 64 bytes at a time with SIMD compares and a prefix-xor of the quote mask, so that
// the reader can cut a file into chunks of exactly N rows at several GB/s and hand them to
// parallel parsers. It assumes RFC 4180 quoting (a quote only opens, closes or is doubled
// inside a quoted field); on input that breaks it the cut may be wrong, and the parser of the
// chunk holding the first broken quote reports it. Resumable: feed growing data and call again.
// Thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mesh::format {

class CsvRowScanner {
 public:
  // Forgets everything; the next byte starts a row outside quotes.
  void Reset();

  // Scans data[from, data.size()) until `target_rows` row ends have been seen since Reset().
  // Returns the offset just after that row end, or nullopt when the data ran out first (then
  // every byte was scanned; call again with more data and `from` = the old size).
  std::optional<size_t> Scan(std::string_view data, size_t from, int64_t target_rows);

  int64_t rows() const { return rows_; }                 // row ends seen
  int64_t newlines() const { return newlines_; }         // all line feeds seen, quoted or not
  size_t last_row_end() const { return last_row_end_; }  // offset after the last row end
  bool in_quote() const { return in_quote_; }

 private:
  std::optional<size_t> ScanTail(std::string_view data, size_t pos, int64_t target_rows);

  bool in_quote_ = false;
  int64_t rows_ = 0;
  int64_t newlines_ = 0;
  size_t last_row_end_ = 0;
};

}  // namespace mesh::format
