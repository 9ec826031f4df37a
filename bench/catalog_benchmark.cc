// Catalog operations per second, SQLite vs PostgreSQL, in the same run (Google Benchmark):
// CommitVersion (one publish: product row, version row, lineage, consumers, audit entry, in one
// durable transaction), GetProduct, ListVersions (a product with 20 snapshots) and Search (a
// prefix word over 200 products), each on both catalogs, seeded alike. PostgreSQL also runs
// GetProduct and CommitVersion from 4 threads on one catalog (its connection pool), which is how
// a `mesh serve` uses it.
//
//   MESH_BENCH_POSTGRES_URI=postgresql://... catalog_benchmark [--benchmark_format=json]
// bench/run_catalog.sh starts a throwaway PostgreSQL server with durable settings, runs this and
// prints the ratios. Without MESH_BENCH_POSTGRES_URI the PostgreSQL cases report an error.
#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>

#include "catalog/postgres_catalog.h"
#include "catalog/sqlite_catalog.h"

namespace mesh {
namespace {

constexpr int kProducts = 200;
constexpr int kHotSnapshots = 20;

CommitVersionRequest Request(const std::string& name, int64_t expected_snapshot) {
  CommitVersionRequest request;
  request.product.name = name;
  request.product.domain = "domain_" + std::to_string(std::hash<std::string>()(name) % 10);
  request.product.owner = "team-" + request.product.domain;
  request.product.description = "Daily figures of " + name + " by region and type";
  request.product.tags = {"daily", "kpi"};
  request.product.fields = {{"day", "Calendar day"}, {"value", "The measured value"}};
  request.version.version = SchemaVersion{1, 0, static_cast<int>(expected_snapshot)};
  request.version.descriptor_yaml = "name: " + name + "\n";
  request.version.report_json = R"({"passed":true})";
  request.version.content_hash = std::string(64, 'a');
  request.version.object_key = "sha256/" + std::string(64, 'a');
  request.version.output_format = "parquet";
  request.version.row_count = 1000;
  request.version.bytes = 65536;
  request.version.completeness = 1.0;
  request.version.publisher = "bench";
  request.version.published_at = Timestamp{1'700'000'000'000'000 + expected_snapshot};
  request.expected_current_snapshot = expected_snapshot;
  request.lineage = {"source:erp/orders", "upstream_product"};
  request.consumer_teams = {"analytics"};
  request.audit = {0, request.version.published_at, "bench", "publish", name, "ok", "", "", ""};
  return request;
}

// Every tenth product mentions missions, so that Search finds 20 of 200.
std::string ProductName(int i) {
  return (i % 10 == 0 ? "mission_metric_" : "fleet_metric_") + std::to_string(i);
}

Status Seed(Catalog& catalog) {
  for (int i = 0; i < kProducts; ++i) {
    RETURN_NOT_OK(catalog.CommitVersion(Request(ProductName(i), 0)).status());
  }
  for (int64_t snapshot = 0; snapshot < kHotSnapshots; ++snapshot) {
    RETURN_NOT_OK(catalog.CommitVersion(Request("hot", snapshot)).status());
  }
  return Status::OK();
}

// One seeded catalog per backend for the whole run, plus commit counters per product.
struct Backend {
  std::unique_ptr<Catalog> catalog;
  Status status;
  std::mutex commit_mu;
};

std::string PostgresBaseUri() {
  const char* uri = std::getenv("MESH_BENCH_POSTGRES_URI");
  return uri ? uri : "";
}

std::string PostgresSchemaUri() {
  static const std::string schema = "mesh_bench_" + std::to_string(::getpid());
  return PostgresBaseUri() + "?options=-csearch_path%3D" + schema + "&pool_size=4";
}

Status RunAdminSql(const std::string& sql) {
  try {
    pqxx::connection connection(PostgresBaseUri());
    pqxx::nontransaction transaction(connection);
    transaction.exec(sql);
    return Status::OK();
  } catch (const std::exception& error) {
    return Status::IOError(std::string("benchmark setup: ") + error.what());
  }
}

Backend* OpenSqlite() {
  static Backend* backend = [] {
    auto* b = new Backend;
    std::string dir = (std::filesystem::temp_directory_path() /
                       ("mesh-catalog-bench-" + std::to_string(::getpid())))
                          .string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto opened = SqliteCatalog::Open(dir + "/catalog.db");
    b->status = opened.status();
    if (opened.ok()) {
      b->catalog = std::move(*opened);
      b->status = Seed(*b->catalog);
    }
    return b;
  }();
  return backend;
}

Backend* OpenPostgres() {
  static Backend* backend = [] {
    auto* b = new Backend;
    if (PostgresBaseUri().empty()) {
      b->status =
          Status::InvalidArgument("set MESH_BENCH_POSTGRES_URI (bench/run_catalog.sh does)");
      return b;
    }
    std::string schema = "mesh_bench_" + std::to_string(::getpid());
    b->status =
        RunAdminSql("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    if (!b->status.ok()) return b;
    auto opened = PostgresCatalog::Open(PostgresSchemaUri());
    b->status = opened.status();
    if (opened.ok()) {
      b->catalog = std::move(*opened);
      b->status = Seed(*b->catalog);
    }
    return b;
  }();
  return backend;
}

using Opener = Backend* (*)();

bool Ready(benchmark::State& state, Backend* backend) {
  if (backend->status.ok()) return true;
  state.SkipWithError(backend->status.ToString().c_str());
  return false;
}

// Each thread publishes its own product, snapshot after snapshot (no conflicts: this measures
// the commit, not the retry loop).
void BM_CommitVersion(benchmark::State& state, Opener open) {
  Backend* backend = open();
  if (!Ready(state, backend)) return;
  static std::atomic<int> next_product{0};
  std::string name = "commit_" + std::to_string(next_product++);
  int64_t snapshot = 0;
  for (auto _ : state) {
    auto committed = backend->catalog->CommitVersion(Request(name, snapshot));
    if (!committed.ok()) {
      state.SkipWithError(committed.status().ToString().c_str());
      break;
    }
    ++snapshot;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_GetProduct(benchmark::State& state, Opener open) {
  Backend* backend = open();
  if (!Ready(state, backend)) return;
  int i = static_cast<int>(state.thread_index());
  for (auto _ : state) {
    auto product = backend->catalog->GetProduct(ProductName(i++ % kProducts));
    if (!product.ok()) {
      state.SkipWithError(product.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(product->current_snapshot);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ListVersions(benchmark::State& state, Opener open) {
  Backend* backend = open();
  if (!Ready(state, backend)) return;
  for (auto _ : state) {
    auto versions = backend->catalog->ListVersions("hot");
    if (!versions.ok() || versions->size() != static_cast<size_t>(kHotSnapshots)) {
      state.SkipWithError("ListVersions did not return the hot product's 20 snapshots");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Search(benchmark::State& state, Opener open) {
  Backend* backend = open();
  if (!Ready(state, backend)) return;
  for (auto _ : state) {
    auto hits = backend->catalog->Search({"missi", std::nullopt, std::nullopt, 20});
    if (!hits.ok() || hits->size() != kProducts / 10) {
      state.SkipWithError("Search did not find the 20 mission products");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

void Register() {
  struct Case {
    const char* name;
    void (*function)(benchmark::State&, Opener);
  };
  const Case cases[] = {{"CommitVersion", BM_CommitVersion},
                        {"GetProduct", BM_GetProduct},
                        {"ListVersions", BM_ListVersions},
                        {"Search", BM_Search}};
  for (const Case& c : cases) {
    benchmark::RegisterBenchmark((std::string(c.name) + "/sqlite").c_str(), c.function, OpenSqlite)
        ->UseRealTime();
    benchmark::RegisterBenchmark((std::string(c.name) + "/postgres").c_str(), c.function,
                                 OpenPostgres)
        ->UseRealTime();
  }
  benchmark::RegisterBenchmark("GetProduct/postgres", BM_GetProduct, OpenPostgres)
      ->Threads(4)
      ->UseRealTime();
  benchmark::RegisterBenchmark("CommitVersion/postgres", BM_CommitVersion, OpenPostgres)
      ->Threads(4)
      ->UseRealTime();
}

}  // namespace
}  // namespace mesh

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  mesh::Register();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  const char* uri = std::getenv("MESH_BENCH_POSTGRES_URI");
  if (uri != nullptr && *uri != '\0') {
    (void)mesh::RunAdminSql("DROP SCHEMA IF EXISTS mesh_bench_" + std::to_string(::getpid()) +
                            " CASCADE");
  }
  std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                              ("mesh-catalog-bench-" + std::to_string(::getpid())));
  return 0;
}
