# `cpack` builds a Debian package and a tarball of the installed layout:
# bin/ (dbrace, dbrace-tidy), lib/ (the clang-tidy plugin), share/dbrace/rules/,
# share/doc/dbrace/. Neither bundles clang or LLVM: both use Debian's.
set(CPACK_PACKAGE_NAME dbrace)
set(CPACK_PACKAGE_VENDOR "dbrace")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy-style checker for read-check-write races in C++ database code")
set(CPACK_PACKAGE_DESCRIPTION
  "dbrace finds code that reads a row, decides in C++, and writes the same rows
without a lock, so that two concurrent requests act on the same old value.
It ships a standalone driver for CI and pre-commit (text, JSON, SARIF,
baselines) and a plugin for clang-tidy 19.")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES ON)

# The tarball unpacks to dbrace-<version>-Linux/{bin,lib,share}; the .deb
# installs under /usr.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(DBRACE_PACKAGE_MAINTAINER "dbrace maintainers" CACHE STRING
  "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${DBRACE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The Debian names of what the binaries load (readelf -d: libclang-cpp.so.19.1,
# libLLVM.so.19.1, libpg_query.so.1504.0, the C++ runtime), plus the compiler's
# built-in headers (stddef.h...), which the analysis parses, and clang-tidy 19,
# which dbrace-tidy runs with the plugin. test/package checks the list against
# dpkg -S of every library the binaries need.
set(DBRACE_DEB_DEPENDS
  "libc6, libstdc++6, libgcc-s1, libllvm19, libclang-cpp19, libpg-query1504.0, libclang-common-19-dev, clang-tidy-19"
  CACHE STRING "Depends field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${DBRACE_DEB_DEPENDS}")

include(CPack)
