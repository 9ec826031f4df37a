# Warnings are errors, on every target we own.
function(mesh_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough)
endfunction()
