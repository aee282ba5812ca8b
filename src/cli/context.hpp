// What every command gets: the global options, and lazily the config and the project.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "migrate/config/config.hpp"
#include "migrate/runtime/project.hpp"

namespace migrate::cli {

struct GlobalOptions {
  std::string config_file = "migrate.ini";
  bool config_given = false;          // -c was on the command line
  std::string name;                   // -n: ini section
  std::string url;                    // --url
  std::vector<std::string> x;         // -x key=value
  bool raiseerr = false;
  bool quiet = false;
  std::string format = "text";        // text | json
};

class Context {
 public:
  explicit Context(const GlobalOptions& options) : options_(options) {}

  const GlobalOptions& options() const { return options_; }
  bool json() const { return options_.format == "json"; }

  const config::Config& config();       // loads on first use
  void set_tag(std::string tag) { tag_ = std::move(tag); }
  const runtime::Project& project();    // loads and validates on first use

  // Progress and logs: stderr, redacted; -q or log_level=warning silence info, and
  // log_level=debug adds every statement a run sends.
  void debug(const std::string& line) const;
  void info(const std::string& line) const;
  void warn(const std::string& line) const;

  // The command's answer: text lines to stdout, or fields of the one JSON document.
  void print(const std::string& line) const;
  nlohmann::json& document() { return document_; }

 private:
  GlobalOptions options_;
  std::string tag_;
  std::optional<config::Config> config_;
  std::unique_ptr<runtime::Project> project_;
  nlohmann::json document_ = nlohmann::json::object();
};

}  // namespace migrate::cli
