// prove_plan against a real server: a plan that reaches the models passes, a wrong one is
// named, by-hand items are allowed to remain, and a new enum label used in the transaction
// that adds it is refused as PostgreSQL refuses it.
#include <catch2/catch.hpp>

#include <algorithm>

#include <migrate/error.hpp>

#include "migrate/autogen/prove_plan.hpp"
#include "migrate/autogen/schema_names.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/session.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/schema/compare.hpp"
#include "support/test_db.hpp"

using namespace migrate;
using test_support::TestDatabase;

namespace {

// The database's schema `found` as found, and schema `wanted` read back as if it were `found`:
// both in the server's spelling, as compare_database has them.
struct Sides {
  schema::Catalog found, wanted;
};

Sides sides(const TestDatabase& db, const std::string& found_schema, const std::string& wanted_schema) {
  return {db.introspect({found_schema}),
          autogen::rename_schemas(db.introspect({wanted_schema}), {{wanted_schema, found_schema}})};
}

void prove(const TestDatabase& db, const Sides& s, const std::vector<Operation>& plan) {
  db::Session session(db.conninfo());
  session.sink().begin();
  session.sink().execute("SET LOCAL search_path TO public");
  autogen::prove_plan(session, s.found, s.wanted, plan);
}

std::string unproven_message(const TestDatabase& db, const Sides& s, const std::vector<Operation>& plan) {
  try {
    prove(db, s, plan);
  } catch (const UnprovenError& e) {
    CHECK(exit_code(e.kind()) == 7);
    return e.what();
  }
  return "(proven)";
}

}  // namespace

TEST_CASE("prove_plan: compare's plan converges, a wrong plan is named", "[integration][autogen][prove]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA s; CREATE TABLE s.t (id int PRIMARY KEY, name text);"
          "CREATE SCHEMA w; CREATE TABLE w.t (id int PRIMARY KEY, name varchar(20) NOT NULL, email text);"
          "CREATE INDEX ix_t_email ON w.t (email)");
  auto s = sides(db, "s", "w");
  auto plan = schema::compare(s.wanted, s.found);
  REQUIRE(plan.size() >= 3);
  CHECK_NOTHROW(prove(db, s, plan));

  // Leaving out the index: what remains is named, one line.
  auto short_plan = plan;
  short_plan.pop_back();
  auto message = unproven_message(db, s, short_plan);
  CHECK(message.find("does not reach the models") != std::string::npos);
  CHECK(message.find("1 difference remains: create index s.ix_t_email on s.t (email)") != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
  // No plan at all against real differences.
  CHECK(unproven_message(db, s, {}).find("differences remain") != std::string::npos);
  // Nothing was left behind: the proof ran in a transaction that was rolled back.
  CHECK(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_found_%'") == "0");
}

TEST_CASE("prove_plan: a statement that fails on the copy is reported", "[integration][autogen][prove]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA s; CREATE TABLE s.t (id int);"
          "CREATE SCHEMA w; CREATE TABLE w.t (id int)");
  auto s = sides(db, "s", "w");
  std::vector<Operation> wrong = {op::Execute{"ALTER TABLE s.missing ADD COLUMN x int", {}}};
  auto message = unproven_message(db, s, wrong);
  CHECK(message.find("fails on a copy of the database") != std::string::npos);
  // The server's message names the real schema, not the scratch one.
  CHECK(message.find("\"s.missing\" does not exist") != std::string::npos);
}

TEST_CASE("prove_plan: schemas that need quoting are copied and renamed", "[integration][autogen][prove]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA \"Sales\"; CREATE TABLE \"Sales\".\"Orders\" (id int PRIMARY KEY);"
          "CREATE TABLE \"Sales\".lines (id int, order_id int REFERENCES \"Sales\".\"Orders\" (id));"
          "CREATE SCHEMA w; CREATE TABLE w.\"Orders\" (id int PRIMARY KEY, note text);"
          "CREATE TABLE w.lines (id int, order_id int REFERENCES w.\"Orders\" (id) ON DELETE CASCADE)");
  auto s = sides(db, "Sales", "w");
  auto plan = schema::compare(s.wanted, s.found);
  REQUIRE(!plan.empty());
  CHECK_NOTHROW(prove(db, s, plan));
  CHECK(autogen::rename_in_sql("ALTER TABLE \"Sales\".\"Orders\" ADD x int", {{"Sales", "migrate_found_Sales"}}) ==
        "ALTER TABLE \"migrate_found_Sales\".\"Orders\" ADD x int");
  // A bare Sales. is the schema sales, not "Sales".
  CHECK(autogen::rename_in_sql("SELECT Sales.x", {{"Sales", "migrate_found_Sales"}}) == "SELECT Sales.x");
  CHECK(autogen::rename_in_sql("ALTER TABLE \"user\".t", {{"user", "migrate_found_user"}}) ==
        "ALTER TABLE migrate_found_user.t");
}

TEST_CASE("prove_plan: by-hand items may remain, nothing else", "[integration][autogen][prove]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA s; CREATE TABLE s.t (id int GENERATED ALWAYS AS IDENTITY, n int);"
          "CREATE SCHEMA w; CREATE TABLE w.t (id int NOT NULL, n bigint)");
  auto s = sides(db, "s", "w");
  auto plan = schema::compare(s.wanted, s.found);
  REQUIRE(std::count_if(plan.begin(), plan.end(),
                        [](const Operation& o) { return std::holds_alternative<op::Irreversible>(o); }) == 1);
  CHECK_NOTHROW(prove(db, s, plan));
  // Without the type change, the by-hand identity item does not cover what is left.
  std::vector<Operation> only_by_hand;
  for (const auto& o : plan)
    if (std::holds_alternative<op::Irreversible>(o)) only_by_hand.push_back(o);
  CHECK(unproven_message(db, s, only_by_hand).find("alter column s.t.n") != std::string::npos);
}

TEST_CASE("prove_plan: an enum label used in the transaction that adds it is refused", "[integration][autogen][prove]") {
  TestDatabase db;
  db.exec("CREATE SCHEMA s; CREATE TYPE s.status AS ENUM ('new'); CREATE TABLE s.t (st s.status);"
          "CREATE SCHEMA w; CREATE TYPE w.status AS ENUM ('new', 'paid');"
          "CREATE TABLE w.t (st w.status DEFAULT 'paid')");
  auto s = sides(db, "s", "w");
  auto plan = schema::compare(s.wanted, s.found);
  REQUIRE(std::holds_alternative<op::AddEnumValue>(plan.front()));
  auto message = unproven_message(db, s, plan);
  CHECK(message.find("unsafe use of new value") != std::string::npos);
  CHECK(message.find("label 'paid' of s.status") != std::string::npos);

  // The rule is PostgreSQL's: the same plan in one transaction on the real schema fails so.
  auto connection = db::connect(db.conninfo());
  pqxx::work tx(*connection);
  std::string error;
  try {
    for (const auto& o : plan)
      for (const auto& sql : ops::render_sql(o)) tx.exec(sql);
  } catch (const std::exception& e) {
    error = e.what();
  }
  CHECK(error.find("unsafe use of new value") != std::string::npos);

  // In an autocommit block the label is committed before it is used: proven.
  std::vector<Operation> blocked = {op::BeginAutocommit{}, plan.front(), op::EndAutocommit{}};
  blocked.insert(blocked.end(), plan.begin() + 1, plan.end());
  CHECK_NOTHROW(prove(db, s, blocked));
}
