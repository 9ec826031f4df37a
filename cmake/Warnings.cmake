# Warnings are errors, on every target we own.
function(mesh_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough)
  # GCC 12 with optimisation beyond -O1 reports false -Wrestrict errors inside libstdc++ for
  # ordinary `std::string + std::string` (GCC bug 105329, fixed in GCC 13). Debug builds (-O1)
  # keep the warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<NOT:$<CONFIG:Debug>>:-Wno-restrict>)
  endif()
endfunction()
