#include "base/sha256.h"

#include <gtest/gtest.h>

namespace mesh {
namespace {

std::string HexOf(std::string_view data) {
  auto hex = Sha256Hex(data);
  EXPECT_TRUE(hex.ok()) << hex.status();
  return hex.ValueOr("");
}

TEST(Sha256Test, KnownVectors) {
  // FIPS 180-2 / NIST examples.
  EXPECT_EQ(HexOf(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(HexOf("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HexOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, MillionAsStreamedInChunksMatchesVector) {
  auto hasher = Sha256::Make();
  ASSERT_TRUE(hasher.ok());
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(hasher->Update(chunk).ok());
  auto hex = hasher->Finish();
  ASSERT_TRUE(hex.ok());
  EXPECT_EQ(*hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, StreamingEqualsOneShotForAnySplit) {
  std::string data;
  for (int i = 0; i < 300; ++i) data.push_back(static_cast<char>(i * 7));
  std::string whole = HexOf(data);
  for (size_t split : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, data.size()}) {
    auto hasher = Sha256::Make();
    ASSERT_TRUE(hasher.ok());
    ASSERT_TRUE(hasher->Update(std::string_view(data).substr(0, split)).ok());
    ASSERT_TRUE(hasher->Update(std::string_view(data).substr(split)).ok());
    EXPECT_EQ(hasher->Finish().ValueOr(""), whole) << "split at " << split;
  }
}

TEST(Sha256Test, UseAfterFinishFails) {
  auto hasher = Sha256::Make();
  ASSERT_TRUE(hasher.ok());
  ASSERT_TRUE(hasher->Finish().ok());
  EXPECT_EQ(hasher->Update("x").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(hasher->Finish().status().code(), StatusCode::kFailedPrecondition);
}

TEST(Sha256Test, IsSha256HexAcceptsOnlyLowercaseDigests) {
  EXPECT_TRUE(IsSha256Hex(HexOf("abc")));
  EXPECT_FALSE(IsSha256Hex("abc"));
  EXPECT_FALSE(IsSha256Hex(std::string(64, 'A')));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a') + "g"));
}

}  // namespace
}  // namespace mesh
