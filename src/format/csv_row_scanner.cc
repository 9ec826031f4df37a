#include "format/csv_row_scanner.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mesh::format {
namespace {

struct BlockMasks {
  uint64_t quotes = 0;
  uint64_t newlines = 0;
};

// Bit i of each mask is set when byte i of the 64-byte block is a quote / a line feed.
BlockMasks MasksOf(const char* block) {
  BlockMasks masks;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i newline = _mm_set1_epi8('\n');
  for (int lane = 0; lane < 4; ++lane) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * lane));
    const auto q = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, quote)));
    const auto n = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline)));
    masks.quotes |= static_cast<uint64_t>(q) << (16 * lane);
    masks.newlines |= static_cast<uint64_t>(n) << (16 * lane);
  }
#else
  for (int i = 0; i < 64; ++i) {
    masks.quotes |= static_cast<uint64_t>(block[i] == '"') << i;
    masks.newlines |= static_cast<uint64_t>(block[i] == '\n') << i;
  }
#endif
  return masks;
}

// Bit i of the result is the xor of bits 0..i: set inside a quoted run.
uint64_t PrefixXor(uint64_t bits) {
  bits ^= bits << 1;
  bits ^= bits << 2;
  bits ^= bits << 4;
  bits ^= bits << 8;
  bits ^= bits << 16;
  bits ^= bits << 32;
  return bits;
}

// Bits 0..bit set.
uint64_t MaskThrough(int bit) { return bit == 63 ? ~uint64_t{0} : (uint64_t{2} << bit) - 1; }

// Index of the n-th (1-based) set bit; precondition: popcount(bits) >= n.
int NthSetBit(uint64_t bits, int64_t n) {
  for (int64_t i = 1; i < n; ++i) bits &= bits - 1;
  return std::countr_zero(bits);
}

}  // namespace

void CsvRowScanner::Reset() { *this = CsvRowScanner(); }

std::optional<size_t> CsvRowScanner::Scan(std::string_view data, size_t from, int64_t target_rows) {
  size_t pos = from;
  while (pos + 64 <= data.size()) {
    const BlockMasks masks = MasksOf(data.data() + pos);
    const uint64_t inside = PrefixXor(masks.quotes) ^ (in_quote_ ? ~uint64_t{0} : 0);
    const uint64_t row_ends = masks.newlines & ~inside;
    const int64_t found = std::popcount(row_ends);
    if (rows_ + found >= target_rows && found > 0) {
      const int bit = NthSetBit(row_ends, target_rows - rows_);
      newlines_ += std::popcount(masks.newlines & MaskThrough(bit));
      rows_ = target_rows;
      in_quote_ = false;
      last_row_end_ = pos + static_cast<size_t>(bit) + 1;
      return last_row_end_;
    }
    if (row_ends != 0) last_row_end_ = pos + 64 - static_cast<size_t>(std::countl_zero(row_ends));
    rows_ += found;
    newlines_ += std::popcount(masks.newlines);
    in_quote_ = (inside >> 63) != 0;
    pos += 64;
  }
  return ScanTail(data, pos, target_rows);
}

std::optional<size_t> CsvRowScanner::ScanTail(std::string_view data, size_t pos,
                                              int64_t target_rows) {
  for (; pos < data.size(); ++pos) {
    const char c = data[pos];
    if (c == '"') {
      in_quote_ = !in_quote_;
    } else if (c == '\n') {
      ++newlines_;
      if (!in_quote_) {
        ++rows_;
        last_row_end_ = pos + 1;
        if (rows_ >= target_rows) return last_row_end_;
      }
    }
  }
  return std::nullopt;
}

}  // namespace mesh::format
