// Fuzzes the ini reader (config::load: inih, known keys, %(here)s / %(key)s interpolation,
// ${ENV} expansion, Alembic's [alembic] section): migrate.ini is the first thing every command
// reads. Properties: a file either loads or is refused with a ConfigError (never another
// exception, never a crash); what loads is a usable Config (version locations absolute,
// counts not negative, a known log level, a version table name PostgreSQL accepts, a URL
// libpq can take); loading the same file twice gives the same Config.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "fuzz_check.hpp"
#include "migrate/config/config.hpp"

namespace config = migrate::config;
namespace fs = std::filesystem;

namespace {

// One scratch file per process, in memory where the machine has /dev/shm.
const std::string& ini_path() {
  static const std::string path = [] {
    fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path dir = base / ("migrate-fuzz-ini-" + std::to_string(getpid()));
    fs::create_directories(dir);
    // The URL must come from the file, not from whoever runs the fuzzer.
    unsetenv("DATABASE_URL");
    setenv("MIGRATE_FUZZ_SET", "from-the-environment", 1);
    return (dir / "migrate.ini").string();
  }();
  return path;
}

bool same(const config::Config& a, const config::Config& b) {
  return a.section == b.section && a.url == b.url && a.script_location == b.script_location &&
         a.version_locations == b.version_locations && a.file_template == b.file_template &&
         a.truncate_slug_length == b.truncate_slug_length && a.sql_revisions == b.sql_revisions &&
         a.version_table == b.version_table && a.version_table_schema == b.version_table_schema &&
         a.transaction_per_migration == b.transaction_per_migration && a.include_schemas == b.include_schemas &&
         a.exclude_tables == b.exclude_tables && a.run_lock_timeout_seconds == b.run_lock_timeout_seconds &&
         a.log_level == b.log_level && a.x_arguments == b.x_arguments;
}

// postgresql+driver:// or postgres+driver://, driver in [A-Za-z0-9_]+.
bool has_driver(const std::string& url) {
  for (std::string scheme : {"postgresql+", "postgres+"}) {
    if (url.rfind(scheme, 0) != 0) continue;
    size_t i = scheme.size();
    while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '_')) ++i;
    if (i > scheme.size() && url.compare(i, 3, "://") == 0) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = ini_path();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const std::string text(reinterpret_cast<const char*>(data), size);

  config::Config cfg;
  if (!fuzz::refuses_only_with(migrate::ErrorKind::Config, [&] { cfg = config::load(path); })) return 0;

  FUZZ_CHECK(cfg.section == "migrate" || cfg.section == "alembic", "section " + cfg.section);
  FUZZ_CHECK(!cfg.version_locations.empty(), "no version location from " + fuzz::show(text));
  for (const auto& v : cfg.version_locations)
    FUZZ_CHECK(fs::path(v).is_absolute(), "relative version location " + fuzz::show(v));
  FUZZ_CHECK(cfg.script_location.empty() || fs::path(cfg.script_location).is_absolute(),
             "relative script_location " + fuzz::show(cfg.script_location));
  FUZZ_CHECK(cfg.truncate_slug_length >= 0 && cfg.run_lock_timeout_seconds >= 0, "a negative count from " + fuzz::show(text));
  static const std::set<std::string> levels = {"debug", "info", "warning", "error"};
  FUZZ_CHECK(levels.count(cfg.log_level) == 1, "log level " + fuzz::show(cfg.log_level));
  FUZZ_CHECK(!cfg.version_table.empty() && cfg.version_table.size() <= 63, "version table " + fuzz::show(cfg.version_table));
  FUZZ_CHECK(!cfg.from_revisions_template.empty(), "empty from_revisions_template from " + fuzz::show(text));
  // libpq_url drops a SQLAlchemy driver; libpq would reject the URL with it.
  FUZZ_CHECK(!has_driver(cfg.url), "driver left in the URL " + fuzz::show(cfg.url));

  config::Config again;
  bool loaded = fuzz::refuses_only_with(migrate::ErrorKind::Config, [&] { again = config::load(path); });
  FUZZ_CHECK(loaded && same(cfg, again), "the same file loads differently a second time: " + fuzz::show(text));
  return 0;
}
