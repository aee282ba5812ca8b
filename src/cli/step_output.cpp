// Progress lines and JSON for upgrade, downgrade and their relatives.
#include "cli/step_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

namespace migrate::cli {

StepPrinter::StepPrinter(const Context& ctx) : ctx_(ctx), counter_(isatty(STDERR_FILENO) != 0) {}

void StepPrinter::started(const graph::Step& step, const std::string& message) {
  std::string line = "Running " + runtime::describe_step(step) + (message.empty() ? "" : ", " + message);
  if (counter_ && total_ > 1) line = fmt::format("[{}/{}] {}", done_ + 1, total_, line);
  ctx_.info(line);
}

void StepPrinter::statement(const std::string& sql) { ctx_.debug(sql + ";"); }

void StepPrinter::finished(const runtime::StepReport& report) {
  ++done_;
  ctx_.info(fmt::format("  done in {:.1f} ms", report.seconds * 1000));
}

void StepPrinter::note(const std::string& line) { ctx_.info(line); }

nlohmann::json to_json(const runtime::RunResult& result) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& r : result.steps) {
    steps.push_back({{"revision", r.step.revision},
                     {"direction", r.step.direction == graph::Direction::Up ? "upgrade" : "downgrade"},
                     {"from", r.step.from},
                     {"to", r.step.to},
                     {"message", r.message},
                     {"seconds", r.seconds}});
  }
  return {{"before", result.before}, {"after", result.after}, {"steps", steps}};
}

void print_offline(Context& ctx, const char* command, const runtime::Request& request,
                   const std::vector<std::string>& start, StepPrinter& printer) {
  if (!ctx.json()) {
    runtime::run_offline(ctx.project(), request, start, std::cout, printer);
    return;
  }
  std::ostringstream sql;
  auto result = runtime::run_offline(ctx.project(), request, start, sql, printer);
  ctx.document() = to_json(result);
  ctx.document()["command"] = command;
  ctx.document()["sql"] = sql.str();
}

std::string summary(const std::string& verb, const runtime::RunResult& result) {
  double total = 0;
  for (const auto& r : result.steps) total += r.seconds;
  if (result.steps.empty()) return fmt::format("Nothing to do: database is at {}", runtime::heads_text(result.after));
  return fmt::format("{} {} -> {} ({} revision{}, {:.1f} ms)", verb, runtime::heads_text(result.before),
                     runtime::heads_text(result.after), result.steps.size(), result.steps.size() == 1 ? "" : "s",
                     total * 1000);
}

}  // namespace migrate::cli
