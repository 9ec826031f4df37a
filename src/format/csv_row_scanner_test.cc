#include "format/csv_row_scanner.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace mesh::format {
namespace {

// Offsets just after every line feed outside quotes, byte by byte.
std::vector<size_t> ReferenceRowEnds(const std::string& text) {
  std::vector<size_t> ends;
  bool in_quote = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') in_quote = !in_quote;
    if (text[i] == '\n' && !in_quote) ends.push_back(i + 1);
  }
  return ends;
}

std::string RandomCsvLikeText(std::mt19937* rng, size_t size) {
  static constexpr char kAlphabet[] = {'a', 'b', ',', '"', '\n', '\r', 'x', 'y', 'z', '1'};
  std::uniform_int_distribution<int> pick(0, sizeof kAlphabet - 1);
  std::string text;
  for (size_t i = 0; i < size; ++i) text.push_back(kAlphabet[pick(*rng)]);
  return text;
}

TEST(CsvRowScannerTest, FindsRowEndsOutsideQuotes) {
  const std::string text = "a,b\n\"x\ny\",2\n\"q\"\"\n\",3\nlast";
  CsvRowScanner scanner;
  EXPECT_EQ(scanner.Scan(text, 0, 1), 4u);
  EXPECT_EQ(scanner.Scan(text, 4, 2), 12u);
  EXPECT_EQ(scanner.newlines(), 3);
  EXPECT_EQ(scanner.Scan(text, 12, 3), 21u);
  EXPECT_EQ(scanner.Scan(text, 21, 4), std::nullopt);
  EXPECT_EQ(scanner.rows(), 3);
  EXPECT_EQ(scanner.last_row_end(), 21u);
  EXPECT_EQ(scanner.newlines(), 5);
}

TEST(CsvRowScannerTest, MatchesByteByByteReferenceOnRandomText) {
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    const std::string text = RandomCsvLikeText(&rng, 1 + rng() % 700);
    const std::vector<size_t> expected = ReferenceRowEnds(text);
    // Cut every `target` rows, feeding the text in growing prefixes as a reader would.
    const int64_t target = 1 + static_cast<int64_t>(rng() % 5);
    const size_t step = 1 + rng() % 130;
    std::vector<size_t> found;
    size_t base = 0;
    CsvRowScanner scanner;
    size_t scanned = 0;
    for (size_t available = std::min(step, text.size()); base < text.size();) {
      const std::string_view window = std::string_view(text).substr(base, available - base);
      const std::optional<size_t> cut = scanner.Scan(window, scanned, target);
      if (cut) {
        base += *cut;
        found.push_back(base);
        scanner.Reset();
        scanned = 0;
        continue;
      }
      scanned = window.size();
      if (available == text.size()) break;
      available = std::min(available + step, text.size());
    }
    std::vector<size_t> expected_cuts;
    for (size_t i = static_cast<size_t>(target) - 1; i < expected.size();
         i += static_cast<size_t>(target)) {
      expected_cuts.push_back(expected[i]);
    }
    ASSERT_EQ(found, expected_cuts) << "round " << round;
  }
}

TEST(CsvRowScannerTest, CountsAllNewlinesUpToTheCut) {
  std::string text = "\"";
  text += std::string(100, '\n');
  text += "\"\nrest\n";
  CsvRowScanner scanner;
  EXPECT_EQ(scanner.Scan(text, 0, 1), 103u);
  EXPECT_EQ(scanner.newlines(), 101);
}

}  // namespace
}  // namespace mesh::format
