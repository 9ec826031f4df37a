# Parquet writer round trips. `mesh_write_parquet_samples` writes the samples of
# tests/parquet/parquet_samples.h with their expected canonical rows; the `parquet_duckdb_roundtrip`
# test reads every file back with DuckDB (node + @duckdb/node-api pinned in tests/duckdb) and diffs.
# The same samples are linked into mesh_tests for the round trip through our own reader.
add_executable(mesh_write_parquet_samples
  ${PROJECT_SOURCE_DIR}/tests/parquet/write_parquet_samples.cc
  ${PROJECT_SOURCE_DIR}/tests/parquet/parquet_samples.cc)
target_link_libraries(mesh_write_parquet_samples PRIVATE mesh_lib)
mesh_set_warnings(mesh_write_parquet_samples)

target_sources(mesh_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/parquet/parquet_samples.cc)
target_include_directories(mesh_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/parquet)

add_test(NAME parquet_duckdb_roundtrip
         COMMAND ${PROJECT_SOURCE_DIR}/tests/duckdb/roundtrip.sh
                 $<TARGET_FILE:mesh_write_parquet_samples>
                 ${CMAKE_CURRENT_BINARY_DIR}/parquet_duckdb_roundtrip)
set_tests_properties(parquet_duckdb_roundtrip PROPERTIES TIMEOUT 120 LABELS "duckdb;parquet")
