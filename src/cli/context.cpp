// Loading config and project once per command; the output channels.
#include "cli/context.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include <migrate/error.hpp>
#include <migrate/revision.hpp>

#include "migrate/config/secrets.hpp"

namespace migrate::cli {

const config::Config& Context::config() {
  if (!config_) {
    config::Overrides o;
    if (!options_.url.empty()) o.url = options_.url;
    if (!options_.name.empty()) o.section = options_.name;
    for (const auto& kv : options_.x) {
      auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) throw UsageError(fmt::format("-x expects key=value, got '{}'", kv));
      o.x_arguments[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    // An Alembic user types plain `migrate current` in a folder with alembic.ini.
    std::string file = options_.config_file;
    if (!options_.config_given && !std::filesystem::exists(file) && std::filesystem::exists("alembic.ini"))
      file = "alembic.ini";
    config_ = config::load(file, o);
    config_->tag = tag_;
  }
  return *config_;
}

const runtime::Project& Context::project() {
  if (!project_) project_ = std::make_unique<runtime::Project>(config(), compiled_revisions());
  return *project_;
}

namespace {
int level_rank(const std::string& level) {
  return level == "debug" ? 0 : level == "info" ? 1 : level == "warning" ? 2 : 3;
}
}  // namespace

void Context::debug(const std::string& line) const {
  if (!options_.quiet && config_ && level_rank(config_->log_level) <= 0) std::cerr << config::redact(line) << '\n';
}

void Context::info(const std::string& line) const {
  if (options_.quiet || (config_ && level_rank(config_->log_level) > 1)) return;
  std::cerr << config::redact(line) << '\n';
}

void Context::warn(const std::string& line) const {
  if (config_ && level_rank(config_->log_level) > 2) return;
  std::cerr << "WARNING: " << config::redact(line) << '\n';
}

void Context::print(const std::string& line) const { std::cout << config::redact(line) << '\n'; }

}  // namespace migrate::cli
