// What every command gets: the global options, and lazily the config and the project.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "migrate/config/config.hpp"
#include "migrate/script/project.hpp"

namespace migrate::cli {

struct GlobalOptions {
  std::string config_file;            // -c; empty: found upward from the current folder
  std::string name;                   // -n: ini section
  std::string url;                    // --url
  std::vector<std::string> x;         // -x key=value
  bool raiseerr = false;
  bool quiet = false;
  std::string format = "text";        // text | json
  std::string log_level;              // --log-level; empty: the ini's log_level
  std::string color = "auto";         // --color: auto | always | never
  // Lock-safe DDL overrides of the ini (empty: the ini's value).
  std::string statement_lock_timeout, statement_timeout, lock_retries;
};

class Context {
 public:
  // Sets up the log (spdlog, stderr): -q silences progress; --log-level, else the ini's
  // log_level once the config is read, sets the level.
  explicit Context(const GlobalOptions& options);

  const GlobalOptions& options() const { return options_; }
  bool json() const { return options_.format == "json"; }

  const config::Config& config();       // loads on first use
  // Loads and validates on first use. `may_be_new`: no version location yet is fine (the
  // command writes the first revision).
  const script::Project& project(bool may_be_new = false);
  // For a command that only reads (current, heads, branches, history, show): a .cpp revision
  // not compiled in is left out with a one-line warning on stderr instead of refusing.
  const script::Project& project_to_read();

  // Progress and logs: stderr, redacted; -q or log_level=warning silence info, and
  // log_level=debug adds every statement a run sends.
  void debug(const std::string& line) const;
  void info(const std::string& line) const;
  void warn(const std::string& line) const;  // yellow on a terminal

  // After a command that answered: one stderr line when the project it read has Alembic .py
  // revisions migrate does not run (a command that writes refused them already).
  void warn_unported() const;

  // The command's answer: text lines to stdout, or fields of the one JSON document.
  void print(const std::string& line) const;
  nlohmann::json& document() { return document_; }

 private:
  GlobalOptions options_;
  std::optional<config::Config> config_;
  std::unique_ptr<script::Project> project_;
  nlohmann::json document_ = nlohmann::json::object();
};

}  // namespace migrate::cli
