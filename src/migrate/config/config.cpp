// Loading migrate.ini with inih: known keys, %(here)s and ${ENV} expansion, overrides.
#include "migrate/config/config.hpp"

#include <fmt/format.h>
#include <ini.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <migrate/error.hpp>

#include "migrate/config/secrets.hpp"

namespace fs = std::filesystem;

namespace migrate::config {

namespace {

struct Entry {
  std::string section, key, value;
};

int collect(void* user, const char* section, const char* name, const char* value) {
  static_cast<std::vector<Entry>*>(user)->push_back({section, name ? name : "", value ? value : ""});
  return 1;
}

// inih reports no line for a key, so find it in the text for the error message.
int line_of(const std::string& file, const std::string& section, const std::string& key) {
  std::ifstream in(file);
  std::string line, current;
  for (int n = 1; std::getline(in, line); ++n) {
    auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos) continue;
    if (line[start] == '[') {
      current = line.substr(start + 1, line.find(']') - start - 1);
    } else if (current == section && line.compare(start, key.size(), key) == 0) {
      auto rest = line.find_first_not_of(" \t", start + key.size());
      if (rest != std::string::npos && (line[rest] == '=' || line[rest] == ':')) return n;
    }
  }
  return 0;
}

// Alembic's keys that mean nothing to a C++ project: accepted so alembic.ini works as is.
const std::set<std::string> ignored_alembic_keys = {
    "prepend_sys_path", "version_path_separator", "path_separator", "output_encoding",
    "sourceless", "recursive_version_locations", "revision_environment"};

const std::set<std::string> known_keys = {
    "script_location", "version_locations", "file_template", "truncate_slug_length", "timezone",
    "sqlalchemy.url", "url", "version_table", "version_table_schema", "transaction_per_migration",
    "include_schemas", "run_lock_timeout", "lock_timeout", "log_level", "revision_format", "exclude_tables",
    "from_revisions_template", "from_revisions_bootstrap", "statement_lock_timeout", "statement_timeout",
    "lock_retries", "lock_mode", "lock_lease", "connect_hint"};

class Loader {
 public:
  Loader(std::string file, std::string section, std::string here)
      : file_(std::move(file)), section_(std::move(section)), here_(std::move(here)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw ConfigError(fmt::format("{}:{}: {} '{}'", file_, line_of(file_, section_, key), what, key));
  }

  // %(name)s refers to `here` or another key of the section; ${VAR} and ${VAR:-default}
  // to the environment.
  std::string expand(const std::string& key, const std::string& raw,
                     const std::map<std::string, std::string>& section_values) const {
    std::size_t references = 0;
    return expand(key, raw, section_values, 0, references);
  }

  // Ten keys each naming the next eight times are a 700-byte file that expands to gigabytes
  // (found writing tests/fuzz/ini, whose -timeout flags it): the references one value may follow
  // and its length are capped.
  static constexpr std::size_t max_references = 1000;
  static constexpr std::size_t max_value_length = 64 * 1024;

  std::string expand(const std::string& key, const std::string& raw,
                     const std::map<std::string, std::string>& section_values, int depth,
                     std::size_t& references) const {
    if (depth > 10) fail(key, "interpolation too deep in");
    std::string out;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (out.size() > max_value_length)
        fail(key, fmt::format("more than {} bytes after interpolation in value of", max_value_length));
      if (raw.compare(i, 2, "%(") == 0) {
        auto close = raw.find(")s", i);
        if (close == std::string::npos) fail(key, "unterminated %( in value of");
        std::string name = raw.substr(i + 2, close - i - 2);
        if (++references > max_references)
          fail(key, fmt::format("more than {} %(...)s references to follow in value of", max_references));
        if (name == "here") out += here();
        else if (auto it = section_values.find(name); it != section_values.end())
          out += expand(key, it->second, section_values, depth + 1, references);
        else fail(key, fmt::format("unknown %({})s in value of", name));
        i = close + 1;
      } else if (raw.compare(i, 2, "%%") == 0) {
        out += '%';
        ++i;
      } else if (raw.compare(i, 2, "${") == 0) {
        auto close = raw.find('}', i);
        if (close == std::string::npos) fail(key, "unterminated ${ in value of");
        std::string spec = raw.substr(i + 2, close - i - 2);
        std::optional<std::string> fallback;
        if (auto dash = spec.find(":-"); dash != std::string::npos) {
          fallback = spec.substr(dash + 2);
          spec = spec.substr(0, dash);
        }
        const char* env = std::getenv(spec.c_str());
        if (env && *env) out += env;
        else if (fallback) out += *fallback;
        else fail(key, fmt::format("environment variable {} is not set, used by", spec));
        i = close;
      } else {
        out += raw[i];
      }
    }
    if (out.size() > max_value_length)
      fail(key, fmt::format("more than {} bytes after interpolation in value of", max_value_length));
    return out;
  }

  const std::string& here() const { return here_; }

  bool boolean(const std::string& key, const std::string& v) const {
    std::string l;
    for (char c : v) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == "true" || l == "1" || l == "yes" || l == "on") return true;
    if (l == "false" || l == "0" || l == "no" || l == "off") return false;
    fail(key, fmt::format("expected true or false, got '{}', for", v));
  }

  int integer(const std::string& key, const std::string& v) const {
    try {
      size_t used = 0;
      int n = std::stoi(v, &used);
      if (used == v.size() && n >= 0) return n;
    } catch (const std::exception&) {
    }
    fail(key, fmt::format("expected a whole number, got '{}', for", v));
  }

  std::string duration(const std::string& key, const std::string& v) const {
    if (!is_duration(v)) fail(key, fmt::format("expected a duration such as 5s, 500ms or 2min, got '{}', for", v));
    return v;
  }

 private:
  std::string file_, section_, here_;
};

std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(v);
  while (in >> item) {
    for (std::string part; !item.empty();) {
      auto comma = item.find(',');
      part = item.substr(0, comma);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      item = item.substr(comma + 1);
    }
  }
  return out;
}

std::string absolute(const std::string& base, const std::string& p) {
  fs::path path(p);
  return (path.is_absolute() ? path : fs::path(base) / path).lexically_normal().string();
}

Config resolve(Config cfg, const std::map<std::string, std::string>& raw, const Loader& loader,
               const std::string& default_location, const Overrides& overrides);

}  // namespace

Config load(const std::string& path, const Overrides& overrides) {
  Config cfg;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  cfg.file = abs.lexically_normal().string();
  if (!fs::exists(abs)) throw ConfigError(fmt::format("{}: no such config file", path));

  std::vector<Entry> entries;
  int rc = ini_parse(cfg.file.c_str(), collect, &entries);
  if (rc < 0) throw ConfigError(fmt::format("{}: cannot read config file", cfg.file));
  if (rc > 0) throw ConfigError(fmt::format("{}:{}: syntax error", cfg.file, rc));

  // The section: -n NAME, else [migrate], else Alembic's [alembic].
  std::set<std::string> sections;
  for (const auto& e : entries) sections.insert(e.section);
  if (overrides.section) cfg.section = *overrides.section;
  else if (!sections.count("migrate") && sections.count("alembic")) cfg.section = "alembic";
  if (!sections.count(cfg.section))
    throw ConfigError(fmt::format("{}: no [{}] section", cfg.file, cfg.section));

  cfg.here = fs::path(cfg.file).parent_path().string();
  Loader loader(cfg.file, cfg.section, cfg.here);
  std::map<std::string, std::string> raw;
  for (const auto& e : entries) {
    if (e.section != cfg.section) continue;
    if (!known_keys.count(e.key) && !ignored_alembic_keys.count(e.key) && e.key.rfind("x.", 0) != 0)
      loader.fail(e.key, "unknown key");
    raw[e.key] = e.value;
  }
  return resolve(std::move(cfg), raw, loader, "migrations/versions", overrides);
}

Config defaults(const std::string& here, const std::string& version_folder, const Overrides& overrides) {
  Config cfg;
  fs::path folder = fs::absolute(here).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();  // "/deploy/" as "/deploy"
  cfg.here = folder.string();
  if (overrides.section) cfg.section = *overrides.section;
  const Loader loader("", cfg.section, cfg.here);  // no file: nothing for it to expand or fail on
  return resolve(std::move(cfg), {}, loader, version_folder, overrides);
}

namespace {

// The section's values (none without a file) over the defaults, then the environment and the
// flags; `default_location` (relative to here) when neither version_locations nor
// script_location is given.
Config resolve(Config cfg, const std::map<std::string, std::string>& raw, const Loader& loader,
               const std::string& default_location, const Overrides& overrides) {
  auto value = [&](const std::string& key) -> std::optional<std::string> {
    auto it = raw.find(key);
    if (it == raw.end()) return std::nullopt;
    return loader.expand(key, it->second, raw);
  };

  if (auto v = value("script_location")) cfg.script_location = absolute(cfg.here, *v);
  if (auto v = value("version_locations")) {
    for (const auto& p : split_list(*v)) cfg.version_locations.push_back(absolute(cfg.here, p));
    if (cfg.version_locations.empty()) loader.fail("version_locations", "empty value for");
  } else if (!cfg.script_location.empty()) {
    cfg.version_locations.push_back((fs::path(cfg.script_location) / "versions").string());
  } else {
    cfg.version_locations.push_back(absolute(cfg.here, default_location));
  }
  if (auto v = value("file_template")) cfg.file_template = *v;
  if (auto v = value("truncate_slug_length")) cfg.truncate_slug_length = loader.integer("truncate_slug_length", *v);
  if (auto v = value("timezone")) cfg.timezone = *v;
  if (auto v = value("revision_format")) {
    if (*v != "cpp" && *v != "sql") loader.fail("revision_format", fmt::format("expected cpp or sql, got '{}', for", *v));
    cfg.sql_revisions = *v == "sql";
  }
  if (auto v = value("version_table")) {
    if (v->empty() || v->size() > 63) loader.fail("version_table", "invalid table name for");
    cfg.version_table = *v;
  }
  if (auto v = value("version_table_schema")) cfg.version_table_schema = *v;
  if (auto v = value("transaction_per_migration"))
    cfg.transaction_per_migration = loader.boolean("transaction_per_migration", *v);
  if (auto v = value("include_schemas")) cfg.include_schemas = split_list(*v);
  if (auto v = value("exclude_tables")) cfg.exclude_tables = split_list(*v);
  if (auto v = value("from_revisions_template")) {
    if (v->empty()) loader.fail("from_revisions_template", "empty value for");
    cfg.from_revisions_template = *v;
  }
  if (auto v = value("from_revisions_bootstrap"); v && !v->empty())
    cfg.from_revisions_bootstrap = absolute(cfg.here, *v);
  if (auto v = value("run_lock_timeout")) cfg.run_lock_timeout_seconds = loader.integer("run_lock_timeout", *v);
  if (auto v = value("lock_timeout")) {
    int old = loader.integer("lock_timeout", *v);
    if (raw.count("run_lock_timeout") && old != cfg.run_lock_timeout_seconds)
      throw ConfigError(fmt::format("{}:{}: run_lock_timeout = {} and its deprecated synonym lock_timeout = {} "
                                    "disagree; keep only run_lock_timeout",
                                    cfg.file, line_of(cfg.file, cfg.section, "lock_timeout"),
                                    cfg.run_lock_timeout_seconds, old));
    cfg.run_lock_timeout_seconds = old;
    cfg.warnings.push_back(fmt::format("{}:{}: lock_timeout is deprecated, rename it run_lock_timeout (PostgreSQL's "
                                       "lock_timeout is statement_lock_timeout)", cfg.file,
                                       line_of(cfg.file, cfg.section, "lock_timeout")));
  }
  if (auto v = value("lock_mode")) {
    if (*v != "advisory" && *v != "table") loader.fail("lock_mode", fmt::format("expected advisory or table, got '{}', for", *v));
    if (*v == "table") cfg.lock_lease_seconds = 60;
  }
  if (auto v = value("lock_lease"); v && cfg.lock_lease_seconds > 0) {
    cfg.lock_lease_seconds = loader.integer("lock_lease", *v);
    if (cfg.lock_lease_seconds < 3) loader.fail("lock_lease", "expected at least 3 seconds for");
  }
  if (auto v = value("statement_lock_timeout")) cfg.statement_lock_timeout = loader.duration("statement_lock_timeout", *v);
  if (auto v = value("statement_timeout")) cfg.statement_timeout = loader.duration("statement_timeout", *v);
  if (auto v = value("lock_retries")) cfg.lock_retries = loader.integer("lock_retries", *v);
  if (auto v = value("log_level")) {
    static const std::set<std::string> levels = {"debug", "info", "warning", "error"};
    if (!levels.count(*v)) loader.fail("log_level", fmt::format("expected debug, info, warning or error, got '{}', for", *v));
    cfg.log_level = *v;
  }
  for (const auto& [k, v] : raw)
    if (k.rfind("x.", 0) == 0) cfg.x_arguments[k.substr(2)] = loader.expand(k, v, raw);

  // The URL: --url, then DATABASE_URL, then the ini (`url`, or Alembic's sqlalchemy.url).
  using Origin = UrlOrigin::Kind;
  const char* env = std::getenv("DATABASE_URL");
  if (overrides.url && !overrides.url->empty()) {
    cfg.url = *overrides.url;
    cfg.url_origin = {Origin::Flag};
  } else if (env && *env) {
    cfg.url = env;
    cfg.url_origin = {Origin::Environment};
  } else {
    for (const char* key : {"url", "sqlalchemy.url"}) {
      if (auto v = value(key)) {
        cfg.url = *v;
        cfg.url_origin = {Origin::Ini, cfg.file, cfg.section, key};
        break;
      }
    }
  }
  if (auto v = value("connect_hint")) cfg.connect_hint = *v;
  // libpq takes any length and echoes it back in its errors; no real URL comes near this.
  constexpr std::size_t max_url_length = 8192;
  if (cfg.url.size() > max_url_length)
    throw ConfigError(fmt::format("the database URL is {} bytes long, more than the {} a URL may have", cfg.url.size(),
                                  max_url_length));
  remember_secret(password_of(cfg.url));
  cfg.url = libpq_url(cfg.url);

  for (const auto& [k, v] : overrides.x_arguments) cfg.x_arguments[k] = v;
  auto flag_duration = [](const char* flag, const std::string& v) {
    if (!is_duration(v)) throw UsageError(fmt::format("{}: expected a duration such as 5s, 500ms or 2min, got '{}'", flag, v));
    return v;
  };
  if (overrides.statement_lock_timeout)
    cfg.statement_lock_timeout = flag_duration("--statement-lock-timeout", *overrides.statement_lock_timeout);
  if (overrides.statement_timeout) cfg.statement_timeout = flag_duration("--statement-timeout", *overrides.statement_timeout);
  if (overrides.lock_retries) {
    const std::string& v = *overrides.lock_retries;
    if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos)
      throw UsageError(fmt::format("--lock-retries: expected a whole number up to 9999, got '{}'", v));
    cfg.lock_retries = std::stoi(v);
  }
  return cfg;
}

}  // namespace

bool is_duration(const std::string& value) {
  std::size_t digits = value.find_first_not_of("0123456789");
  if (value.empty() || digits == 0 || value.size() > 16) return false;  // no digits, or absurd
  if (digits == std::string::npos) return true;
  static const std::set<std::string> units = {"us", "ms", "s", "min", "h", "d"};
  return units.count(value.substr(digits)) > 0;
}

}  // namespace migrate::config
