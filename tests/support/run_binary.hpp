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

// A program started and not yet waited for: a test signals it mid-run. Killed and reaped
// if dropped without wait().
class Process {
 public:
  Process(int pid, int out_fd, int err_fd);
  ~Process();
  Process(Process&& other) noexcept;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  void signal(int sig) const;
  Result wait();  // its output and exit code (128 + the signal if one ended it)

 private:
  int pid_, out_fd_, err_fd_;
};

// Starts `migrate args...` (as run_migrate) or any program, returning at once.
Process start_migrate(const std::vector<std::string>& args, const std::string& cwd = ".",
                      const std::map<std::string, std::string>& env = {});
Process start_program(const std::vector<std::string>& argv, const std::string& cwd = ".",
                      const std::map<std::string, std::string>& env = {}, const std::string& stdin_text = "");

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
