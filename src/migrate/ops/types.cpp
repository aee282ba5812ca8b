// Type factories and the three spellings of a type: DDL, format_type() and C++.
#include <migrate/constraints.hpp>
#include <migrate/types.hpp>

#include <fmt/format.h>

#include "migrate/ops/render_cpp.hpp"
#include "migrate/ops/render_sql.hpp"

namespace migrate {

namespace {

Type sized(Type::Kind kind, std::optional<int> length) {
  Type t(kind);
  t.length = length;
  return t;
}

Type zoned(Type::Kind kind, bool timezone) {
  Type t(kind);
  t.timezone = timezone;
  return t;
}

std::string with_length(const char* base, std::optional<int> length) {
  return length ? fmt::format("{}({})", base, *length) : std::string(base);
}

std::string numeric_args(const Type& t) {
  if (!t.length) return "";
  if (!t.scale) return fmt::format("({})", *t.length);
  return fmt::format("({},{})", *t.length, *t.scale);
}

}  // namespace

Type SmallInteger() { return Type(Type::Kind::SmallInteger); }
Type Integer() { return Type(Type::Kind::Integer); }
Type BigInteger() { return Type(Type::Kind::BigInteger); }
Type Numeric(std::optional<int> precision, std::optional<int> scale) {
  Type t(Type::Kind::Numeric);
  t.length = precision;
  t.scale = scale;
  return t;
}
Type Real() { return Type(Type::Kind::Real); }
Type Double() { return Type(Type::Kind::Double); }
Type Boolean() { return Type(Type::Kind::Boolean); }
Type String(std::optional<int> length) { return sized(Type::Kind::String, length); }
Type VARCHAR(std::optional<int> length) { return String(length); }
Type Text() { return Type(Type::Kind::Text); }
Type Char(std::optional<int> length) { return sized(Type::Kind::Char, length); }
Type Date() { return Type(Type::Kind::Date); }
Type Time(bool timezone) { return zoned(Type::Kind::Time, timezone); }
Type DateTime(bool timezone) { return zoned(Type::Kind::Timestamp, timezone); }
Type Timestamp(bool timezone) { return zoned(Type::Kind::Timestamp, timezone); }
Type Interval() { return Type(Type::Kind::Interval); }
Type UUID() { return Type(Type::Kind::UUID); }
Type JSON() { return Type(Type::Kind::JSON); }
Type JSONB() { return Type(Type::Kind::JSONB); }
Type LargeBinary() { return Type(Type::Kind::LargeBinary); }
Type INET() { return Type(Type::Kind::INET); }
Type CIDR() { return Type(Type::Kind::CIDR); }
Type Array(Type element) {
  Type t(Type::Kind::Array);
  t.element.push_back(std::move(element));
  return t;
}
Type Enum(std::string name, std::vector<std::string> values, std::string schema) {
  Type t(Type::Kind::Enum);
  t.name = std::move(name);
  t.values = std::move(values);
  t.schema = std::move(schema);
  return t;
}

std::string Type::sql() const {
  switch (kind) {
    case Kind::SmallInteger: return "SMALLINT";
    case Kind::Integer: return "INTEGER";
    case Kind::BigInteger: return "BIGINT";
    case Kind::Numeric: return "NUMERIC" + numeric_args(*this);
    case Kind::Real: return "REAL";
    case Kind::Double: return "DOUBLE PRECISION";
    case Kind::Boolean: return "BOOLEAN";
    case Kind::String: return with_length("VARCHAR", length);
    case Kind::Text: return "TEXT";
    case Kind::Char: return with_length("CHAR", length);
    case Kind::Date: return "DATE";
    case Kind::Time: return timezone ? "TIME WITH TIME ZONE" : "TIME";
    case Kind::Timestamp: return timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
    case Kind::Interval: return "INTERVAL";
    case Kind::UUID: return "UUID";
    case Kind::JSON: return "JSON";
    case Kind::JSONB: return "JSONB";
    case Kind::LargeBinary: return "BYTEA";
    case Kind::INET: return "INET";
    case Kind::CIDR: return "CIDR";
    case Kind::Array: return (element.empty() ? std::string("TEXT") : element.front().sql()) + "[]";
    case Kind::Enum: return ops::quote_name(QualifiedName(schema, name));
    case Kind::Raw: return name;
  }
  return name;
}

std::string Type::format_type() const {
  switch (kind) {
    case Kind::SmallInteger: return "smallint";
    case Kind::Integer: return "integer";
    case Kind::BigInteger: return "bigint";
    case Kind::Numeric: return "numeric" + numeric_args(*this);
    case Kind::Real: return "real";
    case Kind::Double: return "double precision";
    case Kind::Boolean: return "boolean";
    case Kind::String: return with_length("character varying", length);
    case Kind::Text: return "text";
    case Kind::Char: return with_length("character", length ? length : 1);
    case Kind::Date: return "date";
    case Kind::Time: return timezone ? "time with time zone" : "time without time zone";
    case Kind::Timestamp: return timezone ? "timestamp with time zone" : "timestamp without time zone";
    case Kind::Interval: return "interval";
    case Kind::UUID: return "uuid";
    case Kind::JSON: return "json";
    case Kind::JSONB: return "jsonb";
    case Kind::LargeBinary: return "bytea";
    case Kind::INET: return "inet";
    case Kind::CIDR: return "cidr";
    case Kind::Array: return (element.empty() ? std::string("text") : element.front().format_type()) + "[]";
    case Kind::Enum: return ops::quote_name(QualifiedName(schema, name));
    case Kind::Raw: return name;
  }
  return name;
}

std::string Type::cpp() const {
  using ops::cpp_string;
  switch (kind) {
    case Kind::SmallInteger: return "SmallInteger()";
    case Kind::Integer: return "Integer()";
    case Kind::BigInteger: return "BigInteger()";
    case Kind::Numeric:
      if (!length) return "Numeric()";
      if (!scale) return fmt::format("Numeric({})", *length);
      return fmt::format("Numeric({}, {})", *length, *scale);
    case Kind::Real: return "Real()";
    case Kind::Double: return "Double()";
    case Kind::Boolean: return "Boolean()";
    case Kind::String: return length ? fmt::format("String({})", *length) : "String()";
    case Kind::Text: return "Text()";
    case Kind::Char: return fmt::format("Char({})", length ? std::to_string(*length) : "");
    case Kind::Date: return "Date()";
    case Kind::Time: return timezone ? "Time(true)" : "Time()";
    case Kind::Timestamp: return timezone ? "Timestamp(true)" : "Timestamp()";
    case Kind::Interval: return "Interval()";
    case Kind::UUID: return "UUID()";
    case Kind::JSON: return "JSON()";
    case Kind::JSONB: return "JSONB()";
    case Kind::LargeBinary: return "LargeBinary()";
    case Kind::INET: return "INET()";
    case Kind::CIDR: return "CIDR()";
    case Kind::Array: return fmt::format("Array({})", element.empty() ? Text().cpp() : element.front().cpp());
    case Kind::Enum:
      return fmt::format("Enum({}, {}, {})", cpp_string(name), ops::cpp_strings(values), cpp_string(schema));
    case Kind::Raw: return fmt::format("Type({})", cpp_string(name));
  }
  return fmt::format("Type({})", cpp_string(name));
}

const std::string& constraint_name(const Constraint& constraint) {
  return std::visit([](const auto& c) -> const std::string& { return c.name; }, constraint);
}

}  // namespace migrate

namespace migrate {

std::string key_modifiers(const IndexKey& key) {
  std::string out;
  if (!key.operator_class.empty()) out += " " + key.operator_class;
  if (key.descending) out += " DESC";
  if (key.nulls == NullsOrder::First) out += " NULLS FIRST";
  else if (key.nulls == NullsOrder::Last) out += " NULLS LAST";
  return out;
}

}  // namespace migrate
