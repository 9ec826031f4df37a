// Prng: the sample-data generator's pseudo-random numbers: xoshiro256** seeded through
// splitmix64, implemented here so that the same seed gives the same sequence on every compiler,
// standard library and machine (std::mt19937 is portable but std::uniform_int_distribution is
// not). Never seeded from the environment. Not thread-safe (one generator per thread).
#pragma once

#include <cstdint>
#include <string_view>

namespace mesh::demo {

// One step of splitmix64: a good 64-bit mixer, also used to derive independent seeds.
constexpr uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// FNV-1a of a name, to derive a per-product (or per-column) seed from the run's seed.
constexpr uint64_t HashName(std::string_view name) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// A seed for the stream `name` within the run seeded by `seed`.
constexpr uint64_t DeriveSeed(uint64_t seed, std::string_view name) {
  uint64_t state = seed ^ HashName(name);
  return SplitMix64(&state);
}

class Prng {
 public:
  explicit Prng(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& word : state_) word = SplitMix64(&state);
  }

  uint64_t Next() {
    const uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = RotateLeft(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound); bound > 0. Unbiased (rejection of the short last interval).
  uint64_t Below(uint64_t bound) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t value;
    do {
      value = Next();
    } while (value >= limit);
    return value % bound;
  }

  // Uniform in [low, high], inclusive; low <= high.
  int64_t Between(int64_t low, int64_t high) {
    const uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
    const uint64_t offset = span == UINT64_MAX ? Next() : Below(span + 1);
    return static_cast<int64_t>(static_cast<uint64_t>(low) + offset);
  }

  // Uniform in [0, 1) with 53 random bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // true with probability p.
  bool Chance(double p) { return Unit() < p; }

 private:
  static constexpr uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

}  // namespace mesh::demo
