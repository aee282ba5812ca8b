// Catalog to create operations, ordered so that every reference points backwards.
#include "migrate/schema/create_operations.hpp"

#include <functional>
#include <map>

#include <fmt/format.h>

#include <migrate/error.hpp>

namespace migrate::schema {

std::vector<const Table*> tables_in_dependency_order(const Catalog& catalog) {
  enum class Mark { None, Visiting, Done };
  std::vector<Mark> marks(catalog.tables.size(), Mark::None);
  std::vector<const Table*> order;
  auto index_of = [&](const QualifiedName& n) -> int {
    for (size_t i = 0; i < catalog.tables.size(); ++i)
      if (catalog.tables[i].name == n) return static_cast<int>(i);
    return -1;
  };
  // Depth-first, in declaration order, so the result is stable and close to how models are written.
  std::function<void(size_t)> visit = [&](size_t i) {
    if (marks[i] == Mark::Done) return;
    if (marks[i] == Mark::Visiting)
      throw ConfigError(fmt::format("foreign keys form a cycle through {}", display(catalog.tables[i].name)));
    marks[i] = Mark::Visiting;
    for (const auto& c : catalog.tables[i].constraints)
      if (const auto* fk = std::get_if<ForeignKeyConstraint>(&c)) {
        int j = index_of(fk->referred_table);
        if (j >= 0 && static_cast<size_t>(j) != i) visit(static_cast<size_t>(j));
      }
    marks[i] = Mark::Done;
    order.push_back(&catalog.tables[i]);
  };
  for (size_t i = 0; i < catalog.tables.size(); ++i) visit(i);
  return order;
}

op::CreateTable create_table(const Table& t) {
  return op::CreateTable{t.name, t.columns, t.constraints,
                         CreateTableOptions{.comment = t.comment, .partition_by = t.partition_by}};
}

std::vector<Operation> create_operations(const Catalog& catalog) {
  std::vector<Operation> out;
  for (const auto& e : catalog.enums) out.push_back(op::CreateEnum{e.name, e.values});
  for (const auto& s : catalog.sequences) out.push_back(op::CreateSequence{s.name, s.options});
  for (const Table* t : tables_in_dependency_order(catalog)) {
    out.push_back(create_table(*t));
    for (const auto& i : t->indexes) out.push_back(op::CreateIndex{.table = t->name, .index = i});
  }
  return out;
}

}  // namespace migrate::schema
