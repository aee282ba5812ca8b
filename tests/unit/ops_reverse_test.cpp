// reverse(): which operations undo which, what alter_column restores, and where it refuses.
#include <catch2/catch.hpp>

#include <migrate/ops.hpp>

#include "migrate/ops/render_sql.hpp"
#include "migrate/ops/reverse.hpp"

using namespace migrate;

namespace {

std::vector<std::string> sql_of(const std::vector<Operation>& operations) {
  std::vector<std::string> out;
  for (const auto& o : operations)
    for (auto& s : ops::render_sql(o)) out.push_back(std::move(s));
  return out;
}

std::vector<std::string> reverse_sql(const Ops& op) { return sql_of(ops::reverse(op.operations())); }

std::string irreversible_reason(const std::vector<Operation>& operations) {
  REQUIRE(operations.size() == 1);
  const auto* i = std::get_if<op::Irreversible>(&operations.front());
  REQUIRE(i != nullptr);
  return i->reason;
}

}  // namespace

TEST_CASE("creates reverse to drops that carry the definition, and back", "[ops][reverse]") {
  Ops op;
  op.create_table({"ecommerce", "products"}, {Column("id", Integer()).primary_key()}, {.comment = "x"});
  op.add_column({"ecommerce", "products"}, Column("sku", String(10)).not_null().server_default("''"));
  op.create_index("ix_sku", {"ecommerce", "products"}, {"sku"}, {.unique = true});
  op.create_unique_constraint("uq_sku", {"ecommerce", "products"}, {"sku"});
  op.create_enum({"ecommerce", "state"}, {"a", "b"});
  op.create_sequence({"ecommerce", "seq"}, {.start = 5});
  CHECK(reverse_sql(op) == std::vector<std::string>{
                               "DROP SEQUENCE ecommerce.seq",
                               "DROP TYPE ecommerce.state",
                               "ALTER TABLE ecommerce.products DROP CONSTRAINT uq_sku",
                               "DROP INDEX ecommerce.ix_sku",
                               "ALTER TABLE ecommerce.products DROP COLUMN sku",
                               "DROP TABLE ecommerce.products"});
  // Reversing the reverse gives back the original operations, value for value.
  auto twice = ops::reverse(ops::reverse(op.operations()));
  CHECK(twice == op.operations());
}

TEST_CASE("renames, partitions, comments and enum values swap back", "[ops][reverse]") {
  Ops op;
  op.rename_table({"ecommerce", "order"}, "orders");
  op.rename_enum_value({"ecommerce", "state"}, "new", "created");
  op.create_partition({"s", "p1"}, {"s", "p"}, PartitionBound::list({"1"}));
  op.attach_partition({"s", "p"}, {"s", "p2"}, PartitionBound::list({"2"}));
  op.detach_partition({"s", "p"}, {"s", "p3"}, {.bound = PartitionBound::list({"3"})});
  op.create_table_comment("t", "new", {.existing_comment = "old"});
  op.create_table_comment("u", "first");
  op.drop_table_comment("v", {.existing_comment = "was"});
  CHECK(reverse_sql(op) == std::vector<std::string>{
                               "COMMENT ON TABLE v IS 'was'",
                               "COMMENT ON TABLE u IS NULL",
                               "COMMENT ON TABLE t IS 'old'",
                               "ALTER TABLE s.p ATTACH PARTITION s.p3 FOR VALUES IN (3)",
                               "ALTER TABLE s.p DETACH PARTITION s.p2",
                               "DROP TABLE s.p1",
                               "ALTER TYPE ecommerce.state RENAME VALUE 'created' TO 'new'",
                               "ALTER TABLE ecommerce.orders RENAME TO \"order\""});
}

TEST_CASE("alter_column reverses to its existing_* values", "[ops][reverse]") {
  const QualifiedName t{"s", "t"};
  Ops op;
  op.alter_column(t, "a", {.type = BigInteger(), .using_expr = "a::bigint", .existing_type = Integer()});
  op.alter_column(t, "b", {.nullable = false});
  op.alter_column(t, "c", {.nullable = true, .existing_nullable = false});
  op.alter_column(t, "d", {.server_default = "1"});
  op.alter_column(t, "e", {.server_default = "2", .existing_server_default = "1"});
  op.alter_column(t, "f", {.drop_server_default = true, .existing_server_default = "now()"});
  op.alter_column(t, "g", {.comment = "new", .existing_comment = "old"});
  op.alter_column(t, "h", {.drop_comment = true, .existing_comment = "old"});
  op.alter_column(t, "i", {.nullable = false, .comment = "c", .new_name = "Renamed"});
  CHECK(reverse_sql(op) ==
        std::vector<std::string>{
            // The rename is undone on the new name, and the other changes follow it back.
            "ALTER TABLE s.t ALTER COLUMN \"Renamed\" DROP NOT NULL",
            "COMMENT ON COLUMN s.t.\"Renamed\" IS NULL",
            "ALTER TABLE s.t RENAME COLUMN \"Renamed\" TO i",
            "COMMENT ON COLUMN s.t.h IS 'old'",
            "COMMENT ON COLUMN s.t.g IS 'old'",
            "ALTER TABLE s.t ALTER COLUMN f SET DEFAULT now()",
            "ALTER TABLE s.t ALTER COLUMN e SET DEFAULT 1",
            "ALTER TABLE s.t ALTER COLUMN d DROP DEFAULT",
            "ALTER TABLE s.t ALTER COLUMN c SET NOT NULL",
            "ALTER TABLE s.t ALTER COLUMN b DROP NOT NULL",
            "ALTER TABLE s.t ALTER COLUMN a TYPE INTEGER"});
  CHECK(ops::reverse(ops::reverse(op.operations()))[0] ==
        Operation(op::AlterColumn{t, "a", {.type = BigInteger(), .existing_type = Integer()}}));
}

TEST_CASE("bulk_insert reverses to a DELETE of exactly its rows", "[ops][reverse]") {
  Ops op;
  op.bulk_insert({"ecommerce", "currencies"}, {"code", "Name"}, {{"EUR", "Euro"}, {"XAU", nullptr}});
  CHECK(reverse_sql(op) == std::vector<std::string>{"DELETE FROM ecommerce.currencies WHERE (code = 'EUR' AND "
                                                    "\"Name\" = 'Euro')\n   OR (code = 'XAU' AND \"Name\" IS NULL)"});
  Ops with_expression;
  with_expression.bulk_insert("t", {"at"}, {{text("now()")}});
  CHECK_THAT(irreversible_reason(ops::reverse(with_expression.operations())), Catch::Contains("SQL expressions"));
}

TEST_CASE("operations that do not carry their inverse refuse with a reason", "[ops][reverse]") {
  Ops op;
  op.execute("DELETE FROM t");
  op.drop_table({"ecommerce", "products"});
  op.drop_column("t", "c");
  op.drop_index("ix", {.schema = "s"});
  op.drop_constraint("ck", "t");
  op.drop_enum("e");
  op.drop_sequence("s");
  op.detach_partition("p", "c");
  op.add_enum_value("e", "v");
  op.alter_column("t", "c", {.type = Text()});
  op.create_index("", "t", {"a"});
  op.create_check_constraint("", "t", "a > 0");
  op.irreversible("because");
  std::vector<std::string> reasons;
  for (const auto& o : op.operations()) reasons.push_back(irreversible_reason(ops::reverse(o)));
  CHECK_THAT(reasons[0], Catch::Contains("raw SQL") && Catch::Contains("DELETE FROM t"));
  CHECK_THAT(reasons[1], Catch::Contains("drop_table(ecommerce.products)") && Catch::Contains("definition"));
  CHECK_THAT(reasons[2], Catch::Contains("drop_column(t, c)"));
  CHECK_THAT(reasons[3], Catch::Contains("drop_index(s.ix)"));
  CHECK_THAT(reasons[4], Catch::Contains("drop_constraint(ck, t)"));
  CHECK_THAT(reasons[5], Catch::Contains("drop_enum(e)"));
  CHECK_THAT(reasons[6], Catch::Contains("drop_sequence(s)"));
  CHECK_THAT(reasons[7], Catch::Contains("bound"));
  CHECK_THAT(reasons[8], Catch::Contains("cannot remove the value 'v'"));
  CHECK_THAT(reasons[9], Catch::Contains("existing_type"));
  CHECK_THAT(reasons[10], Catch::Contains("no index name"));
  CHECK_THAT(reasons[11], Catch::Contains("without a name"));
  CHECK(reasons[12] == "because");
  CHECK_FALSE(ops::reversible(op.operations()));
}

TEST_CASE("validate_constraint reverses to nothing, and autocommit blocks stay around their content", "[ops][reverse]") {
  Ops op;
  op.validate_constraint("ck", "t");
  CHECK(ops::reverse(op.operations()).empty());
  CHECK(ops::reversible(op.operations()));

  Ops block;
  block.create_table("t", {Column("a", Integer())});
  block.create_index("ix_a", "t", {"a"}, {}, {.concurrently = true});
  auto back = ops::reverse(block.operations());
  REQUIRE(back.size() == 4);
  CHECK(std::holds_alternative<op::BeginAutocommit>(back[0]));
  CHECK(ops::render_sql(back[1]) == std::vector<std::string>{"DROP INDEX CONCURRENTLY ix_a"});
  CHECK(std::holds_alternative<op::EndAutocommit>(back[2]));
  CHECK(ops::render_sql(back[3]) == std::vector<std::string>{"DROP TABLE t"});
}
