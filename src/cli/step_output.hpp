// How a run shows itself: Alembic's "Running upgrade a -> b, message" lines with a timing
// per step on stderr, and the steps as JSON.
#pragma once
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "migrate/runtime/run.hpp"

namespace migrate::cli {

class StepPrinter final : public runtime::StepObserver {
 public:
  explicit StepPrinter(const Context& ctx) : ctx_(ctx) {}
  void started(const graph::Step& step, const std::string& message) override;
  void finished(const runtime::StepReport& report) override;

 private:
  const Context& ctx_;
};

nlohmann::json to_json(const runtime::RunResult& result);

// "Upgraded <base> -> a1b2 (3 revisions, 0.04 s)" and friends.
std::string summary(const std::string& verb, const runtime::RunResult& result);

}  // namespace migrate::cli
