// Every operation applied to a real PostgreSQL 15, then its reverse: the schema must come back byte for byte.
#include <catch2/catch.hpp>

#include <sstream>

#include <migrate/ops.hpp>

#include "migrate/ops/render_sql.hpp"
#include "migrate/ops/reverse.hpp"
#include "roundtrip/every_operation.hpp"
#include "support/run_binary.hpp"
#include "support/test_db.hpp"

using test_support::TestDatabase;

namespace {

// Each statement on its own autocommit round trip, as the online runner does inside an
// autocommit block (CONCURRENTLY refuses a transaction).
void apply_all(const TestDatabase& db, const std::vector<migrate::Operation>& operations) {
  for (const auto& o : operations)
    for (const auto& statement : migrate::ops::render_sql(o)) {
      INFO(statement);
      REQUIRE_NOTHROW(db.exec(statement));
    }
}

// The whole database's schema, which must hold what the template gave it.
std::string schema_dump(const TestDatabase& db) {
  std::string out = db.schema_dump();
  REQUIRE(out.find("CREATE FUNCTION public.uuid_generate_v7") != std::string::npos);
  return out;
}

// The first line where two dumps part, so a failure names the object left behind.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream ia(a), ib(b);
  std::string la, lb;
  while (true) {
    bool more_a = static_cast<bool>(std::getline(ia, la)), more_b = static_cast<bool>(std::getline(ib, lb));
    if (!more_a && !more_b) return "";
    if (!more_a || !more_b || la != lb) return "before: " + (more_a ? la : "<end>") + "\nafter:  " + (more_b ? lb : "<end>");
  }
}

}  // namespace

TEST_CASE("every reversible operation applies, and its reverse restores pg_dump -s exactly", "[ops][reverse]") {
  TestDatabase db;
  const std::string before = schema_dump(db);

  migrate::Ops op;
  every_operation::reversible(op);
  const auto& ops = op.operations();
  REQUIRE(migrate::ops::reversible(ops));

  // The schema before each operation: undoing that one operation must give it back, so a
  // wrong inverse is caught where it happens, not hidden by a later DROP TABLE.
  std::vector<std::string> dump_before(ops.size());
  for (size_t i = 0; i < ops.size(); ++i) {
    // Three operations leave traces PostgreSQL itself keeps, so only the final dump judges them:
    // validate_constraint (a constraint cannot be made NOT VALID again), and attach/detach
    // partition (a detached table keeps the index and foreign key clones that attaching gave
    // it, and DETACH CONCURRENTLY adds a CHECK copy of the bound).
    bool checked = !migrate::ops::render_sql(ops[i]).empty() &&
                   !std::holds_alternative<migrate::op::ValidateConstraint>(ops[i]) &&
                   !std::holds_alternative<migrate::op::AttachPartition>(ops[i]) &&
                   !std::holds_alternative<migrate::op::DetachPartition>(ops[i]);
    if (checked) dump_before[i] = schema_dump(db);
    apply_all(db, {ops[i]});
  }
  const std::string during = schema_dump(db);
  CHECK(during != before);
  // Spot checks that the statements did what they say, beyond "PostgreSQL accepted them".
  CHECK(db.rows("SELECT enum_range(NULL::ecommerce.order_status)::text") == "{new,paid,sent}");
  CHECK(db.scalar("SELECT count(*) FROM pg_type WHERE typname = 'Colour''s'") == "0");
  CHECK(db.rows("SELECT column_name, is_nullable, column_default FROM information_schema.columns "
                "WHERE table_schema = 'ecommerce' AND table_name = 'Line Items' ORDER BY ordinal_position") ==
        "select|YES|NULL\nGröße|YES|NULL\nQuoted|NO|NULL\norder|YES|NULL\nproduct_id|YES|0\nnote|NO|NULL");
  CHECK(db.scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                  "'ecommerce.\"Line Items\"'::regclass AND attname = 'order'") == "numeric(14,4)");
  CHECK(db.scalar("SELECT col_description(attrelid, attnum) FROM pg_attribute WHERE "
                  "attrelid = 'ecommerce.\"Line Items\"'::regclass AND attname = 'product_id'") == "Which product.");
  CHECK(db.scalar("SELECT obj_description('audit.log'::regclass)") == "It's a log: \\ and ✓.");
  CHECK(db.scalar("SELECT obj_description('ecommerce.products'::regclass)") == "NULL");
  CHECK(db.scalar("SELECT convalidated FROM pg_constraint WHERE conname = 'ck_lines_order'") == "t");
  CHECK(db.scalar("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_lines_product'") == "f");
  CHECK(db.rows("SELECT code, name, minor_units, active, rate FROM ecommerce.currencies ORDER BY code") ==
        "CHF|Franc's|2|t|0.9375\nEUR|Euro|2|t|1\nJPY|Yen — 円|0|f|157.25\nXAU|Gold (troy ounce)|NULL|NULL|NULL");
  CHECK(db.rows("SELECT relname FROM pg_class WHERE relname IN ('scratch', 'scratch_seq', 'ix_scratch')") == "");
  CHECK(db.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'orders_2027'") ==
        "FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2028-01-01 00:00:00+00')");
  CHECK(db.scalar("SELECT indexdef FROM pg_indexes WHERE indexname = 'Ix Lines \"Order\"'") ==
        "CREATE INDEX \"Ix Lines \"\"Order\"\"\" ON ecommerce.\"Line Items\" USING btree (\"order\", \"Größe\")");

  for (size_t i = ops.size(); i-- > 0;) {
    auto undo = migrate::ops::reverse(ops[i]);
    apply_all(db, undo);
    if (dump_before[i].empty()) continue;
    INFO("undoing: " << migrate::ops::render_sql(ops[i]).front());
    CHECK(first_difference(dump_before[i], schema_dump(db)) == "");
  }
  CHECK(first_difference(before, schema_dump(db)) == "");
}

TEST_CASE("the reverse of bulk_insert deletes exactly the inserted rows", "[ops][reverse]") {
  TestDatabase db;
  db.exec("CREATE TABLE t (k text, n int, b boolean, d double precision)");
  db.exec("INSERT INTO t VALUES ('keep', 1, true, 1.5), ('keep', NULL, NULL, NULL)");
  migrate::Ops op;
  op.bulk_insert("t", {"k", "n", "b", "d"}, {{"it's", 1, true, 1.5}, {"x", nullptr, nullptr, nullptr}, {"✓", -7, false, 0.1}});
  apply_all(db, op.operations());
  CHECK(db.scalar("SELECT count(*) FROM t") == "5");
  apply_all(db, migrate::ops::reverse(op.operations()));
  CHECK(db.rows("SELECT k, n, b, d FROM t ORDER BY n NULLS LAST") == "keep|1|t|1.5\nkeep|NULL|NULL|NULL");
}

TEST_CASE("operations without an inverse apply, and their reverse fails loudly with the reason", "[ops][reverse]") {
  TestDatabase db;
  migrate::Ops op;
  every_operation::reversible(op);
  every_operation::irreversible(op);
  // op.irreversible() is a deliberate failure; everything else applies.
  std::vector<migrate::Operation> forward;
  for (const auto& o : op.operations())
    if (!std::holds_alternative<migrate::op::Irreversible>(o)) forward.push_back(o);
  CHECK(forward.size() + 1 == op.operations().size());
  apply_all(db, forward);
  CHECK(db.rows("SELECT enum_range(NULL::ecommerce.state)::text") == "{a,b,c,d,e}");
  CHECK(db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'raw'") == "0");
  CHECK(db.scalar("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'ecommerce.orders_2027'::regclass") == "0");

  std::vector<migrate::Operation> irreversible;
  for (const auto& r : migrate::ops::reverse(op.operations()))
    if (std::holds_alternative<migrate::op::Irreversible>(r)) irreversible.push_back(r);
  // One per operation of every_operation::irreversible() but the create_enum, which reverses.
  CHECK(irreversible.size() == 13);
  for (const auto& r : irreversible) {
    auto statements = migrate::ops::render_sql(r);
    REQUIRE(statements.size() == 1);
    CHECK_THROWS_WITH(db.exec(statements.front()), Catch::Contains("this step cannot be reversed"));
  }
}
