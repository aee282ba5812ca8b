// How a run shows itself: Alembic's "Running upgrade a -> b, message" lines with a timing
// per step on stderr, and the steps as JSON.
#pragma once
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

class StepPrinter final : public runtime::StepObserver {
 public:
  explicit StepPrinter(const Context& ctx);
  void planned(size_t steps) override { total_ = steps; }
  void started(const graph::Step& step, const std::string& message) override;
  void statement(const std::string& sql) override;
  void finished(const runtime::StepReport& report) override;
  void note(const std::string& line) override;

 private:
  const Context& ctx_;
  bool counter_;     // "[3/40]" before each step, on a terminal
  size_t total_ = 0;
  size_t done_ = 0;
};

nlohmann::json to_json(const runtime::RunResult& result);

// An offline run (--sql): the SQL straight to stdout, or with --format json the document
// carries it whole ("sql", the script as psql would run it) beside the steps.
void print_offline(Context& ctx, const char* command, const runtime::Request& request,
                   const std::vector<std::string>& start, StepPrinter& printer);

// "Upgraded <base> -> a1b2 (3 revisions, 0.04 s)" and friends.
std::string summary(const std::string& verb, const runtime::RunResult& result);

}  // namespace migrate::cli
