# Writes OUTPUT, a C++ fragment with one entry per check page given in PAGES
# (a |-separated list of docs/checks/<check>.md): the check's name and the
# page's bytes. Run as `cmake -DOUTPUT=... -DPAGES=... -P EmbedCheckPages.cmake`,
# so the driver describes its checks with the pages of its own version,
# whatever is (or is not) installed beside it.
string(REPLACE "|" ";" PAGES "${PAGES}")
set(arrays "")
set(table "")
set(index 0)
foreach(page IN LISTS PAGES)
  get_filename_component(name "${page}" NAME_WE)
  file(READ "${page}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(REGEX REPLACE "(('[^']*',){16})" "\\1\n  " bytes "${bytes}")
  string(APPEND arrays "static const char Page${index}[] = {\n  ${bytes}'\\0'};\n")
  string(APPEND table "  {\"${name}\", llvm::StringRef(Page${index}, ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from docs/checks by cmake/EmbedCheckPages.cmake; do not edit.\n"
  "${arrays}\n"
  "static const EmbeddedPage EmbeddedPages[] = {\n${table}};\n")
# Unchanged pages leave the file untouched, so nothing recompiles.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
