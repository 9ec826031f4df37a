# The crash test of publishing (tests/crash/crash_publish.sh): concurrent `mesh publish`
# processes killed with SIGKILL at random moments, then crash_verify checks the catalog and the
# lake. About 200 kills by default (under two minutes in the debug build on an idle machine);
# MESH_CRASH_KILLS=2000 ctest -R crash. for a bigger run. docs/storage.md has the figures.
add_executable(crash_verify ${PROJECT_SOURCE_DIR}/tests/crash/crash_verify.cc)
target_link_libraries(crash_verify PRIVATE mesh_lib)
mesh_set_warnings(crash_verify)
add_dependencies(crash_verify mesh)
add_test(NAME crash.publish_sigkill
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/crash/crash_publish.sh $<TARGET_FILE:mesh>
                 $<TARGET_FILE:crash_verify> ${CMAKE_CURRENT_BINARY_DIR}/crash-publish
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(crash.publish_sigkill PROPERTIES TIMEOUT 900 LABELS crash)
