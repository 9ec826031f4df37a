# Browser tests of the web UI (docs/ui.md): Debian's chromium driven by Playwright
# (ui-tests/) against a real `mesh serve` on the published demo mesh. Skipped (exit 77) on a
# machine without node/npm or chromium; the CLI and server build and test without them.
add_test(NAME ui.browser
         COMMAND ${CMAKE_COMMAND}
                 -DMESH=$<TARGET_FILE:mesh>
                 -DSOURCE=${PROJECT_SOURCE_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_ui_tests.cmake.in)
set_tests_properties(ui.browser PROPERTIES TIMEOUT 900 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
