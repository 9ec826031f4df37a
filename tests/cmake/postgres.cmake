# PostgreSQL tests: every mesh_tests suite with "Postgres" in a suite or test name (the Postgres
# instance of the catalog contract suite, PostgresCatalogTest, ...). They share one throwaway
# server per ctest run: the fixture's setup test starts it and writes its address to a state file
# that the tests read (src/catalog/postgres_test_server.h); the cleanup test stops it. The suites
# require the fixture where tests/CMakeLists.txt registers them (cmake/DiscoverTestSuites.cmake).
# Run directly (./mesh_tests --gtest_filter='*Postgres*'), the test program starts its
# own server instead.
# tests/scale_out_test.cc (PostgresS3ScaleOutTest: three `mesh serve` processes on one catalog
# and one moto S3 lake) is one of them; it also needs the mesh binary (tests/cmake/s3.cmake).
set(MESH_PGTEST_STATE_FILE ${CMAKE_BINARY_DIR}/pgtest/server.env)
target_compile_definitions(mesh_tests PRIVATE MESH_PGTEST_STATE_FILE="${MESH_PGTEST_STATE_FILE}")

add_test(NAME postgres_server_start
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/postgres_fixture.sh start ${MESH_PGTEST_STATE_FILE})
add_test(NAME postgres_server_stop
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/postgres_fixture.sh stop ${MESH_PGTEST_STATE_FILE})
set_tests_properties(postgres_server_start PROPERTIES FIXTURES_SETUP postgres_server TIMEOUT 120)
set_tests_properties(postgres_server_stop PROPERTIES FIXTURES_CLEANUP postgres_server TIMEOUT 60)
