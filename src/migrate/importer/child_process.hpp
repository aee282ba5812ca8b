// Running another program without a shell: its output, its exit status.
#pragma once
#include <string>
#include <vector>

namespace migrate::importer {

struct ProcessResult {
  int exit_code = -1;  // 128 + the signal when one ended it
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up on PATH) with the arguments as given, in `cwd`; throws
// ConfigError when it cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd);

// The absolute path of `program` on PATH, or "" when it is not there.
std::string find_on_path(const std::string& program);

}  // namespace migrate::importer
