// reverse(): the downgrade of an operation, or a loud Irreversible when it cannot be derived.
#pragma once
#include <vector>

#include <migrate/operation.hpp>

namespace migrate::ops {

// The operations that undo `operation`: usually one; none for validate_constraint (a check of
// existing rows that changes nothing to undo); op::Irreversible with a reason when the value
// does not carry what the undo needs (a drop without its definition, raw SQL, a new enum label).
std::vector<Operation> reverse(const Operation& operation);

// The downgrade of a whole upgrade body: each operation reversed, in reverse order, with
// autocommit blocks kept around what they enclosed.
std::vector<Operation> reverse(const std::vector<Operation>& operations);

// True when reverse() of every operation is free of op::Irreversible.
bool reversible(const std::vector<Operation>& operations);

}  // namespace migrate::ops
