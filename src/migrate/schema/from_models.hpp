// The wanted Catalog: model definitions with the naming convention applied.
#pragma once
#include <vector>

#include <migrate/model.hpp>

#include "migrate/schema/catalog.hpp"

namespace migrate::schema {

// SQLAlchemy's recommended naming convention, which the project's first revision follows:
//   pk_<table>, uq_<table>_<column0>, ix_<table>_<column0>, ck_<table>_<column>,
//   fk_<table>_<column0>_<referred table>.
// Names given explicitly are kept. Enums are gathered from column types (an Enum with labels
// defines the type; one without only refers to it). Throws ConfigError on a model that cannot
// be created: an unknown column, a duplicate, an unnamed check, a name over 63 bytes.
Table table_from_model(const ModelDefinition& model);
Catalog catalog_from_models(const std::vector<ModelDefinition>& models);

// Every model registered with MIGRATE_MODEL in this binary.
std::vector<ModelDefinition> describe_registered_models();

}  // namespace migrate::schema
