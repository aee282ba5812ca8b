// The models against a live database: Alembic's compare_metadata, with the server
// normalising both sides. What `check` reports and `revision --autogenerate` writes.
#pragma once
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/schema/catalog.hpp"
#include "migrate/script/project.hpp"

namespace migrate::autogen {

struct CompareRequest {
  // Compare with a scratch database the revisions bring to the heads (ScratchDatabase)
  // instead of the configured one, which then need not be at the heads.
  bool from_revisions = false;
};

// Connects with the environment hook's URL and settings, requires the database to be at the
// graph's heads (RevisionError "Target database is not up to date." otherwise), and returns
// the operations that bring the schemas the hook names (include_schemas; default public)
// from what the database has to what `models` declare. The models are first created in
// scratch schemas inside a transaction that is rolled back and read back with the same
// queries, so defaults, checks and expressions compare in the server's own spelling.
// The ini's exclude_tables and the hook's include_object leave objects out on both sides.
// The plan is then proven (prove_plan) in the same transaction: UnprovenError when it does
// not reach the models. Nothing in the database changes.
std::vector<Operation> compare_database(const script::Project& project, const schema::Catalog& models,
                                        const CompareRequest& request = {});

// The models registered with MIGRATE_MODEL in this binary, as a Catalog.
schema::Catalog registered_models();

}  // namespace migrate::autogen
