// render_cpp(): the C++ autogenerate writes, pinned for representative operations and hostile text.
#include <catch2/catch.hpp>

#include <migrate/ops.hpp>

#include "migrate/ops/render_cpp.hpp"
#include "migrate/ops/render_sql.hpp"

using namespace migrate;
using ops::cpp_string;
using ops::render_cpp;

TEST_CASE("C++ string literals escape what C++ would misread and keep UTF-8", "[ops][cpp]") {
  CHECK(cpp_string("plain") == "\"plain\"");
  CHECK(cpp_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(cpp_string("a\\b") == "\"a\\\\b\"");
  CHECK(cpp_string("line\nnext\ttab\r") == "\"line\\nnext\\ttab\\r\"");
  // An octal escape stops after three digits, so the digit that follows stays a digit.
  CHECK(cpp_string(std::string("\x01") + "7") == "\"\\0017\"");
  CHECK(cpp_string("größe ✓") == "\"größe ✓\"");
  CHECK(ops::cpp_strings({"a", "b\""}) == "{\"a\", \"b\\\"\"}");
}

TEST_CASE("types print as the factory call that builds them", "[ops][cpp]") {
  CHECK(String(100).cpp() == "String(100)");
  CHECK(String().cpp() == "String()");
  CHECK(Numeric(12, 2).cpp() == "Numeric(12, 2)");
  CHECK(Numeric(5).cpp() == "Numeric(5)");
  CHECK(Timestamp(true).cpp() == "Timestamp(true)");
  CHECK(Time().cpp() == "Time()");
  CHECK(Array(Array(Integer())).cpp() == "Array(Array(Integer()))");
  CHECK(Enum("st", {"a", "b"}, "s").cpp() == "Enum(\"st\", {\"a\", \"b\"}, \"s\")");
  CHECK(Type("int4range").cpp() == "Type(\"int4range\")");
  CHECK(Char(2).cpp() == "Char(2)");
}

TEST_CASE("create_table prints one element per line with only non-default options", "[ops][cpp]") {
  Ops op;
  op.create_table({"ecommerce", "products"},
                  {Column("id", UUID()).primary_key().server_default("uuid_generate_v7()"),
                   Column("sku", String(100)).unique().not_null(),
                   Column("n", BigInteger()).identity({.always = true}),
                   Column("Größe \"x\"", Text()).comment("it's"),
                   CheckConstraint{.expression = "n > 0", .name = "ck_n"}},
                  {.comment = "Products.", .partition_by = PartitionBy::hash({"id"})});
  CHECK(render_cpp(op.operations().front()) ==
        "op.create_table({\"ecommerce\", \"products\"}, {\n"
        "    Column(\"id\", UUID()).primary_key().server_default(\"uuid_generate_v7()\"),\n"
        "    Column(\"sku\", String(100)).not_null().unique(),\n"
        "    Column(\"n\", BigInteger()).identity({.always = true}),\n"
        "    Column(\"Größe \\\"x\\\"\", Text()).comment(\"it's\"),\n"
        "    CheckConstraint{.expression = \"n > 0\", .name = \"ck_n\"}}, "
        "{.comment = \"Products.\", .partition_by = PartitionBy::hash({\"id\"})});");
}

TEST_CASE("each operation prints as its op. call", "[ops][cpp]") {
  Ops op;
  op.add_column("t", Column("a", Integer()).references({"s", "u"}, "id", FkAction::Cascade));
  op.drop_column({"s", "t"}, "a", {.cascade = true});
  op.alter_column("t", "a", {.nullable = false, .type = BigInteger(), .using_expr = "a::bigint",
                             .existing_type = Integer()});
  op.create_index("ix", {"s", "t"}, {text("lower(a)"), "b"}, {.unique = true, .where = "b IS NOT NULL",
                                                             .method = IndexMethod::Hash});
  op.drop_index("ix", {.schema = "s", .if_exists = true});
  op.create_foreign_key("fk", "t", {"s", "u"}, {"u_id"}, {"id"}, {.on_delete = FkAction::Cascade, .not_valid = true});
  op.create_check_constraint("ck", "t", "a > 0");
  op.add_enum_value("e", "v", {.after = "u"});
  op.create_sequence("q", {.as = Integer(), .start = 3});
  op.bulk_insert("t", {"a", "b", "c"}, {{1, "x", nullptr}, {true, 2.5, text("now()")}});
  op.execute("SELECT $1", {std::nullopt});
  op.drop_table_comment("t");
  std::vector<std::string> printed;
  for (const auto& o : op.operations()) printed.push_back(render_cpp(o));
  CHECK(printed == std::vector<std::string>{
                       "op.add_column(\"t\", Column(\"a\", Integer()).references({.table = {\"s\", \"u\"}, "
                       ".column = \"id\", .options = {.on_delete = FkAction::Cascade}}));",
                       "op.drop_column({\"s\", \"t\"}, \"a\", {.cascade = true});",
                       "op.alter_column(\"t\", \"a\", {.nullable = false, .type = BigInteger(), "
                       ".using_expr = \"a::bigint\", .existing_type = Integer()});",
                       "op.create_index(\"ix\", {\"s\", \"t\"}, {text(\"lower(a)\"), \"b\"}, {.unique = true, "
                       ".where = \"b IS NOT NULL\", .method = IndexMethod::Hash});",
                       "op.drop_index(\"ix\", {.schema = \"s\", .if_exists = true});",
                       "op.create_foreign_key(\"fk\", \"t\", {\"s\", \"u\"}, {\"u_id\"}, {\"id\"}, "
                       "{.on_delete = FkAction::Cascade, .not_valid = true});",
                       "op.create_check_constraint(\"ck\", \"t\", \"a > 0\");",
                       "op.add_enum_value(\"e\", \"v\", {.after = \"u\"});",
                       "op.create_sequence(\"q\", {.as = Integer(), .start = 3});",
                       "op.bulk_insert(\"t\", {\"a\", \"b\", \"c\"}, {\n"
                       "    {1LL, \"x\", nullptr},\n"
                       "    {true, 2.5, text(\"now()\")}});",
                       "op.execute(\"SELECT $1\", {std::nullopt});",
                       "op.drop_table_comment(\"t\");"});
}

TEST_CASE("a body prints autocommit markers as an autocommit_block", "[ops][cpp]") {
  Ops op;
  op.create_table("t", {Column("a", Integer())});
  op.create_index("ix_a", "t", {"a"}, {}, {.concurrently = true});
  CHECK(render_cpp(op.operations(), 4) ==
        "    op.create_table(\"t\", {\n"
        "        Column(\"a\", Integer())});\n"
        "    op.autocommit_block([&] {\n"
        "      op.create_index(\"ix_a\", \"t\", {\"a\"}, {}, {.concurrently = true});\n"
        "    });\n");
}

TEST_CASE("a note prints as C++ comment lines and runs nothing", "[ops][cpp]") {
  const Operation note = op::Note{"first line\nsecond line"};
  CHECK(ops::render_cpp(note) == "// first line\n// second line");
  CHECK(ops::render_sql(note).empty());
}

TEST_CASE("replace_enum prints its columns, defaults and array flag as a person writes them", "[ops][cpp]") {
  const Operation r = op::ReplaceEnum{{"s", "e"}, {"a", "c"}, {"a", "b", "c"},
                                      {{{"s", "t"}, "v", "'a'::s.e", "'b'::s.e", false}, {{"s", "u"}, "vs", {}, {}, true}}};
  CHECK(render_cpp(r) ==
        "op.replace_enum({\"s\", \"e\"}, {\"a\", \"c\"}, {.existing_values = {\"a\", \"b\", \"c\"}, .columns = "
        "{{.table = {\"s\", \"t\"}, .column = \"v\", .server_default = \"'a'::s.e\", .existing_server_default = "
        "\"'b'::s.e\"}, {.table = {\"s\", \"u\"}, .column = \"vs\", .array = true}}});");
  CHECK(ops::render_sql(r)[3] == "ALTER TABLE s.t ALTER COLUMN v TYPE s.e USING v::text::s.e");
  CHECK(ops::render_sql(r)[5] == "ALTER TABLE s.u ALTER COLUMN vs TYPE s.e[] USING vs::text[]::s.e[]");
}
