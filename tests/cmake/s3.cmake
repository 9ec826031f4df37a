# The S3 lake end to end: tests/s3_publish_test.cc (in mesh_tests) runs the `mesh` binary, found
# next to the test binary's directory (build/<preset>/mesh), against moto; so build it first.
add_dependencies(mesh_tests mesh)
