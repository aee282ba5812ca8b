// Rendering Operation values back to the C++ calls that build them (autogenerate's output).
#pragma once
#include <string>
#include <vector>

#include <migrate/operation.hpp>

namespace migrate::ops {

// One statement, e.g. `op.add_column({"ecommerce", "products"}, Column("sku", String(100)));`.
// Names are unqualified: the text is meant for a revision body, where lookup finds migrate::.
std::string render_cpp(const Operation& operation);

// A whole body: one statement per line at `indent`, autocommit markers as
// `op.autocommit_block([&] { ... });`.
std::string render_cpp(const std::vector<Operation>& operations, int indent = 4);

// A C++ string literal that yields exactly `text` (escapes quotes, backslashes, control bytes;
// UTF-8 passes through).
std::string cpp_string(const std::string& text);

// {"a", "b"}
std::string cpp_strings(const std::vector<std::string>& texts);

// The enumerator as a revision writes it: FkAction::Cascade, FkMatch::Full, IndexMethod::Gin.
std::string cpp_enum(FkAction action);
std::string cpp_enum(FkMatch match);
std::string cpp_enum(IndexMethod method);

}  // namespace migrate::ops
