# libFuzzer targets of the CSV and JSONL readers (fuzz preset). Include this file from
# tests/fuzz/CMakeLists.txt: include(${CMAKE_CURRENT_LIST_DIR}/formats.cmake)
# Run: ./build/fuzz/tests/fuzz/csv_fuzz tests/fuzz/corpus/csv -max_total_time=60
foreach(target csv_fuzz jsonl_fuzz)
  add_executable(${target} ${CMAKE_CURRENT_LIST_DIR}/${target}.cc)
  target_link_libraries(${target} PRIVATE mesh_lib)
  target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  mesh_set_warnings(${target})
endforeach()
