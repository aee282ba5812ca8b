# migrate_add_revisions(<target> <folder> [ROOT <dir>])
# Compiles every C++ revision in <folder> into <target> (an executable: nothing references
# a revision's registrar, so a static library would drop it). Each revision's __FILE__ is
# made relative to ROOT (default: the current source dir), e.g. migrations/versions/x.cpp,
# so the binary knows its revisions by where they sit in the project, wherever it runs.
function(migrate_add_revisions target folder)
  cmake_parse_arguments(arg "" "ROOT" "" ${ARGN})
  if(NOT arg_ROOT)
    set(arg_ROOT ${CMAKE_CURRENT_SOURCE_DIR})
  endif()
  file(GLOB revisions CONFIGURE_DEPENDS ${folder}/*.cpp)
  target_sources(${target} PRIVATE ${revisions})
  set_source_files_properties(${revisions} TARGET_DIRECTORY ${target}
    PROPERTIES COMPILE_OPTIONS "-fmacro-prefix-map=${arg_ROOT}/=")
endfunction()
