// What check and autogenerate leave out: ini table patterns and the hook's include_object,
// asked about every kind of object on both sides.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "migrate/autogen/object_filter.hpp"

using namespace migrate;

namespace {

schema::Catalog sample() {
  schema::Catalog c;
  for (const auto* name : {"orders", "tmp_import", "tmp_export"}) {
    schema::Table t;
    t.name = QualifiedName("ecommerce", name);
    t.columns = {Column("id", Integer()), Column("legacy_code", Text())};
    t.constraints = {PrimaryKeyConstraint{.columns = {"id"}, .name = std::string("pk_") + name}};
    t.indexes = {Index{.name = std::string("ix_") + name + "_code", .keys = {IndexKey("legacy_code")}}};
    c.tables.push_back(t);
  }
  schema::Table log;
  log.name = QualifiedName("audit", "audit_log");
  log.columns = {Column("id", Integer())};
  c.tables.push_back(log);
  c.enums.push_back(schema::Enum{.name = QualifiedName("ecommerce", "status"), .values = {"a"}});
  c.sequences.push_back(Sequence{.name = QualifiedName("ecommerce", "order_number_seq")});
  return c;
}

std::set<std::string> table_names(const schema::Catalog& c) {
  std::set<std::string> out;
  for (const auto& t : c.tables) out.insert(t.name.schema + "." + t.name.name);
  return out;
}

}  // namespace

TEST_CASE("exclude_tables patterns leave tables out", "[integration][autogen][filter]") {
  auto c = autogen::filtered(sample(), {.exclude_tables = {"audit.*", "ecommerce.tmp_*"}}, true);
  CHECK(table_names(c) == std::set<std::string>{"ecommerce.orders"});
  // Without a '.', a pattern names the table in any schema.
  c = autogen::filtered(sample(), {.exclude_tables = {"tmp_ex*"}}, false);
  CHECK(table_names(c) == std::set<std::string>{"ecommerce.orders", "ecommerce.tmp_import", "audit.audit_log"});
  CHECK(autogen::table_excluded({"audit.*"}, QualifiedName("audit", "x")));
  CHECK_FALSE(autogen::table_excluded({"audit.*"}, QualifiedName("ecommerce", "audit")));
}

TEST_CASE("include_object is asked about every object and may leave any out", "[integration][autogen][filter]") {
  std::set<std::string> asked;
  autogen::ObjectFilter filter;
  filter.exclude_tables = {"audit.*"};
  filter.include_object = [&](const SchemaObject& o) {
    asked.insert(std::string(kind_name(o.kind)) + " " + o.qualified() + (o.reflected ? " (db)" : " (models)"));
    if (o.kind == SchemaObject::Kind::Column) return o.name != "legacy_code";
    if (o.kind == SchemaObject::Kind::Table) return o.name != "tmp_export";
    if (o.kind == SchemaObject::Kind::Sequence) return false;
    return true;
  };
  auto c = autogen::filtered(sample(), filter, true);
  CHECK(table_names(c) == std::set<std::string>{"ecommerce.orders", "ecommerce.tmp_import"});
  for (const auto& t : c.tables) {
    REQUIRE(t.columns.size() == 1);
    CHECK(t.columns[0].name == "id");
    CHECK(t.indexes.size() == 1);
  }
  CHECK(c.sequences.empty());
  CHECK(c.enums.size() == 1);
  CHECK(asked.count("table ecommerce.orders (db)"));
  CHECK(asked.count("column ecommerce.orders.legacy_code (db)"));
  CHECK(asked.count("index ecommerce.orders.ix_orders_code (db)"));
  CHECK(asked.count("constraint ecommerce.orders.pk_orders (db)"));
  CHECK(asked.count("enum ecommerce.status (db)"));
  CHECK(asked.count("sequence ecommerce.order_number_seq (db)"));
  // A pattern's table is never offered to the hook; a refused table's columns neither.
  CHECK_FALSE(asked.count("table audit.audit_log (db)"));
  CHECK_FALSE(asked.count("column ecommerce.tmp_export.id (db)"));

  asked.clear();
  autogen::filtered(sample(), filter, false);
  CHECK(asked.count("table ecommerce.orders (models)"));
}
