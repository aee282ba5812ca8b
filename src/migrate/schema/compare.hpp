// Catalog against Catalog: the operations that turn what a database has into what the models want.
#pragma once
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/schema/catalog.hpp"

namespace migrate::schema {

struct CompareOptions {
  // Drop tables, columns, constraints, indexes, enums and sequences that only `found` has.
  bool report_extra = true;
  // Tables to leave out on both sides (e.g. the version table).
  std::vector<QualifiedName> ignore_tables{};
};

// The operations that turn `found` into `wanted`, in an order PostgreSQL applies cleanly:
//   0. schemas `wanted` uses that `found` lacks (when found.schemas is known; never dropped),
//      then the renames `wanted` declares (renamed_from), after which both sides use new names;
//   1. enums (created, new labels added in position, or replaced when labels are removed or
//      moved) and sequences (created, altered);
//   2. new tables in foreign-key order, each followed by its indexes (and the partitions
//      `wanted` lists);
//   3. new columns, then altered ones (type, nullability, default, comment);
//   4. foreign keys, then other constraints and indexes, that changed or are extra, dropped;
//   5. missing or changed indexes, primary keys, uniques and checks, then foreign keys;
//   6. partitions, table comments;
//   7. (report_extra) extra columns, partitions, tables (referring ones first, each after
//      its indexes), sequences, enums.
// Every alter and drop carries what `found` had (existing_*, definition), so ops::reverse()
// of the result is the downgrade. What no operation can express (identity, generated
// expressions, collations, partitioning) comes as an op::Irreversible saying what a person
// must write; a sequence's options as an op::Execute. op::Note carries advice for the
// reviewer: a column or table added beside a dropped one of the same shape (declare
// renamed_from if it is a rename), why an enum is replaced. A NOT VALID constraint the
// wanted side has valid is validated.
// Types compare by format_type() spelling, defaults and expressions as text: compare two
// introspected catalogs (or a model catalog with simple defaults) for a meaningful answer.
// Partitions are compared only when `wanted` lists some for the table.
std::vector<Operation> compare(const Catalog& wanted, const Catalog& found, const CompareOptions& options = {});

}  // namespace migrate::schema
