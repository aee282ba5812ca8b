// Sequence: a named sequence and its options, as models declare it and catalogs hold it.
#pragma once
#include <migrate/operation.hpp>
#include <migrate/types.hpp>

namespace migrate {

// A sequence a table's defaults draw from (nextval('ecommerce.order_number_seq')). One type
// serves the model DSL and schema::Catalog, so a declared sequence is copied, never converted.
struct Sequence {
  QualifiedName name{};
  SequenceOptions options{};
  friend bool operator==(const Sequence&, const Sequence&) = default;
};

}  // namespace migrate
