// Column types, qualified names, SQL expressions and literal values: the vocabulary of ops and models.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace migrate {

// A schema-qualified name: "products" or {"ecommerce", "products"}; an empty schema means the
// search_path decides, as PostgreSQL does.
struct QualifiedName {
  std::string schema{};
  std::string name{};

  QualifiedName() = default;
  QualifiedName(const char* table) : name(table) {}
  QualifiedName(std::string table) : name(std::move(table)) {}
  QualifiedName(std::string schema_name, std::string table) : schema(std::move(schema_name)), name(std::move(table)) {}

  friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
};

// A column type. Build it with the factories below (String(100), Array(Integer()), ...) or
// Type("tsvector") for anything they do not cover; the SQL text is rendered from the fields,
// so a model and a migration built from the same factory compare equal.
struct Type {
  enum class Kind {
    SmallInteger, Integer, BigInteger, Numeric, Real, Double, Boolean, String, Text, Char,
    Date, Time, Timestamp, Interval, UUID, JSON, JSONB, LargeBinary, INET, CIDR, Array, Enum, Raw
  };

  Kind kind = Kind::Raw;
  std::optional<int> length{};     // String(n), Char(n); Numeric precision
  std::optional<int> scale{};      // Numeric scale
  bool timezone = false;         // Time, Timestamp
  std::vector<Type> element{};     // Array: exactly one element type
  std::string name{};              // Enum type name, or the raw SQL text of Type("...")
  std::string schema{};            // Enum schema
  std::vector<std::string> values{};  // Enum labels, in order

  Type() = default;
  explicit Type(Kind k) : kind(k) {}
  // Any other type, as SQL text written verbatim ("tsvector", "int4range", "vector(3)").
  explicit Type(std::string raw_sql) : kind(Kind::Raw), name(std::move(raw_sql)) {}
  explicit Type(const char* raw_sql) : Type(std::string(raw_sql)) {}

  // DDL spelling: VARCHAR(100), TIMESTAMP WITH TIME ZONE, ecommerce.order_status, INTEGER[].
  std::string sql() const;
  // PostgreSQL's format_type() spelling, for comparing with a live catalog:
  // character varying(100), timestamp with time zone, integer[].
  std::string format_type() const;
  // The C++ expression that builds this type: String(100), Array(Integer()).
  std::string cpp() const;

  friend bool operator==(const Type&, const Type&) = default;
};

Type SmallInteger();
Type Integer();
Type BigInteger();
Type Numeric(std::optional<int> precision = std::nullopt, std::optional<int> scale = std::nullopt);
Type Real();
Type Double();
Type Boolean();
Type String(std::optional<int> length = std::nullopt);
Type VARCHAR(std::optional<int> length = std::nullopt);
Type Text();
Type Char(std::optional<int> length = std::nullopt);
Type Date();
Type Time(bool timezone = false);
Type DateTime(bool timezone = false);
Type Timestamp(bool timezone = false);
Type Interval();
Type UUID();
Type JSON();
Type JSONB();
Type LargeBinary();
Type INET();
Type CIDR();
Type Array(Type element);
// A reference to an enum type; create it with op.create_enum() before a column uses it.
Type Enum(std::string name, std::vector<std::string> values = {}, std::string schema = "");

// SQL text used verbatim where an identifier would otherwise be quoted (index expressions,
// raw values in bulk_insert), as SQLAlchemy's text().
struct TextClause {
  std::string sql{};
  friend bool operator==(const TextClause&, const TextClause&) = default;
};
inline TextClause text(std::string sql) { return TextClause{std::move(sql)}; }

// One literal value of bulk_insert: NULL, boolean, integer, floating point, string or raw SQL.
struct Value {
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, TextClause> v{};

  Value() : v(nullptr) {}
  Value(std::nullptr_t) : v(nullptr) {}
  Value(bool b) : v(b) {}
  Value(int i) : v(std::int64_t{i}) {}
  Value(long i) : v(std::int64_t{i}) {}
  Value(long long i) : v(std::int64_t{i}) {}
  Value(double d) : v(d) {}
  Value(const char* s) : v(std::string(s)) {}
  Value(std::string s) : v(std::move(s)) {}
  Value(TextClause t) : v(std::move(t)) {}

  friend bool operator==(const Value&, const Value&) = default;
};

}  // namespace migrate
