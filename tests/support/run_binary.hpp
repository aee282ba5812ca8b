// Runs the built `migrate` binary as a user would, capturing stdout, stderr and exit code.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace test_support {

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `migrate args...` in `cwd` with extra environment variables (value "" unsets one).
Result run_migrate(const std::vector<std::string>& args, const std::string& cwd = ".",
                   const std::map<std::string, std::string>& env = {});

// Runs any program the same way (for psql, just, scripts).
Result run_program(const std::vector<std::string>& argv, const std::string& cwd = ".",
                   const std::map<std::string, std::string>& env = {},
                   const std::string& stdin_text = "");

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  void write(const std::string& relative, const std::string& text) const;
  std::string read(const std::string& relative) const;

 private:
  std::string path_;
};

}  // namespace test_support
