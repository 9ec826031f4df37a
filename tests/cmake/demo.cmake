# End-to-end: `mesh demo` on the demo mesh (examples/prophecy-hall) exits 0 (every publish ended
# as planned, including the rejected and the refused one) and writes its files; the second test
# checks the sample bytes do not change between two runs of the binary. Each run keeps its
# catalog and lake under its own --store, never in the source tree.
add_test(NAME demo.runs
         COMMAND mesh demo --workspace-dir ${PROJECT_SOURCE_DIR}/examples/prophecy-hall
                 --out ${CMAKE_CURRENT_BINARY_DIR}/demo-e2e/a
                 --store ${CMAKE_CURRENT_BINARY_DIR}/demo-e2e/a/store --rows 60 --json)
set_tests_properties(demo.runs PROPERTIES ENVIRONMENT "MESH_NOW=2026-11-20T08:00:00Z")
add_test(NAME demo.deterministic
         COMMAND ${CMAKE_COMMAND}
                 -DMESH=$<TARGET_FILE:mesh>
                 -DWORKSPACE=${PROJECT_SOURCE_DIR}/examples/prophecy-hall
                 -DOUT=${CMAKE_CURRENT_BINARY_DIR}/demo-e2e
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/demo_deterministic.cmake.in)
