// Loading config and project once per command; the output channels.
#include "cli/context.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>

#include <migrate/compiled_project.hpp>
#include <migrate/error.hpp>
#include <migrate/revision.hpp>

#include "cli/colour.hpp"
#include "migrate/config/lookup.hpp"
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

// Messages are whole lines of their own, without spdlog's stamp; warnings and errors are
// coloured as colour::err decides.
class StderrSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string text(msg.payload.data(), msg.payload.size());
    if (msg.level == spdlog::level::warn) text = colour::err(colour::Style::Yellow, text);
    else if (msg.level >= spdlog::level::err) text = colour::err(colour::Style::Red, text);
    std::fputs((text + '\n').c_str(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

Context::Context(const GlobalOptions& options) : options_(options) {
  auto logger = std::make_shared<spdlog::logger>("migrate", std::make_shared<StderrSink>());
  logger->set_level(level_of(options_.log_level, options_.quiet));
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
    std::string file = options_.config_file;
    std::optional<std::string> found;
    if (file.empty()) found = config::find_config_file(".");
    if (file.empty() && !found) {
      // A binary that carries its project (copied into an empty folder, an image) needs no
      // file: the defaults and its own folder here. The generic tool has nothing to go on.
      const auto& projects = compiled_projects();
      const std::string here = std::filesystem::current_path().string();
      if (projects.empty())
        throw ConfigError(fmt::format("no migrate.ini (or alembic.ini) in {} or any folder above it; give one with -c",
                                      here));
      config_ = config::defaults(here, projects.front().version_folder, o);
      debug(fmt::format("no migrate.ini (or alembic.ini) here or above: the defaults, and this binary's own {}",
                       projects.front().version_folder));
    } else {
      config_ = config::load(file.empty() ? *found : file, o);
    }
    spdlog::set_level(level_of(options_.log_level.empty() ? config_->log_level : options_.log_level, options_.quiet));
    for (const auto& w : config_->warnings) warn("warning: " + w);
  }
  return *config_;
}

const script::Project& Context::project(bool may_be_new) {
  if (!project_) project_ = std::make_unique<script::Project>(config(), compiled_revisions(), may_be_new);
  return *project_;
}

const script::Project& Context::project_to_read() {
  if (!project_) {
    project_ = std::make_unique<script::Project>(config(), compiled_revisions(), false, script::Project::Use::Read);
    for (const auto& file : project_->unbuilt())
      warn(fmt::format("warning: {} is not compiled into this binary, so this answer leaves it out: {}", file,
                       rebuild_advice()));
  }
  return *project_;
}

void Context::debug(const std::string& line) const { spdlog::debug("{}", config::redact(line)); }

void Context::info(const std::string& line) const { spdlog::info("{}", config::redact(line)); }

void Context::warn(const std::string& line) const { spdlog::warn("{}", config::redact(line)); }

void Context::warn_unported() const {
  if (project_ && !project_->unported_python().empty())
    warn("warning: " + script::unported_notice(project_->unported_python()));
}

void Context::print(const std::string& line) const { std::cout << config::redact(line) << '\n'; }

}  // namespace migrate::cli
