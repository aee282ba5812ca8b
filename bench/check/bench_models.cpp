// The check benchmark's models: one table shape, generated BENCH_TABLES times (at most 200),
// table i referring to table (i - 1) / 2: a tree, since SQLAlchemy reflects a chain of foreign
// keys recursively and overflows Python's stack on a 200-long one. alembic_env.py declares the same.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include <migrate/model.hpp>

namespace {

using namespace migrate;

constexpr int kMaxTables = 200;

std::string table_name(int i) {
  char name[8];
  std::snprintf(name, sizeof name, "t%03d", i % 1000);
  return name;
}

ModelDefinition bench_table(int i) {
  ModelDefinition d;
  d.model = "Bench_" + table_name(i);
  d.table = QualifiedName("bench", table_name(i));
  d.comment = "Generated table " + std::to_string(i) + ".";
  auto field = [&](const char* name, Type type) -> Field& { return d.fields.emplace_back(name, std::move(type)); };
  field("id", BigInteger()).primary_key();
  if (i > 0) field("parent_id", BigInteger()).references({"bench", table_name((i - 1) / 2)}, "id", FkAction::Cascade).index();
  field("name", String(100)).not_null().index();
  field("description", Text());
  field("amount", Numeric(12, 2)).not_null().server_default("0").check("amount >= 0");
  field("is_active", Boolean()).not_null().server_default("true");
  field("created_at", DateTime(true)).not_null().server_default("now()");
  return d;
}

template <int I>
ModelDefinition describe() {
  return bench_table(I);
}

// BENCH_TABLES (default 200) picks how many are registered, so one binary measures 20 and 200.
int tables_wanted() {
  const char* n = std::getenv("BENCH_TABLES");
  return n ? std::atoi(n) : kMaxTables;
}

template <int... I>
bool register_all(std::integer_sequence<int, I...>) {
  const int n = tables_wanted();
  ((I < n ? (void)registered_models().push_back({"Bench_" + table_name(I), __FILE__, &describe<I>}) : void()), ...);
  return true;
}

[[maybe_unused]] const bool registered = register_all(std::make_integer_sequence<int, kMaxTables>{});

}  // namespace
