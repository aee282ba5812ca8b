# migrate_add_revisions(<target> <folder> [ROOT <dir>])
# Compiles every C++ revision in <folder> into <target> (an executable: nothing references
# a revision's registrar, so a static library would drop it). Each revision's __FILE__ is
# made relative to ROOT (default: the current source dir), e.g. migrations/versions/x.cpp,
# so the binary knows its revisions by where they sit in the project, wherever it runs.
# Beside them, a generated file registers each one's source checksum as built, so the
# binary can tell an edited but not rebuilt revision (tools/revision_checksums.cpp).
function(migrate_add_revisions target folder)
  cmake_parse_arguments(arg "" "ROOT" "" ${ARGN})
  if(NOT arg_ROOT)
    set(arg_ROOT ${CMAKE_CURRENT_SOURCE_DIR})
  endif()
  file(GLOB revisions CONFIGURE_DEPENDS ${folder}/*.cpp)
  target_sources(${target} PRIVATE ${revisions})
  # ccache with base_dir set hands the compiler the source as a path relative to the build
  # directory (../migrations/versions/x.cpp), which the absolute map does not match: map that
  # spelling too, or the binary refuses its own revisions as "not compiled into this binary".
  file(RELATIVE_PATH relative_root ${CMAKE_BINARY_DIR} ${arg_ROOT})
  string(REGEX REPLACE "/$" "" relative_root "${relative_root}")  # ".." comes back as "../"
  set(maps "-fmacro-prefix-map=${arg_ROOT}/=")
  if(relative_root AND NOT IS_ABSOLUTE "${relative_root}")
    list(APPEND maps "-fmacro-prefix-map=${relative_root}/=")
  endif()
  set_source_files_properties(${revisions} TARGET_DIRECTORY ${target} PROPERTIES COMPILE_OPTIONS "${maps}")

  set(checksums ${CMAKE_CURRENT_BINARY_DIR}/${target}_revision_checksums.cpp)
  add_custom_command(OUTPUT ${checksums}
    COMMAND migrate_revision_checksums ${checksums} ${arg_ROOT} ${revisions}
    DEPENDS migrate_revision_checksums ${revisions}
    COMMENT "Checksums of ${target}'s revisions" VERBATIM)
  target_sources(${target} PRIVATE ${checksums})
endfunction()
