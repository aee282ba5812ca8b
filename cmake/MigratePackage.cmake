# The engine as a CMake package: another project (`migrate init -t cpp`) runs
# find_package(migrate CONFIG) and gets migrate::cli_main (the CLI with main(), the engine
# behind it), migrate::revision_checksums, migrate::embed_sql and
# migrate_add_revisions. Two ways to find it:
# - this build tree (`-Dmigrate_DIR=<this build dir>`): the libraries already built are
#   linked, so nothing of the engine is compiled again;
# - an install (`cmake --install`, component `development`): the same targets under
#   PREFIX/lib/cmake/migrate, naming only installed files.
# Component `runtime` is bin/migrate alone: what an image or a deploy host needs.
get_property(migrate_exported GLOBAL PROPERTY MIGRATE_ENGINE_PARTS)
list(APPEND migrate_exported migrate_core pg_query_lib migrate_cli migrate_cli_main migrate_revision_checksums migrate_embed_sql)
foreach(target ${migrate_exported})
  string(REGEX REPLACE "^migrate_" "" export_name ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
endforeach()

set(migrate_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/migrate)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/migrate-config-version.cmake COMPATIBILITY SameMinorVersion)

# The build tree's package: migrate-config.cmake beside the build's own targets file, and
# migrate_add_revisions from the source tree.
export(TARGETS ${migrate_exported} NAMESPACE migrate:: FILE ${PROJECT_BINARY_DIR}/migrate-targets.cmake)
set(MIGRATE_REVISIONS_CMAKE ${PROJECT_SOURCE_DIR}/cmake/MigrateRevisions.cmake)
configure_file(${PROJECT_SOURCE_DIR}/cmake/migrate-config.cmake.in ${PROJECT_BINARY_DIR}/migrate-config.cmake @ONLY)

# The installed package: the same template, but every file it names sits beside it.
install(TARGETS migrate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS ${migrate_exported} EXPORT migrate-targets COMPONENT development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  OBJECTS DESTINATION ${CMAKE_INSTALL_LIBDIR}/migrate
  # Run by migrate_add_revisions during a build, never by a user: off PATH.
  RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/migrate)
install(EXPORT migrate-targets NAMESPACE migrate:: DESTINATION ${migrate_cmake_dir} COMPONENT development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/migrate DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
set(MIGRATE_REVISIONS_CMAKE "\${CMAKE_CURRENT_LIST_DIR}/MigrateRevisions.cmake")
configure_file(${PROJECT_SOURCE_DIR}/cmake/migrate-config.cmake.in ${PROJECT_BINARY_DIR}/install/migrate-config.cmake @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/install/migrate-config.cmake ${PROJECT_BINARY_DIR}/migrate-config-version.cmake
  ${PROJECT_SOURCE_DIR}/cmake/MigrateRevisions.cmake DESTINATION ${migrate_cmake_dir} COMPONENT development)
