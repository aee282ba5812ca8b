// The model DSL turned into a Catalog: mixins, column order, naming convention, enums, errors.
#include <catch2/catch.hpp>

#include <algorithm>

#include <migrate/error.hpp>
#include <migrate/model.hpp>

#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/from_models.hpp"

using namespace migrate;
namespace schema = migrate::schema;

namespace dsl_test {

inline const Type Mood = Enum("mood", {"happy", "sad"}, "shop");

struct Product : Model<Product, BaseModel, VersionMixin> {
  static constexpr Table table{"shop", "products", "Product with soft delete and version tracking."};
  MIGRATE_COLUMN(sku, String(100)).unique();
  MIGRATE_COLUMN(name, String(255)).not_null();
};
MIGRATE_MODEL(Product);

struct Line : Model<Line, BaseModelNoSoftDelete> {
  static constexpr Table table{"shop", "lines"};
  MIGRATE_COLUMN(product_id, UUID()).not_null().references({"shop", "products"}, "id", FkAction::Cascade).index();
  MIGRATE_COLUMN(quantity, Integer()).not_null().check("quantity > 0");
  MIGRATE_COLUMN(mood, Mood).server_default("'happy'");
  TableArgs args = table_args(
      Index{.name = "ix_lines_lower_mood", .keys = {text("lower(mood::text)")}, .options = {.where = "quantity > 1"}},
      UniqueConstraint{.columns = {"product_id", "mood"}},
      CheckConstraint{.expression = "quantity < 1000", .name = "ck_lines_sane"},
      Sequence{{"shop", "line_numbers"}, {.start = 10}});
};

struct Event : Model<Event, Base> {
  static constexpr Table table{"shop", "events"};
  MIGRATE_COLUMN(id, BigInteger()).identity();
  MIGRATE_COLUMN(at, DateTime(true)).not_null();
  TableArgs args = table_args(PrimaryKeyConstraint{.columns = {"id", "at"}}, PartitionBy::range({"at"}));
};

struct Stamped : Model<Stamped, TimestampMixin> {
  static constexpr Table table{"shop", "stamped"};
  MIGRATE_COLUMN(note, Text());
};

}  // namespace dsl_test

namespace {

std::vector<std::string> column_names(const schema::Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.name);
  return out;
}

std::vector<std::string> constraint_names(const schema::Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.constraints) out.push_back(constraint_name(c));
  return out;
}

schema::Catalog test_catalog() {
  return schema::catalog_from_models({describe_model<dsl_test::Product>("Product"), describe_model<dsl_test::Line>("Line"),
                                      describe_model<dsl_test::Event>("Event")});
}

}  // namespace

TEST_CASE("BaseModel + VersionMixin gives the seed's Product, in SQLAlchemy's column order", "[model]") {
  auto t = schema::table_from_model(describe_model<dsl_test::Product>("Product"));
  CHECK(t.name == QualifiedName("shop", "products"));
  CHECK(t.comment == "Product with soft delete and version tracking.");
  CHECK(column_names(t) == std::vector<std::string>{"id", "sku", "name", "created_at", "updated_at", "deleted_at",
                                                     "is_deleted", "version"});
  const Column* id = t.column("id");
  REQUIRE(id);
  CHECK(id->type == UUID());
  CHECK_FALSE(id->options.nullable);
  CHECK(id->options.server_default == "uuid_generate_v7()");
  CHECK_FALSE(id->options.primary_key);  // moved to pk_products
  CHECK(t.column("sku")->type.format_type() == "character varying(100)");
  CHECK(t.column("sku")->options.nullable);
  CHECK_FALSE(t.column("name")->options.nullable);
  CHECK(t.column("created_at")->type.format_type() == "timestamp with time zone");
  CHECK(t.column("created_at")->options.server_default == "now()");
  CHECK_FALSE(t.column("updated_at")->options.nullable);
  CHECK(t.column("deleted_at")->options.nullable);
  CHECK(t.column("is_deleted")->options.server_default == "false");
  CHECK(t.column("version")->options.server_default == "1");
  CHECK(t.column("version")->type == Integer());
  CHECK(constraint_names(t) == std::vector<std::string>{"pk_products", "uq_products_sku"});
  CHECK(std::get<UniqueConstraint>(*t.constraint("uq_products_sku")).columns == std::vector<std::string>{"sku"});
}

TEST_CASE("BaseModelNoSoftDelete and TimestampMixin add only their columns", "[model]") {
  auto lines = schema::table_from_model(describe_model<dsl_test::Line>("Line"));
  CHECK(column_names(lines) == std::vector<std::string>{"id", "product_id", "quantity", "mood", "created_at", "updated_at"});
  auto stamped = schema::table_from_model(describe_model<dsl_test::Stamped>("Stamped"));
  CHECK(column_names(stamped) == std::vector<std::string>{"note", "created_at", "updated_at"});
  CHECK(stamped.constraints.empty());
}

TEST_CASE("column-level foreign keys, checks, uniques and indexes are named by convention", "[model]") {
  auto t = schema::table_from_model(describe_model<dsl_test::Line>("Line"));
  CHECK(constraint_names(t) == std::vector<std::string>{"pk_lines", "fk_lines_product_id_products", "ck_lines_quantity",
                                                        "uq_lines_product_id", "ck_lines_sane"});
  const auto& fk = std::get<ForeignKeyConstraint>(*t.constraint("fk_lines_product_id_products"));
  CHECK(fk.referred_table == QualifiedName("shop", "products"));
  CHECK(fk.referred_columns == std::vector<std::string>{"id"});
  CHECK(fk.options.on_delete == FkAction::Cascade);
  CHECK(std::get<CheckConstraint>(*t.constraint("ck_lines_quantity")).expression == "quantity > 0");
  CHECK_FALSE(t.column("product_id")->options.references);
  REQUIRE(t.indexes.size() == 2);
  CHECK(t.indexes[0].name == "ix_lines_product_id");
  CHECK(t.indexes[0].keys == std::vector<IndexKey>{"product_id"});
  CHECK(t.indexes[1].name == "ix_lines_lower_mood");
  CHECK(t.indexes[1].options.where == "quantity > 1");
  CHECK(t.indexes[1].keys.front().expression->sql == "lower(mood::text)");
}

TEST_CASE("a catalog gathers enums from column types, sequences and partitioning", "[model]") {
  auto c = test_catalog();
  CHECK(c.tables.size() == 3);
  REQUIRE(c.enums.size() == 1);
  CHECK(c.enums[0].name == QualifiedName("shop", "mood"));
  CHECK(c.enums[0].values == std::vector<std::string>{"happy", "sad"});
  REQUIRE(c.sequence({"shop", "line_numbers"}));
  CHECK(c.sequence({"shop", "line_numbers"})->options.start == 10);
  const auto* events = c.table({"shop", "events"});
  REQUIRE(events);
  REQUIRE(events->partition_by);
  CHECK(events->partition_by->method == PartitionBy::Method::Range);
  CHECK(events->column("id")->options.identity);
  CHECK(std::get<PrimaryKeyConstraint>(*events->constraint("pk_events")).columns == std::vector<std::string>{"id", "at"});
}

TEST_CASE("create operations put referenced tables first, then their indexes", "[model]") {
  // Lines refers to products: declared first, it must still be created second.
  auto c = schema::catalog_from_models({describe_model<dsl_test::Line>("Line"), describe_model<dsl_test::Product>("Product")});
  auto ops = schema::create_operations(c);
  std::vector<std::string> tables;
  for (const auto& o : ops)
    if (const auto* t = std::get_if<op::CreateTable>(&o)) tables.push_back(t->table.name);
  CHECK(tables == std::vector<std::string>{"products", "lines"});
  CHECK(std::holds_alternative<op::CreateEnum>(ops.front()));
  CHECK(std::count_if(ops.begin(), ops.end(), [](const Operation& o) { return std::holds_alternative<op::CreateIndex>(o); }) == 2);
}

TEST_CASE("models registered with MIGRATE_MODEL are in the registry", "[model]") {
  auto& models = registered_models();
  CHECK(std::count_if(models.begin(), models.end(), [](const RegisteredModel& m) { return m.name == "Product"; }) == 1);
  auto described = schema::describe_registered_models();
  CHECK(std::any_of(described.begin(), described.end(),
                    [](const ModelDefinition& d) { return d.table == QualifiedName("shop", "products"); }));
}

namespace dsl_test {
struct BadIndex : Model<BadIndex, Base> {
  static constexpr Table table{"shop", "bad_index"};
  MIGRATE_COLUMN(a, Integer());
  TableArgs args = table_args(Index{.keys = {"b"}});
};
struct UnnamedCheck : Model<UnnamedCheck, Base> {
  static constexpr Table table{"shop", "unnamed_check"};
  MIGRATE_COLUMN(a, Integer());
  TableArgs args = table_args(CheckConstraint{.expression = "a > 0"});
};
struct Twice : Model<Twice, Base> {
  static constexpr Table table{"shop", "twice"};
  MIGRATE_COLUMN(a, Integer());
  Field& b = column("a", Text());
};
struct LongName : Model<LongName, Base> {
  static constexpr Table table{"shop", "long_name"};
  Field& a = column("a_column_name_that_goes_on_and_on_well_past_what_postgres_keeps", Integer()).index();
};
struct OtherMood : Model<OtherMood, Base> {
  static constexpr Table table{"shop", "other_mood"};
  MIGRATE_COLUMN(m, Enum("mood", {"happy", "sad", "meh"}, "shop"));
};
struct UndefinedEnum : Model<UndefinedEnum, Base> {
  static constexpr Table table{"shop", "undefined_enum"};
  MIGRATE_COLUMN(m, Enum("nowhere", {}, "shop"));
};
}  // namespace dsl_test

TEST_CASE("models that PostgreSQL would refuse or silently change are refused", "[model]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(schema::table_from_model(describe_model<dsl_test::BadIndex>("BadIndex")), Contains("unknown column 'b'"));
  CHECK_THROWS_WITH(schema::table_from_model(describe_model<dsl_test::UnnamedCheck>("UnnamedCheck")), Contains("needs a name"));
  CHECK_THROWS_WITH(schema::table_from_model(describe_model<dsl_test::Twice>("Twice")), Contains("declared twice"));
  CHECK_THROWS_AS(schema::table_from_model(describe_model<dsl_test::LongName>("LongName")), ConfigError);
  CHECK_THROWS_WITH(schema::catalog_from_models({describe_model<dsl_test::Line>("Line"),
                                                 describe_model<dsl_test::OtherMood>("OtherMood")}),
                    Contains("other labels"));
  CHECK_THROWS_WITH(schema::catalog_from_models({describe_model<dsl_test::UndefinedEnum>("UndefinedEnum")}),
                    Contains("no model defines"));
  CHECK_THROWS_WITH(schema::catalog_from_models({describe_model<dsl_test::Product>("Product"),
                                                 describe_model<dsl_test::Product>("Product")}),
                    Contains("already declares"));
}

namespace dsl_test {
struct Spelled : Model<Spelled, Base> {
  static constexpr Table table{"shop", "spelled"};
  MIGRATE_COLUMN(price, Numeric(12, 2)).not_null().server_default("0");
  MIGRATE_COLUMN(mood, Enum("mood", {"happy", "sad"}, "shop"));
  Field& klass = column("class", Integer());  // a C++ keyword cannot name the member: two spellings
};
}  // namespace dsl_test

TEST_CASE("MIGRATE_COLUMN gives the member and the column one name, as column() would", "[model]") {
  dsl_test::Spelled m;
  CHECK(m.price.name() == "price");
  CHECK(m.price.column() == Column("price", Numeric(12, 2)).not_null().server_default("0"));
  CHECK(m.mood.column() == Column("mood", dsl_test::Mood));
  CHECK(m.klass.name() == "class");
  auto fields = m.ordered_fields();
  REQUIRE(fields.size() == 3);
  CHECK(fields[0].name() == "price");
  CHECK(fields[2].name() == "class");
}
