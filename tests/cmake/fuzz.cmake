# fuzz_smoke: builds the fuzz preset and runs every libFuzzer target briefly over its seed corpus
# (scripts/fuzz-smoke.sh); fails on any crash.
add_test(NAME fuzz_smoke COMMAND ${PROJECT_SOURCE_DIR}/scripts/fuzz-smoke.sh)
set_tests_properties(fuzz_smoke PROPERTIES TIMEOUT 3600 LABELS fuzz)
