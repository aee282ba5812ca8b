# The engine as a CMake package: another project (`migrate init -t cpp`) runs
# find_package(migrate CONFIG) and gets migrate::cli_main (the CLI with main(), the engine
# behind it), migrate::revision_checksums, migrate::embed_sql and migrate_add_revisions. Here it is exported from
# this build tree: `-Dmigrate_DIR=<this build dir>` links the libraries already built, so
# nothing of the engine is compiled again. An installed package can offer the same names.
get_property(migrate_exported GLOBAL PROPERTY MIGRATE_ENGINE_PARTS)
list(APPEND migrate_exported migrate_core pg_query_lib migrate_cli migrate_cli_main migrate_revision_checksums migrate_embed_sql)
foreach(target ${migrate_exported})
  string(REGEX REPLACE "^migrate_" "" export_name ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
endforeach()
export(TARGETS ${migrate_exported} NAMESPACE migrate:: FILE ${PROJECT_BINARY_DIR}/migrate-targets.cmake)
set(MIGRATE_REVISIONS_CMAKE ${PROJECT_SOURCE_DIR}/cmake/MigrateRevisions.cmake)
configure_file(${PROJECT_SOURCE_DIR}/cmake/migrate-config.cmake.in ${PROJECT_BINARY_DIR}/migrate-config.cmake @ONLY)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/migrate-config-version.cmake COMPATIBILITY SameMinorVersion)
