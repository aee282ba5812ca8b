// The e-commerce models against the database the revisions build: every table, column, type,
// default, constraint and index as declared; audit trigger; downgrade and upgrade again.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include "migrate/db/connection.hpp"
#include "migrate/db/introspect.hpp"
#include "migrate/ops/describe.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/schema/compare.hpp"
#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/from_models.hpp"
#include "support/run_binary.hpp"
#include "support/test_db.hpp"
#include "test_config.hpp"

using namespace migrate;
using test_support::TestDatabase;

namespace {

const std::vector<std::string> kSchemas = {"ecommerce", "audit", "archive"};

test_support::Result migrate_cli(const TestDatabase& db, std::vector<std::string> command) {
  std::vector<std::string> args = {"-c", std::string(test_config::source_dir) + "/migrate.ini", "--url", db.url()};
  args.insert(args.end(), command.begin(), command.end());
  return test_support::run_migrate(args);
}

schema::Catalog model_catalog() { return schema::catalog_from_models(schema::describe_registered_models()); }

// The models created straight from the DSL in a scratch database, then read back: the server
// spells types, defaults and expressions the same way on both sides (Atlas's dev database).
schema::Catalog models_as_the_server_sees_them() {
  TestDatabase scratch;
  auto connection = db::connect(scratch.conninfo());
  pqxx::work tx(*connection);
  for (const auto& operation : schema::create_operations(model_catalog()))
    for (const auto& statement : ops::render_sql(operation)) tx.exec(statement);
  return db::introspect(tx, kSchemas);
}

std::string kind_of(const Constraint& c) {
  static const char* kinds[] = {"primary key", "unique", "check", "foreign key"};
  return kinds[c.index()];
}

}  // namespace

TEST_CASE("upgrade head creates every model's table exactly as declared", "[models][integration]") {
  TestDatabase db;
  auto up = migrate_cli(db, {"upgrade", "head"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  const auto found = db.introspect(kSchemas);
  const auto models = model_catalog();

  // The number of tables is the number of models: none missing, none that no model declares.
  CHECK(found.tables.size() == models.tables.size());
  CHECK(models.tables.size() == 20);  // 17 in ecommerce, 1 in audit, 2 in archive

  SECTION("as the models say, object by object") {
    for (const auto& wanted : models.tables) {
      INFO("table " << schema::display(wanted.name));
      const schema::Table* table = found.table(wanted.name);
      REQUIRE(table);
      CHECK(table->comment == wanted.comment);
      CHECK(table->columns.size() == wanted.columns.size());
      for (const auto& column : wanted.columns) {
        INFO("column " << column.name);
        const Column* got = table->column(column.name);
        REQUIRE(got);
        CHECK(got->type.format_type() == column.type.format_type());
        CHECK(got->options.nullable == column.options.nullable);
        CHECK(got->options.server_default.has_value() == column.options.server_default.has_value());
        CHECK(got->options.generated.has_value() == column.options.generated.has_value());
        CHECK(got->options.identity.has_value() == column.options.identity.has_value());
        CHECK(got->options.comment == column.options.comment);
      }
      CHECK(table->constraints.size() == wanted.constraints.size());
      for (const auto& constraint : wanted.constraints) {
        INFO("constraint " << constraint_name(constraint));
        const Constraint* got = table->constraint(constraint_name(constraint));
        REQUIRE(got);
        CHECK(kind_of(*got) == kind_of(constraint));
        if (const auto* fk = std::get_if<ForeignKeyConstraint>(&constraint)) {
          const auto& got_fk = std::get<ForeignKeyConstraint>(*got);
          CHECK(got_fk.columns == fk->columns);
          CHECK(got_fk.referred_table == fk->referred_table);
          CHECK(got_fk.options.on_delete == fk->options.on_delete);
        }
      }
      CHECK(table->indexes.size() == wanted.indexes.size());
      for (const auto& index : wanted.indexes) {
        INFO("index " << index.name);
        const Index* got = table->index(index.name);
        REQUIRE(got);
        CHECK(got->options.unique == index.options.unique);
        CHECK(got->options.method == index.options.method);
        CHECK(got->options.where.has_value() == index.options.where.has_value());
        CHECK(got->keys.size() == index.keys.size());
      }
      CHECK(table->partition_by.has_value() == wanted.partition_by.has_value());
    }
    for (const auto& e : models.enums) {
      INFO("enum " << schema::display(e.name));
      REQUIRE(found.enum_type(e.name));
      CHECK(found.enum_type(e.name)->values == e.values);
    }
    CHECK(found.enums.size() == models.enums.size());
    REQUIRE(found.sequence({"ecommerce", "order_number_seq"}));
    CHECK(found.sequence({"ecommerce", "order_number_seq"})->options.start == 100001);
  }

  SECTION("to the letter of the server's own spelling of types, defaults and expressions") {
    auto differences = schema::compare(models_as_the_server_sees_them(), found);
    for (const auto& d : differences) UNSCOPED_INFO(ops::describe(d));
    CHECK(differences.empty());
  }

  SECTION("the audit log is partitioned by month, with a default partition") {
    const auto* audit = found.table({"audit", "audit_log"});
    REQUIRE(audit);
    REQUIRE(audit->partition_by);
    CHECK(audit->partition_by->method == PartitionBy::Method::Range);
    CHECK(audit->partition_by->keys == std::vector<IndexKey>{"occurred_at"});
    CHECK(audit->partitions.size() == 25);
    CHECK(audit->partitions.front().name == QualifiedName("audit", "audit_log_2026_01"));
    CHECK(audit->partitions.front().bound.find("FOR VALUES FROM ('2026-01-01") == 0);
    CHECK(audit->partitions.back().bound == "DEFAULT");
    CHECK(db.scalar("SELECT amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
                    "WHERE c.oid = 'audit.ix_audit_log_new_values'::regclass") == "gin");
  }
}

TEST_CASE("the audit trigger logs inserts, updates and deletes of audited tables", "[models][integration]") {
  TestDatabase db;
  REQUIRE(migrate_cli(db, {"upgrade", "head"}).exit_code == 0);
  db.exec("SET app.actor = 'support@example.com'; "
          "INSERT INTO ecommerce.customers (id, email, first_name, last_name) "
          "VALUES ('00000000-0000-7000-8000-000000000001', 'ada@example.com', 'Ada', 'Lovelace')");
  db.exec("UPDATE ecommerce.customers SET phone = '+44 20 7946 0000'");
  db.exec("UPDATE ecommerce.customers SET phone = phone");  // changes nothing: not logged
  db.exec("DELETE FROM ecommerce.customers");
  CHECK(db.rows("SELECT action, row_id, old_values ->> 'phone', new_values ->> 'email' FROM audit.audit_log "
                "ORDER BY id") ==
        "insert|00000000-0000-7000-8000-000000000001|NULL|ada@example.com\n"
        "update|00000000-0000-7000-8000-000000000001|NULL|ada@example.com\n"
        "delete|00000000-0000-7000-8000-000000000001|+44 20 7946 0000|NULL");
  CHECK(db.scalar("SELECT count(*) FROM audit.audit_log WHERE actor = 'support@example.com' AND table_name = 'customers'") == "1");
  // Searchable by content, through the GIN index's operator.
  CHECK(db.scalar("SELECT count(*) FROM audit.audit_log WHERE new_values @> '{\"first_name\": \"Ada\"}'") == "2");
}

TEST_CASE("the schema's rules hold: soft-deleted emails free up, prices and quantities are checked", "[models][integration]") {
  TestDatabase db;
  REQUIRE(migrate_cli(db, {"upgrade", "head"}).exit_code == 0);
  db.exec("INSERT INTO ecommerce.customers (email, first_name, last_name) VALUES ('Bo@example.com', 'Bo', 'One')");
  CHECK_THROWS(db.exec("INSERT INTO ecommerce.customers (email, first_name, last_name) VALUES ('bo@EXAMPLE.com', 'Bo', 'Two')"));
  db.exec("UPDATE ecommerce.customers SET is_deleted = true, deleted_at = now()");
  db.exec("INSERT INTO ecommerce.customers (email, first_name, last_name) VALUES ('bo@example.com', 'Bo', 'Two')");
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.customers") == "2");
  db.exec("INSERT INTO ecommerce.products (sku, name) VALUES ('P-1', 'Mug')");
  db.exec("INSERT INTO ecommerce.product_variants (product_id, sku, name) SELECT id, 'P-1-RED', 'Red mug' FROM ecommerce.products");
  CHECK_THROWS(db.exec("INSERT INTO ecommerce.product_prices (variant_id, currency, amount) "
                       "SELECT id, 'EUR', -1 FROM ecommerce.product_variants"));
  CHECK(db.scalar("WITH o AS (INSERT INTO ecommerce.orders (customer_id, currency) "
                  "SELECT id, 'EUR' FROM ecommerce.customers WHERE NOT is_deleted RETURNING order_number) "
                  "SELECT order_number FROM o") == "ORD-100001");
  CHECK_THROWS(db.exec("INSERT INTO ecommerce.order_items (order_id, variant_id, sku, product_name, quantity, unit_price) "
                       "SELECT o.id, v.id, v.sku, v.name, 0, 5 FROM ecommerce.orders o, ecommerce.product_variants v"));
  db.exec("INSERT INTO ecommerce.order_items (order_id, variant_id, sku, product_name, quantity, unit_price, discount_amount) "
          "SELECT o.id, v.id, v.sku, v.name, 3, 5.50, 1 FROM ecommerce.orders o, ecommerce.product_variants v");
  CHECK(db.scalar("SELECT line_total FROM ecommerce.order_items") == "15.50");
  // RESTRICT: a customer with orders cannot be removed; CASCADE: an order takes its lines with it.
  CHECK_THROWS(db.exec("DELETE FROM ecommerce.customers WHERE NOT is_deleted"));
  db.exec("DELETE FROM ecommerce.orders");
  CHECK(db.scalar("SELECT count(*) FROM ecommerce.order_items") == "0");
}

TEST_CASE("the revisions downgrade to base and upgrade again to the same schema", "[models][integration]") {
  TestDatabase db;
  REQUIRE(migrate_cli(db, {"upgrade", "head"}).exit_code == 0);
  const auto first = db.introspect(kSchemas);
  auto down = migrate_cli(db, {"downgrade", "base"});
  INFO(down.err);
  REQUIRE(down.exit_code == 0);
  const auto empty = db.introspect(kSchemas);
  CHECK(empty.tables.empty());
  CHECK(empty.enums.empty());
  CHECK(empty.sequences.empty());
  CHECK(db.scalar("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                  "WHERE n.nspname IN ('ecommerce', 'audit', 'archive')") == "0");
  CHECK(db.scalar("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE n.nspname IN ('ecommerce', 'audit', 'archive')") == "0");
  auto up = migrate_cli(db, {"upgrade", "head"});
  INFO(up.err);
  REQUIRE(up.exit_code == 0);
  const auto again = db.introspect(kSchemas);
  auto differences = schema::compare(first, again);
  for (const auto& d : differences) UNSCOPED_INFO(ops::describe(d));
  CHECK(differences.empty());
  CHECK(again == first);
}
