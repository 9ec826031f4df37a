#include "quality/simple_pattern.h"

#include <bitset>
#include <cctype>
#include <limits>
#include <vector>

namespace mesh::quality {
namespace {

using ByteSet = std::bitset<128>;

constexpr int kUnbounded = std::numeric_limits<int>::max();
constexpr size_t kMaxElements = 63;  // bit 0 of the state is the start

struct Atom {
  ByteSet bytes;
  int min = 1;
  int max = 1;
};

ByteSet Range(char first, char last) {
  ByteSet set;
  for (int c = first; c <= last; ++c) set.set(static_cast<size_t>(c));
  return set;
}

ByteSet Chars(std::string_view chars) {
  ByteSet set;
  for (const char c : chars) set.set(static_cast<unsigned char>(c));
  return set;
}

// RE2's Perl classes, ASCII part: \s is [\t\n\f\r ], \d [0-9], \w [0-9A-Za-z_].
std::optional<ByteSet> PerlClass(char letter) {
  ByteSet set;
  switch (std::tolower(static_cast<unsigned char>(letter))) {
    case 's':
      set = Chars("\t\n\f\r ");
      break;
    case 'd':
      set = Range('0', '9');
      break;
    case 'w':
      set = Range('0', '9') | Range('A', 'Z') | Range('a', 'z') | Chars("_");
      break;
    default:
      return std::nullopt;
  }
  if (std::isupper(static_cast<unsigned char>(letter))) set.flip();
  return set;
}

// The character an escape stands for, outside or inside a class: punctuation for itself, the
// usual control escapes. nullopt: not a single character (\s, \b, \pL, \x41 ... or a letter).
std::optional<char> EscapedChar(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    default:
      break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x80 && std::ispunct(byte)) return c;
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(std::string_view pattern) : text_(pattern) {}

  std::optional<std::vector<Atom>> Atoms() {
    if (Peek('^')) ++at_;
    std::vector<Atom> atoms;
    while (at_ < text_.size()) {
      if (text_[at_] == '$' && at_ + 1 == text_.size()) {
        ++at_;
        break;
      }
      std::optional<ByteSet> bytes = Element();
      if (!bytes) return std::nullopt;
      Atom atom;
      atom.bytes = *bytes;
      if (!Quantifier(&atom)) return std::nullopt;
      atoms.push_back(atom);
    }
    return atoms;
  }

 private:
  bool Peek(char c) const { return at_ < text_.size() && text_[at_] == c; }

  std::optional<ByteSet> Element() {
    const char c = text_[at_++];
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    switch (c) {
      case '[':
        return Class();
      case '.':
        return ~Chars("\n");
      case '\\':
        return Escape();
      case '(':
      case ')':
      case '|':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case '^':
      case '$':
        return std::nullopt;
      default:
        return Chars(std::string_view(&c, 1));
    }
  }

  std::optional<ByteSet> Escape() {
    if (at_ >= text_.size()) return std::nullopt;
    const char c = text_[at_++];
    if (std::optional<ByteSet> perl = PerlClass(c)) return perl;
    std::optional<char> literal = EscapedChar(c);
    if (!literal) return std::nullopt;
    return Chars(std::string_view(&*literal, 1));
  }

  // After '[': items up to the closing ']'.
  std::optional<ByteSet> Class() {
    ByteSet set;
    const bool negated = Peek('^');
    if (negated) ++at_;
    bool first = true;
    while (true) {
      if (at_ >= text_.size()) return std::nullopt;
      char c = text_[at_++];
      if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
      if (c == ']' && !first) break;
      first = false;
      if (c == '[') return std::nullopt;  // [[:alpha:]] and the like
      if (c == '\\') {
        if (at_ >= text_.size()) return std::nullopt;
        const char escaped = text_[at_++];
        if (std::optional<ByteSet> perl = PerlClass(escaped)) {
          set |= *perl;
          continue;
        }
        std::optional<char> literal = EscapedChar(escaped);
        if (!literal) return std::nullopt;
        c = *literal;
      }
      // A range a-z, unless the '-' is the last item.
      if (at_ + 1 < text_.size() && text_[at_] == '-' && text_[at_ + 1] != ']') {
        char last = text_[at_ + 1];
        at_ += 2;
        if (last == '\\') {
          if (at_ >= text_.size()) return std::nullopt;
          std::optional<char> literal = EscapedChar(text_[at_++]);
          if (!literal) return std::nullopt;
          last = *literal;
        }
        if (static_cast<unsigned char>(last) >= 0x80 || last < c) return std::nullopt;
        set |= Range(c, last);
        continue;
      }
      set.set(static_cast<unsigned char>(c));
    }
    if (negated) set.flip();
    return set;
  }

  // An optional quantifier after an element: ? * + {n} {n,} {n,m}; a lazy or possessive form
  // ("+?", "++") is refused.
  bool Quantifier(Atom* atom) {
    if (at_ >= text_.size()) return true;
    const char c = text_[at_];
    if (c == '?' || c == '*' || c == '+') {
      ++at_;
      atom->min = c == '+' ? 1 : 0;
      atom->max = c == '?' ? 1 : kUnbounded;
    } else if (c == '{') {
      ++at_;
      std::optional<int> min = Number();
      if (!min) return false;
      atom->min = *min;
      atom->max = *min;
      if (Peek(',')) {
        ++at_;
        atom->max = kUnbounded;
        if (!Peek('}')) {
          std::optional<int> max = Number();
          if (!max || *max < *min) return false;
          atom->max = *max;
        }
      }
      if (!Peek('}')) return false;
      ++at_;
    } else {
      return true;
    }
    return !(Peek('?') || Peek('+') || Peek('*') || Peek('{'));
  }

  // A repeat count as RE2 reads one: digits without a leading zero ("0" itself is one); RE2
  // takes "a{01}" or "a{00,3}" literally, so such a pattern is refused here.
  std::optional<int> Number() {
    if (at_ + 1 < text_.size() && text_[at_] == '0' &&
        std::isdigit(static_cast<unsigned char>(text_[at_ + 1]))) {
      return std::nullopt;
    }
    int value = 0;
    size_t digits = 0;
    while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) {
      value = value * 10 + (text_[at_++] - '0');
      if (++digits > 3) return std::nullopt;
    }
    if (digits == 0) return std::nullopt;
    return value;
  }

  std::string_view text_;
  size_t at_ = 0;
};

}  // namespace

std::optional<SimplePattern> SimplePattern::Compile(std::string_view pattern) {
  std::optional<std::vector<Atom>> atoms = Parser(pattern).Atoms();
  if (!atoms) return std::nullopt;
  SimplePattern compiled;
  size_t elements = 0;
  // Each atom becomes positions: `min` required ones (the last repeating when unbounded), then
  // for x{n,m} m-n optional ones, for x* one optional repeating one.
  auto add = [&](const ByteSet& bytes, bool optional, bool repeat) {
    if (elements == kMaxElements) return false;
    const uint64_t bit = uint64_t{1} << (elements + 1);
    for (size_t c = 0; c < 128; ++c) {
      if (bytes.test(c)) compiled.accepts_[c] |= bit;
    }
    if (optional) compiled.optional_ |= bit;
    if (repeat) compiled.repeat_ |= bit;
    ++elements;
    return true;
  };
  for (const Atom& atom : *atoms) {
    const bool unbounded = atom.max == kUnbounded;
    for (int i = 0; i < atom.min; ++i) {
      if (!add(atom.bytes, false, unbounded && i + 1 == atom.min)) return std::nullopt;
    }
    if (unbounded && atom.min == 0 && !add(atom.bytes, true, true)) return std::nullopt;
    if (!unbounded) {
      for (int i = atom.min; i < atom.max; ++i) {
        if (!add(atom.bytes, true, false)) return std::nullopt;
      }
    }
  }
  compiled.final_ = uint64_t{1} << elements;
  return compiled;
}

}  // namespace mesh::quality
