# DBRACE_SANITIZE: AddressSanitizer and UndefinedBehaviorSanitizer on all of
# dbrace's own code (scripts/test.sh --sanitize builds it in build-sanitize/).
# Every report stops the process (no recovery), so no test can pass over one.
# clang's and LLVM's libraries come from Debian and stay uninstrumented: ASan
# still sees their heap (malloc is intercepted), not their stack or globals.
option(DBRACE_SANITIZE
  "Build with -fsanitize=address,undefined (scripts/test.sh --sanitize)" OFF)
if(NOT DBRACE_SANITIZE)
  return()
endif()

set(DBRACE_SANITIZE_FLAGS -fsanitize=address,undefined
  -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_compile_options(${DBRACE_SANITIZE_FLAGS})
add_link_options(${DBRACE_SANITIZE_FLAGS})

# The plugin runs inside clang-tidy-19, which is not instrumented, and ASan's
# runtime must be the first library of a process: a small clang-tidy wrapper
# preloads it (and the plugin, see the wrapper), and the tests and
# bin/dbrace-tidy run the plugin through it.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(runtime_name libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
else()
  set(runtime_name libasan.so)
endif()
execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${runtime_name}
  OUTPUT_VARIABLE DBRACE_ASAN_RUNTIME OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT IS_ABSOLUTE "${DBRACE_ASAN_RUNTIME}" OR NOT EXISTS "${DBRACE_ASAN_RUNTIME}")
  message(FATAL_ERROR "DBRACE_SANITIZE: ${CMAKE_CXX_COMPILER} has no ${runtime_name}"
    " (on Debian: libclang-rt-19-dev for clang-19)")
endif()
set(DBRACE_UNINSTRUMENTED_CLANG_TIDY $CACHE{DBRACE_CLANG_TIDY})
set(DBRACE_SANITIZE_PLUGIN ${CMAKE_LIBRARY_OUTPUT_DIRECTORY}/libdbrace-tidy.so)
configure_file(${CMAKE_CURRENT_LIST_DIR}/clang-tidy-asan.in
  ${CMAKE_BINARY_DIR}/bin/clang-tidy-asan
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
  GROUP_EXECUTE WORLD_READ WORLD_EXECUTE @ONLY)
# A normal variable hides the cache entry from here on, in this build only.
set(DBRACE_CLANG_TIDY ${CMAKE_BINARY_DIR}/bin/clang-tidy-asan)
message(STATUS "dbrace: sanitizers on; the plugin runs in ${DBRACE_CLANG_TIDY}")
