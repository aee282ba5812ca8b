// Where two spellings of a constraint or index clause mean the same thing to PostgreSQL.
#pragma once
#include <migrate/constraints.hpp>

namespace migrate::schema {

// The field types are taken from the structs, so compare treats them as opaque values and
// only this file knows what a default action, match or method is spelled as.
using ReferentialAction = decltype(ForeignKeyConstraint::on_delete);
using MatchType = decltype(ForeignKeyConstraint::match);
using IndexMethod = decltype(Index::method);

// An unsaid action is NO ACTION, PostgreSQL's default (introspection leaves it unsaid).
bool same_action(const ReferentialAction& a, const ReferentialAction& b);
// An unsaid MATCH is MATCH SIMPLE.
bool same_match(const MatchType& a, const MatchType& b);
// An unsaid method is btree.
bool same_method(const IndexMethod& a, const IndexMethod& b);

}  // namespace migrate::schema
