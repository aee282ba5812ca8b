// Shared by the fault tests: a seed a failure prints and a rerun takes back
// (MIGRATE_FAULT_SEED), how many rounds (MIGRATE_FAULT_ROUNDS, small by default so CI stays
// fast), and a project of many small revisions whose effects can be counted.
#pragma once
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <thread>

#include "cli/cli_project.hpp"

namespace fault_test {

inline unsigned seed() {
  static const unsigned value = [] {
    const char* given = std::getenv("MIGRATE_FAULT_SEED");
    unsigned s = given && *given ? static_cast<unsigned>(std::strtoul(given, nullptr, 10)) : std::random_device{}();
    std::cout << "fault tests: MIGRATE_FAULT_SEED=" << s << " (set it to repeat this run)\n";
    return s;
  }();
  return value;
}

inline int rounds(int fallback = 3) {
  const char* given = std::getenv("MIGRATE_FAULT_ROUNDS");
  return given && *given ? std::max(1, std::atoi(given)) : fallback;
}

inline std::string id(int k) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "r%011d", k);
  return buf;
}

// `count` revisions in a chain; revision k creates table t<k> and records itself in
// `applied`, whose rows then say how often each ran. The first creates `applied`.
// `sleep_ms`: each revision also sleeps, so a run takes long enough to be hit mid-way.
inline void write_chain(const cli_test::SqlProject& p, int count, int sleep_ms, int failing = 0) {
  for (int k = 1; k <= count; ++k) {
    std::string up = k == 1 ? "CREATE TABLE applied (revision text NOT NULL);\n" : "";
    up += "CREATE TABLE t" + std::to_string(k) + " (id int);\nINSERT INTO applied VALUES ('" + id(k) + "');\n";
    if (sleep_ms) up += "SELECT pg_sleep(" + std::to_string(sleep_ms / 1000.0) + ");\n";
    if (k == failing) up += "SELECT 1 / 0;\n";
    std::string down = "DROP TABLE t" + std::to_string(k) + ";" + (k == 1 ? "\nDROP TABLE applied;" : "");
    p.revision(id(k) + ".sql", id(k), k == 1 ? "" : id(k - 1), up, down, "step " + std::to_string(k));
  }
}

// How many of t1..t<count> exist, and whether they are exactly t1..t<n> (no gap).
inline int tables_present(const test_support::TestDatabase& db, int count) {
  return std::stoi(db.scalar("SELECT count(*) FROM generate_series(1, " + std::to_string(count) +
                             ") k WHERE to_regclass('t' || k) IS NOT NULL"));
}

// The chain position the version table holds: 0 for none.
inline int version_position(const test_support::TestDatabase& db) {
  if (db.scalar("SELECT to_regclass('alembic_version') IS NULL") == "t") return 0;
  std::string v = db.scalar("SELECT coalesce(max(version_num), '') FROM alembic_version");
  return v.empty() ? 0 : std::stoi(v.substr(1));
}

// Waits until no other session is connected to `db` (a killed client's backend ends when
// its statement does); false after 20 s.
inline bool sessions_gone(const test_support::TestDatabase& db) {
  for (int i = 0; i < 400; ++i) {
    if (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                  "pg_backend_pid()") == "0")
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace fault_test
