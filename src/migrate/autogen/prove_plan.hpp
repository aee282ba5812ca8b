// Proving a generated plan: applied to a scratch copy of the database's schema, it must
// reach the models (what pg-schema-diff does and Alembic does not).
#pragma once
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/schema/catalog.hpp"
#include "migrate/schema/compare.hpp"

namespace migrate::db {
class Session;
}

namespace migrate::autogen {

// In the session's open transaction (the caller rolls it back): `found` is created under
// scratch schemas `migrate_found_<schema>`, `plan` is applied there, the result is read back
// with the same queries and must compare equal to `wanted`. Throws UnprovenError, one line
// naming what is left, when a statement of the plan fails there or differences remain.
//
// What a person must write (op::Irreversible) cannot be applied: it is skipped, and the
// differences left may then be exactly those by-hand items again, the same values, since no
// applied operation may have touched what they name; any other difference is a failure.
//
// An ALTER TYPE ... ADD VALUE outside an autocommit block leaves the label unusable until
// the transaction commits ("unsafe use of new value"): a later statement of the same
// transaction that spells the label as a literal of that type fails the proof (PostgreSQL
// refuses it in the copy too; the check on the plan does not depend on that). Inside an
// autocommit block the label is committed before use; the proof cannot commit, so it
// creates the copy's type with that label already in place instead.
void prove_plan(db::Session& session, const schema::Catalog& found, const schema::Catalog& wanted,
                const std::vector<Operation>& plan, const schema::CompareOptions& options = {});

}  // namespace migrate::autogen
