// The settings of one run: migrate.ini (or an Alembic alembic.ini), then env, then flags.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/config/url_origin.hpp"

namespace migrate::config {

struct Config {
  std::string file;                          // the ini that was read (absolute)
  std::string here;                          // its folder: %(here)s
  std::string section = "migrate";           // or "alembic", or -n NAME
  std::string url;                           // resolved: --url > DATABASE_URL > ini
  UrlOrigin url_origin;                      // which of them, for messages
  // The ini's connect_hint: what a failed connection suggests when the URL is the ini's own
  // (this repository's: start the dev database); a URL from --url or DATABASE_URL gets none.
  std::string connect_hint;
  std::string script_location;
  std::vector<std::string> version_locations;  // absolute folders, first one gets new files
  std::string file_template = "%(rev)s_%(slug)s";
  int truncate_slug_length = 40;
  bool sql_revisions = false;                // revision_format = sql: new files are .sql
  std::string timezone;                      // empty: local time for create dates
  std::string version_table = "alembic_version";
  std::string version_table_schema;          // empty: the connection's search_path
  bool transaction_per_migration = false;
  std::vector<std::string> include_schemas;
  // Glob patterns of tables check and autogenerate leave out on both sides: "audit.*",
  // "ecommerce.tmp_*"; a pattern without a '.' matches the table name in any schema.
  std::vector<std::string> exclude_tables;
  // --from-revisions: the scratch database is created from this template, then this SQL
  // file (empty: none) runs in it before the revisions: what the revisions assume exists.
  std::string from_revisions_template = "template0";
  std::string from_revisions_bootstrap;
  // run_lock_timeout: seconds to wait for another run's lock (the old key lock_timeout,
  // which PostgreSQL's setting of that name made confusing, is read too, with a warning).
  int run_lock_timeout_seconds = 0;
  // lock_mode = table (behind PgBouncer's transaction pooling): a lease row of this many
  // seconds, renewed while running; 0 (lock_mode = advisory): a session advisory lock.
  int lock_lease_seconds = 0;
  // Lock-safe DDL: PostgreSQL's lock_timeout and statement_timeout for the run's statements
  // (a duration the server reads: "5s", "500ms", "2min"; "0" turns it off), and how often a
  // step that met lock_timeout (SQLSTATE 55P03) is retried after a backoff.
  std::string statement_lock_timeout = "5s";
  std::string statement_timeout = "0";
  int lock_retries = 3;
  std::string log_level = "info";
  std::map<std::string, std::string> x_arguments;
  // What the file says that still works but should change (deprecated keys): one line each,
  // for the CLI to log as warnings.
  std::vector<std::string> warnings;
};

// Every member has a default: designated initialisers may leave any out.
struct Overrides {
  std::optional<std::string> url{};          // --url
  std::optional<std::string> section{};      // -n / --name
  std::map<std::string, std::string> x_arguments{};
  // --statement-lock-timeout, --statement-timeout, --lock-retries
  std::optional<std::string> statement_lock_timeout{}, statement_timeout{}, lock_retries{};
};

// A duration as PostgreSQL's lock_timeout and statement_timeout take it: a whole number,
// optionally followed by us, ms, s, min, h or d.
bool is_duration(const std::string& value);

// Reads `path`; throws ConfigError("<file>:<line>: <what> '<key>'") on a bad key or value.
Config load(const std::string& path, const Overrides& overrides = {});

// No config file (a binary that carries its revisions, copied into an empty folder or an
// image): every default, %(here)s = `here`, the version location <here>/<version_folder>,
// then DATABASE_URL and the flags as load() applies them. `file` stays empty.
Config defaults(const std::string& here, const std::string& version_folder, const Overrides& overrides = {});

}  // namespace migrate::config
