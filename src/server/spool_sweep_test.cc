#include "server/spool_sweep.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

namespace mesh::server {
namespace {

namespace fs = std::filesystem;

class SpoolSweepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "mesh-spool-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A file of `bytes` bytes last written `age` ago.
  void Write(const std::string& name, size_t bytes, std::chrono::seconds age) {
    std::ofstream(dir_ / name) << std::string(bytes, 'x');
    fs::last_write_time(dir_ / name, now_ - age);
  }

  fs::path dir_;
  const fs::file_time_type now_ = fs::file_time_type::clock::now();
};

TEST_F(SpoolSweepTest, RemovesOnlyUploadsOlderThanTheFloor) {
  using std::chrono::hours;
  Write("upload-old", 100, hours(25));
  Write("upload-also-old", 20, hours(48));
  Write("upload-in-flight", 7, hours(1));
  Write("notes.txt", 3, hours(100));
  fs::create_directory(dir_ / "upload-folder");
  fs::last_write_time(dir_ / "upload-folder", now_ - hours(100));

  Result<SweepResult> swept = SweepStaleUploads(dir_.string(), now_, hours(24));
  ASSERT_TRUE(swept.ok()) << swept.status().ToString();
  EXPECT_EQ(swept->removed, 2);
  EXPECT_EQ(swept->bytes, 120u);
  EXPECT_FALSE(fs::exists(dir_ / "upload-old"));
  EXPECT_FALSE(fs::exists(dir_ / "upload-also-old"));
  EXPECT_TRUE(fs::exists(dir_ / "upload-in-flight"));
  EXPECT_TRUE(fs::exists(dir_ / "notes.txt"));
  EXPECT_TRUE(fs::exists(dir_ / "upload-folder"));
}

TEST_F(SpoolSweepTest, AFolderThatCannotBeListedIsAnIoErrorNamingIt) {
  Result<SweepResult> swept =
      SweepStaleUploads((dir_ / "missing").string(), now_, std::chrono::hours(24));
  ASSERT_FALSE(swept.ok());
  EXPECT_EQ(swept.status().code(), StatusCode::kIOError);
  EXPECT_NE(swept.status().message().find("missing"), std::string::npos);
}

}  // namespace
}  // namespace mesh::server
