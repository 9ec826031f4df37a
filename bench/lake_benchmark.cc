// Lake throughput: writes N objects of S bytes through ObjectStore::NewWriter (1 MiB appends, as
// a publish streams its output) and reads each back whole with ranged reads of 8 MiB, on the lake
// given by --lake (file:PATH or s3://BUCKET/PREFIX with the AWS_* variables). Prints one JSON
// line per repeat: {"lake", "objects", "bytes", "write_s", "read_s", "write_mib_s", "read_mib_s"}.
// Used by bench/run_lake.sh to compare a local folder with S3 (moto) in the same run.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "lake/open_object_store.h"

namespace {

constexpr size_t kAppend = 1 << 20;
constexpr size_t kRead = 8 << 20;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Fail(const mesh::Status& status) {
  std::fprintf(stderr, "lake_benchmark: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lake;
  int objects = 16, repeat = 3;
  uint64_t size = 4 << 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--lake") == 0) lake = argv[i + 1];
    if (std::strcmp(argv[i], "--objects") == 0) objects = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--size") == 0) size = std::strtoull(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::atoi(argv[i + 1]);
  }
  if (lake.empty()) {
    std::fprintf(stderr,
                 "usage: lake_benchmark --lake URI [--objects N] [--size BYTES] "
                 "[--repeat R]\n");
    return 2;
  }
  auto store = mesh::OpenObjectStore(lake, mesh::PosixFileSystem());
  if (!store.ok()) return Fail(store.status());
  std::mt19937_64 random(42);
  std::string data(size, '\0');
  for (int round = 0; round < repeat; ++round) {
    std::vector<std::string> keys;
    auto start = std::chrono::steady_clock::now();
    for (int n = 0; n < objects; ++n) {
      for (size_t at = 0; at + 8 <= data.size(); at += 4096) {  // distinct content per object
        uint64_t word = random();
        std::memcpy(&data[at], &word, 8);
      }
      auto writer = (*store)->NewWriter();
      if (!writer.ok()) return Fail(writer.status());
      for (size_t at = 0; at < data.size(); at += kAppend) {
        mesh::Status appended = (*writer)->Append(std::string_view(data).substr(at, kAppend));
        if (!appended.ok()) return Fail(appended);
      }
      auto ref = (*writer)->Commit();
      if (!ref.ok()) return Fail(ref.status());
      keys.push_back(ref->key);
    }
    double write_s = Seconds(start);
    start = std::chrono::steady_clock::now();
    uint64_t read_bytes = 0;
    std::string chunk;
    for (const std::string& key : keys) {
      auto reader = (*store)->Open(key);
      if (!reader.ok()) return Fail(reader.status());
      for (uint64_t at = 0; at < size; at += kRead) {
        mesh::Status read = (*reader)->ReadAt(at, kRead, &chunk);
        if (!read.ok()) return Fail(read);
        read_bytes += chunk.size();
      }
    }
    double read_s = Seconds(start);
    if (read_bytes != size * static_cast<uint64_t>(objects)) {
      return Fail(mesh::Status::Corruption("read back fewer bytes than written"));
    }
    double mib = static_cast<double>(read_bytes) / (1 << 20);
    std::printf(
        "{\"lake\": \"%s\", \"objects\": %d, \"bytes\": %llu, \"write_s\": %.3f, "
        "\"read_s\": %.3f, \"write_mib_s\": %.1f, \"read_mib_s\": %.1f}\n",
        lake.c_str(), objects, static_cast<unsigned long long>(size), write_s, read_s,
        mib / write_s, mib / read_s);
    std::fflush(stdout);
  }
  return 0;
}
