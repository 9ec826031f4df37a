# Every third-party dependency comes from Debian 12 (scripts/apt-packages.txt) and is found here,
# once, into the interface target `mesh_deps`.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(simdjson REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(SNAPPY REQUIRED IMPORTED_TARGET snappy)
pkg_check_modules(LZ4 REQUIRED IMPORTED_TARGET liblz4)
pkg_check_modules(BROTLI REQUIRED IMPORTED_TARGET libbrotlidec libbrotlienc)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx>=6.4)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

add_library(mesh_deps INTERFACE)
target_link_libraries(mesh_deps INTERFACE
  yaml-cpp fmt::fmt simdjson::simdjson OpenSSL::Crypto CURL::libcurl SQLite::SQLite3 ZLIB::ZLIB
  nlohmann_json::nlohmann_json PkgConfig::RE2 PkgConfig::ZSTD PkgConfig::SNAPPY PkgConfig::LZ4
  PkgConfig::BROTLI PkgConfig::PQXX PkgConfig::HTTPLIB Threads::Threads)

if(MESH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(MESH_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
