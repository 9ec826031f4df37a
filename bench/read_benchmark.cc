// Times Meshwork's CSV and JSONL readers on one file: every row is read into typed batches with
// all type checks (the work `mesh check` needs before its checks), and the batches are consumed
// (null and type-error counts) so nothing is optimised away. Prints one JSON line with the
// median wall time and rows/s; bench/run_readers.sh compares it with DuckDB in the same run.
//
//   read_benchmark --descriptor missions.yaml --file missions_1000000.csv [--threads 2]
//                  [--repeat 3] [--batch-rows 65536]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "format/reader.h"
#include "model/descriptor_parser.h"

namespace {

struct Options {
  std::string descriptor;
  std::string file;
  int threads = 2;
  int repeat = 3;
  size_t batch_rows = 64 * 1024;
};

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "read_benchmark: %s\n", message.c_str());
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) Fail("missing value after " + flag);
    const std::string value = argv[++i];
    if (flag == "--descriptor") {
      options.descriptor = value;
    } else if (flag == "--file") {
      options.file = value;
    } else if (flag == "--threads") {
      options.threads = std::atoi(value.c_str());
    } else if (flag == "--repeat") {
      options.repeat = std::max(1, std::atoi(value.c_str()));
    } else if (flag == "--batch-rows") {
      options.batch_rows = static_cast<size_t>(std::atoll(value.c_str()));
    } else {
      Fail("unknown flag " + flag);
    }
  }
  if (options.descriptor.empty() || options.file.empty()) Fail("--descriptor and --file needed");
  return options;
}

mesh::Schema LoadSchema(const std::string& path) {
  auto text = mesh::PosixFileSystem()->ReadFile(path);
  if (!text.ok()) Fail(text.status().ToString());
  mesh::FindingSink sink(path);
  auto descriptor = mesh::ParseDescriptorText(*text, path, &sink);
  if (!descriptor) Fail(path + ": not a valid descriptor");
  return descriptor->schema;
}

struct Totals {
  int64_t rows = 0;
  int64_t nulls = 0;
  int64_t type_errors = 0;
};

Totals ReadOnce(const Options& options, mesh::format::DataFormat format,
                const mesh::Schema& schema) {
  mesh::format::ReadOptions read_options;
  read_options.threads = options.threads;
  read_options.batch_rows = options.batch_rows;
  auto reader = mesh::format::OpenBatchReader(mesh::PosixFileSystem(), options.file, format, schema,
                                              read_options);
  if (!reader.ok()) Fail(reader.status().ToString());
  Totals totals;
  mesh::format::Batch batch;
  while (true) {
    auto more = (*reader)->Next(&batch);
    if (!more.ok()) Fail(more.status().ToString());
    if (!*more) break;
    totals.rows += static_cast<int64_t>(batch.num_rows);
    for (const auto& column : batch.columns)
      totals.nulls += static_cast<int64_t>(column.null_count());
    totals.type_errors += static_cast<int64_t>(batch.type_errors.size());
  }
  return totals;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = ParseArgs(argc, argv);
  const auto format = mesh::format::DataFormatFromPath(options.file);
  if (!format) Fail(options.file + ": unknown format");
  const mesh::Schema schema = LoadSchema(options.descriptor);
  std::vector<double> seconds;
  Totals totals;
  for (int run = 0; run < options.repeat; ++run) {
    const auto start = std::chrono::steady_clock::now();
    totals = ReadOnce(options, *format, schema);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::string runs;
  for (double s : seconds) runs += (runs.empty() ? "" : ",") + std::to_string(s);
  std::printf(
      "{\"engine\":\"mesh\",\"format\":\"%s\",\"threads\":%d,\"rows\":%lld,\"nulls\":%lld,"
      "\"type_errors\":%lld,\"median_s\":%.3f,\"rows_per_s\":%.0f,\"runs\":[%s]}\n",
      std::string(mesh::format::DataFormatName(*format)).c_str(), options.threads,
      static_cast<long long>(totals.rows), static_cast<long long>(totals.nulls),
      static_cast<long long>(totals.type_errors), median, static_cast<double>(totals.rows) / median,
      runs.c_str());
  return 0;
}
