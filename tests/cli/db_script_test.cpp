// scripts/db.sh as a developer uses it: up, test, down, reset on a local cluster of its own.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dev_database.hpp"

namespace {

using test_support::Result;

// A password unlike every other word in the output, so finding it means it leaked. The
// URL carries it percent-encoded; the role gets it decoded. Neither form may appear.
constexpr const char* password_plain = "Db-Scr1pt/Secret";
constexpr const char* password_in_url = "Db-Scr1pt%2FSecret";

// scripts/db.sh on a dev database of its own, keeping everything it printed.
class DbScript {
 public:
  Result run(const std::vector<std::string>& args, const std::map<std::string, std::string>& overrides = {}) {
    auto r = db_.db_sh(args, overrides);
    outputs_ += r.out + r.err;
    return r;
  }
  const std::string& port() const { return db_.port(); }
  std::string db_dir() const { return db_.db_dir(); }
  // Everything every command printed so far.
  const std::string& outputs() const { return outputs_; }

 private:
  cli_test::DevDatabase db_{password_in_url};
  std::string outputs_;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("db.sh creates, checks, stops and resets a local dev database", "[cli][db-script]") {
  DbScript db;
  const std::string masked = "postgresql://migrate:***@127.0.0.1:" + db.port() + "/ecommerce";

  auto up = db.run({"up"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  CHECK(contains(up.err, "up at " + masked));
  CHECK(std::filesystem::exists(db.db_dir() + "/data/PG_VERSION"));
  CHECK(std::filesystem::exists(db.db_dir() + "/server.log"));

  auto again = db.run({"up"});  // already up: nothing to create or start
  CHECK(again.exit_code == 0);
  CHECK(again.err == "db: up at " + masked + "\n");

  auto test = db.run({"test"});
  INFO(test.out << test.err);
  REQUIRE(test.exit_code == 0);
  CHECK(contains(test.out, "PostgreSQL 15"));
  CHECK(contains(test.out, "uuid-ossp pgcrypto btree_gin"));
  CHECK(contains(test.out, "ecommerce audit archive"));

  auto url = db.run({"url"});
  CHECK(url.exit_code == 0);
  CHECK(url.out == masked + "\n");

  // A missing extension fails the check, naming what is missing.
  auto drop = db.run({"psql", "-X", "-q", "-c", "DROP EXTENSION btree_gin"});
  REQUIRE(drop.exit_code == 0);
  auto broken = db.run({"test"});
  CHECK(broken.exit_code != 0);
  CHECK(contains(broken.err, "extension btree_gin"));

  auto down = db.run({"down"});
  CHECK(down.exit_code == 0);
  CHECK(std::filesystem::exists(db.db_dir() + "/data/PG_VERSION"));  // data kept
  auto unreachable = db.run({"test"});
  CHECK(unreachable.exit_code != 0);
  CHECK(contains(unreachable.err, "cannot connect to " + masked));
  CHECK(db.run({"down"}).exit_code == 0);  // down when already down

  // reset recreates from nothing, whether the server runs or not: the extension is back.
  auto reset = db.run({"reset"});
  INFO(reset.err);
  CHECK(reset.exit_code == 0);
  CHECK(contains(reset.err, "creating"));
  auto fixed = db.run({"test"});
  CHECK(fixed.exit_code == 0);
  CHECK(contains(fixed.out, "ok"));

  auto logs = db.run({"logs"});
  CHECK(logs.exit_code == 0);
  CHECK(contains(logs.out, "ready to accept connections"));

  CHECK_FALSE(contains(db.outputs(), password_plain));
  CHECK_FALSE(contains(db.outputs(), password_in_url));
}

TEST_CASE("db.sh reads the port override and rejects unknown commands", "[cli][db-script]") {
  DbScript db;
  // Neither needs a server.
  auto url = db.run({"url"}, {{"MIGRATE_DB_PORT", "54444"}});
  CHECK(url.exit_code == 0);
  CHECK(url.out == "postgresql://migrate:***@127.0.0.1:54444/ecommerce\n");

  auto unknown = db.run({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(contains(unknown.err, "unknown command 'frobnicate'"));

  CHECK_FALSE(contains(db.outputs(), password_plain));
  CHECK_FALSE(contains(db.outputs(), password_in_url));
}
