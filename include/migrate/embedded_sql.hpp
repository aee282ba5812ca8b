// The plain SQL revisions a binary carries, registered by the file that migrate_add_revisions
// generates with EMBED_SQL (cmake/MigrateRevisions.cmake, src/tools/embed_sql.cpp): each
// .sql of the folder as it was when the binary was built, so one file deploys everything.
#pragma once
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace migrate {

struct EmbeddedSql {
  // Relative to the project's root, as a compiled revision's __FILE__: "migrations/versions/x.sql".
  std::string source_file;
  std::string text;  // the file's exact bytes (UTF-8 without NUL bytes: refused at build time)
};

// Empty for a binary built without EMBED_SQL.
std::vector<EmbeddedSql>& embedded_sql();

struct EmbeddedSqlRegistrar {
  // Each text comes in pieces: a C++ string literal past 64 KiB is outside the standard's
  // minimum (-Woverlength-strings under -Wpedantic), and a revision may be longer.
  EmbeddedSqlRegistrar(std::initializer_list<std::pair<const char*, std::span<const std::string_view>>> files) {
    for (const auto& [file, pieces] : files) {
      std::string text;
      for (auto piece : pieces) text += piece;
      embedded_sql().push_back({file, std::move(text)});
    }
  }
};

}  // namespace migrate
