# Scenario files (tests/scenarios/**/*.yaml): each is one ctest test, run by scenario_runner
# against the real `mesh` binary (format: tests/scenarios/README.md).
add_executable(scenario_runner ${PROJECT_SOURCE_DIR}/tests/scenario_runner.cc)
target_link_libraries(scenario_runner PRIVATE mesh_lib)
mesh_set_warnings(scenario_runner)
add_dependencies(scenario_runner mesh)

file(GLOB_RECURSE MESH_SCENARIOS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/scenarios/*.yaml)
foreach(scenario ${MESH_SCENARIOS})
  file(RELATIVE_PATH scenario_name ${PROJECT_SOURCE_DIR}/tests/scenarios ${scenario})
  string(REGEX REPLACE "\\.yaml$" "" scenario_name ${scenario_name})
  add_test(NAME scenario/${scenario_name}
           COMMAND scenario_runner --mesh $<TARGET_FILE:mesh> --repo ${PROJECT_SOURCE_DIR}
                   ${scenario})
  set_tests_properties(scenario/${scenario_name} PROPERTIES TIMEOUT 120 LABELS scenario)
endforeach()
