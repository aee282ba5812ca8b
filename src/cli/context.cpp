// Loading config and project once per command; the output channels.
#include "cli/context.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include <migrate/error.hpp>
#include <migrate/revision.hpp>

#include "migrate/config/secrets.hpp"
#include "migrate/script/python_revisions.hpp"

namespace migrate::cli {

namespace {

spdlog::level::level_enum level_of(const std::string& level, bool quiet) {
  if (quiet) return spdlog::level::warn;
  if (level == "debug") return spdlog::level::debug;
  if (level == "warning") return spdlog::level::warn;
  if (level == "error") return spdlog::level::err;
  return spdlog::level::info;
}

}  // namespace

Context::Context(const GlobalOptions& options) : options_(options) {
  // One plain stderr sink: messages are whole lines of their own, without spdlog's stamp.
  auto logger = spdlog::stderr_logger_st("migrate");
  logger->set_pattern("%v");
  logger->set_level(level_of("info", options_.quiet));
  spdlog::set_default_logger(logger);
}

const config::Config& Context::config() {
  if (!config_) {
    config::Overrides o;
    if (!options_.url.empty()) o.url = options_.url;
    if (!options_.name.empty()) o.section = options_.name;
    if (!options_.statement_lock_timeout.empty()) o.statement_lock_timeout = options_.statement_lock_timeout;
    if (!options_.statement_timeout.empty()) o.statement_timeout = options_.statement_timeout;
    if (!options_.lock_retries.empty()) o.lock_retries = options_.lock_retries;
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
    spdlog::set_level(level_of(config_->log_level, options_.quiet));
  }
  return *config_;
}

const script::Project& Context::project(bool may_be_new) {
  if (!project_) project_ = std::make_unique<script::Project>(config(), compiled_revisions(), may_be_new);
  return *project_;
}

void Context::debug(const std::string& line) const { spdlog::debug("{}", config::redact(line)); }

void Context::info(const std::string& line) const { spdlog::info("{}", config::redact(line)); }

void Context::warn_unported() const {
  if (project_ && !project_->unported_python().empty())
    spdlog::warn("warning: {}", config::redact(script::unported_notice(project_->unported_python())));
}

void Context::print(const std::string& line) const { std::cout << config::redact(line) << '\n'; }

}  // namespace migrate::cli
