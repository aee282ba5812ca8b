// A dev database of a test's own for scripts/db.sh and the just recipes: a local cluster
// (never Docker) in a temporary folder on a free port, never the developer's database.
#pragma once
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/run_binary.hpp"
#include "test_config.hpp"

namespace cli_test {

// A port nobody listens on right now: bind to port 0 and let the kernel choose.
inline int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("bind failed");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

class DevDatabase {
 public:
  // `password_in_url`: the URL's password as written (percent-encoded if need be).
  explicit DevDatabase(std::string password_in_url = "migrate")
      : port_(std::to_string(free_port())), password_(std::move(password_in_url)) {
    // mkdtemp makes a 0700 folder; the server runs as `postgres` and must get inside.
    namespace fs = std::filesystem;
    fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  }
  ~DevDatabase() {
    // Runs even when a REQUIRE throws: no cluster outlives the test.
    try {
      db_sh({"down"});
    } catch (...) {
    }
  }
  DevDatabase(const DevDatabase&) = delete;
  DevDatabase& operator=(const DevDatabase&) = delete;

  const std::string& port() const { return port_; }
  std::string db_dir() const { return dir_.path() + "/db"; }
  std::string url() const { return "postgresql://migrate:" + password_ + "@127.0.0.1:" + port_ + "/ecommerce"; }

  // What db.sh, the recipes and the binary they run read to find this database.
  std::map<std::string, std::string> env() const {
    return {
        {"DATABASE_URL", url()},
        {"MIGRATE_DB_DIR", db_dir()},
        {"MIGRATE_DB_PORT", ""},
        {"MIGRATE_DB_MODE", "local"},  // a Docker engine on the machine must not be used
        {"PGPASSWORD", ""},
        {"PGSERVICE", ""},
    };
  }

  // scripts/db.sh of the repository; `overrides` replace entries of env() ("" unsets one).
  test_support::Result db_sh(const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& overrides = {}) const {
    std::vector<std::string> argv{std::string(test_config::source_dir) + "/scripts/db.sh"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto environment = env();
    for (const auto& [k, v] : overrides) environment[k] = v;
    return test_support::run_program(argv, dir_.path(), environment);
  }

 private:
  test_support::TempDir dir_;
  std::string port_;
  std::string password_;
};

}  // namespace cli_test
