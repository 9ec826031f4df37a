# End-to-end: `mesh demo` on the demo mesh (examples/prophecy-hall) exits 0 and writes its files;
# the second test checks the sample bytes do not change between two runs of the binary.
add_test(NAME demo.runs
         COMMAND mesh demo --workspace-dir ${PROJECT_SOURCE_DIR}/examples/prophecy-hall
                 --out ${CMAKE_CURRENT_BINARY_DIR}/demo-e2e/a --rows 60 --json)
add_test(NAME demo.deterministic
         COMMAND ${CMAKE_COMMAND}
                 -DMESH=$<TARGET_FILE:mesh>
                 -DWORKSPACE=${PROJECT_SOURCE_DIR}/examples/prophecy-hall
                 -DOUT=${CMAKE_CURRENT_BINARY_DIR}/demo-e2e
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/demo_deterministic.cmake.in)
