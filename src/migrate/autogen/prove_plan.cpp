// A plan applied to a scratch copy of the found schema, read back and compared again.
#include "migrate/autogen/prove_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include <migrate/error.hpp>

#include "migrate/autogen/scratch_schemas.hpp"
#include "migrate/db/session.hpp"
#include "migrate/ops/describe.hpp"
#include "migrate/ops/quote.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/schema/create_operations.hpp"

namespace migrate::autogen {

namespace {

constexpr const char* found_prefix = "migrate_found_";

// A label added by ADD VALUE in the open transaction, as later SQL would spell its use.
struct UncommittedLabel {
  std::vector<std::string> uses;  // 'label'::schema.type, and 'label'::type for public
  std::string what;
};

UncommittedLabel uncommitted(const op::AddEnumValue& add) {
  UncommittedLabel label;
  const std::string literal = ops::quote_literal(add.value) + "::";
  label.uses.push_back(literal + ops::quote_name(add.type));
  // Printed under search_path public, a public type goes unqualified.
  if (add.type.schema.empty() || add.type.schema == "public") label.uses.push_back(literal + ops::quote_ident(add.type.name));
  label.what = fmt::format("label '{}' of {}", add.value, schema::display(add.type));
  return label;
}

// Markers say how a plan runs and notes advise its reviewer: neither is a difference.
bool is_marker(const Operation& o) {
  return std::holds_alternative<op::BeginAutocommit>(o) || std::holds_alternative<op::EndAutocommit>(o) ||
         std::holds_alternative<op::Note>(o);
}

// `sql` in the real names, renamed to the scratch ones here (names in the scratch ones stay).
void run(db::Session& session, const std::string& sql, const ScratchSchemas& scratch, const char* doing) {
  try {
    session.sink().execute(rename_in_sql(sql, scratch.to_scratch()));
  } catch (const DatabaseError& e) {
    if (!e.refused_statement()) throw;
    UnprovenError error(fmt::format("{}: {}", doing, rename_in_sql(e.what(), scratch.back())));
    error.set_detail("failing statement:\n" + rename_in_sql(sql, scratch.back()));
    throw error;
  }
}

// ADD VALUE in an autocommit block is committed before anything uses the label; in the one
// transaction of the proof it cannot be, and PostgreSQL would refuse a later use. So such a
// label is put into the copy's type when it is created (where CREATE TYPE makes it safe),
// checked the way ADD VALUE checks it, and its statement is not run again. Returns the
// plan's indexes so handled.
std::set<size_t> committed_labels(schema::Catalog& copy, const std::vector<Operation>& plan) {
  std::set<size_t> done;
  bool autocommit = false;
  for (size_t i = 0; i < plan.size(); ++i) {
    if (std::holds_alternative<op::BeginAutocommit>(plan[i])) autocommit = true;
    if (std::holds_alternative<op::EndAutocommit>(plan[i])) autocommit = false;
    const auto* add = std::get_if<op::AddEnumValue>(&plan[i]);
    if (!add || !autocommit) continue;
    auto e = std::find_if(copy.enums.begin(), copy.enums.end(), [&](const schema::Enum& x) { return x.name == add->type; });
    if (e == copy.enums.end()) continue;  // a type the plan creates: its statement runs in place
    auto& values = e->values;
    if (std::find(values.begin(), values.end(), add->value) != values.end()) {
      if (!add->if_not_exists)
        throw UnprovenError(fmt::format("the generated plan would fail: enum {} already has the label '{}'",
                                        schema::display(add->type), add->value));
    } else {
      const std::string& anchor = add->before.empty() ? add->after : add->before;
      auto at = std::find(values.begin(), values.end(), anchor);
      if (!anchor.empty() && at == values.end())
        throw UnprovenError(fmt::format("the generated plan would fail: enum {} has no label '{}' to add '{}' next to",
                                        schema::display(add->type), anchor, add->value));
      if (anchor.empty()) values.push_back(add->value);
      else values.insert(add->before.empty() ? at + 1 : at, add->value);
    }
    done.insert(i);
  }
  return done;
}

}  // namespace

void prove_plan(db::Session& session, const schema::Catalog& found, const schema::Catalog& wanted,
                const std::vector<Operation>& plan, const schema::CompareOptions& options) {
  auto schemas = schemas_of(found);
  schemas.merge(schemas_of(wanted));
  ScratchSchemas scratch(found_prefix, schemas);
  scratch.create(session);
  auto copy = found;
  const auto already_added = committed_labels(copy, plan);
  if (auto failed = scratch.build(session, copy)) {
    UnprovenError error("the database's schema cannot be copied to prove the generated plan: " + failed->message);
    error.set_detail("failing statement:\n" + failed->sql);
    throw error;
  }

  std::vector<Operation> by_hand;
  std::vector<UncommittedLabel> labels;
  bool autocommit = false;
  for (size_t i = 0; i < plan.size(); ++i) {
    const auto& operation = plan[i];
    if (already_added.count(i)) continue;
    // An autocommit block commits what came before it, and each statement inside on its own.
    if (std::holds_alternative<op::BeginAutocommit>(operation)) {
      labels.clear();
      autocommit = true;
      continue;
    }
    if (std::holds_alternative<op::EndAutocommit>(operation)) {
      autocommit = false;
      continue;
    }
    if (std::holds_alternative<op::Irreversible>(operation)) {
      by_hand.push_back(operation);
      continue;
    }
    // Every schema of either side already has its scratch twin (a new one included).
    if (std::holds_alternative<op::CreateSchema>(operation)) continue;
    for (const auto& sql : ops::render_sql(operation)) {
      for (const auto& label : labels)
        for (const auto& use : label.uses)
          if (sql.find(use) != std::string::npos) {
            UnprovenError error(fmt::format(
                "the generated plan would fail: it uses the enum {} in the transaction that adds it "
                "(PostgreSQL: unsafe use of new value); nothing was written",
                label.what));
            error.set_detail("statement:\n" + sql);
            throw error;
          }
      run(session, sql, scratch, "the generated plan fails on a copy of the database (nothing was written)");
    }
    if (const auto* add = std::get_if<op::AddEnumValue>(&operation); add && !autocommit) labels.push_back(uncommitted(*add));
  }

  std::vector<std::string> left;
  for (const auto& operation : schema::compare(wanted, scratch.read(session), options)) {
    if (is_marker(operation) || std::find(by_hand.begin(), by_hand.end(), operation) != by_hand.end()) continue;
    left.push_back(ops::describe(operation));
  }
  if (left.empty()) return;
  UnprovenError error(fmt::format(
      "the generated plan does not reach the models (nothing was written): applied to a copy of the database, "
      "{} {}: {}",
      left.size(), left.size() == 1 ? "difference remains" : "differences remain", fmt::join(left, "; ")));
  error.set_detail(fmt::format("left after the plan:\n{}", fmt::join(left, "\n")));
  throw error;
}

}  // namespace migrate::autogen
