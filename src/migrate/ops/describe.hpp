// describe(): one line per Operation for people, as `migrate check` lists what differs.
#pragma once
#include <string>

#include <migrate/operation.hpp>

namespace migrate::ops {

// "add column ecommerce.orders.note (text)", "alter column ecommerce.orders.status: NOT NULL -> NULL",
// "drop index ecommerce.ix_x". Names are unquoted (these lines are read, not run); a change
// carries its old value where the operation knows it ("old -> new").
std::string describe(const Operation& operation);

}  // namespace migrate::ops
