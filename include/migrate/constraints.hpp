// Table constraints, indexes and partitioning: value types shared by ops, models and diff.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <migrate/types.hpp>

namespace migrate {

// ON DELETE / ON UPDATE of a foreign key. NoAction is PostgreSQL's default and is left unsaid.
enum class FkAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

// MATCH of a foreign key. Simple is PostgreSQL's default and is left unsaid; PostgreSQL does not
// implement MATCH PARTIAL.
enum class FkMatch { Simple, Full };

// USING of an index. BTree is PostgreSQL's default and is left unsaid.
enum class IndexMethod { BTree, Hash, Gist, SpGist, Gin, Brin };

// The SQL words each enumerator stands for: "SET NULL", "FULL", "gin".
std::string_view sql_keyword(FkAction action);
std::string_view sql_keyword(FkMatch match);
std::string_view sql_keyword(IndexMethod method);

// Fields read like SQLAlchemy's constraint classes; set them with designated initializers:
// UniqueConstraint{.columns = {"sku"}, .name = "uq_products_sku"}. What a constraint or index is
// beyond its columns and name sits in its *Options member, the same struct the op. call takes, so
// each field is declared once: op.create_unique_constraint(name, table, columns, {.deferrable = true}).
struct PrimaryKeyConstraint {
  std::vector<std::string> columns{};
  std::string name{};  // empty: PostgreSQL picks <table>_pkey
  friend bool operator==(const PrimaryKeyConstraint&, const PrimaryKeyConstraint&) = default;
};

struct UniqueOptions {
  bool nulls_not_distinct = false;  // PostgreSQL 15: NULLs collide like values
  bool deferrable = false;
  bool initially_deferred = false;
  friend bool operator==(const UniqueOptions&, const UniqueOptions&) = default;
};

struct UniqueConstraint {
  std::vector<std::string> columns{};
  std::string name{};
  UniqueOptions options{};
  friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

struct CheckOptions {
  bool not_valid = false;  // only honoured by add-constraint (ALTER TABLE)
  friend bool operator==(const CheckOptions&, const CheckOptions&) = default;
};

struct CheckConstraint {
  std::string expression{};  // SQL, written verbatim
  std::string name{};
  CheckOptions options{};
  friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

// Also what a column's inline REFERENCES says (ColumnReference).
struct ForeignKeyOptions {
  FkAction on_delete = FkAction::NoAction;
  FkAction on_update = FkAction::NoAction;
  FkMatch match = FkMatch::Simple;
  bool deferrable = false;
  bool initially_deferred = false;
  bool not_valid = false;  // only honoured by add-constraint (ALTER TABLE)
  friend bool operator==(const ForeignKeyOptions&, const ForeignKeyOptions&) = default;
};

struct ForeignKeyConstraint {
  std::vector<std::string> columns{};
  QualifiedName referred_table{};
  std::vector<std::string> referred_columns{};
  std::string name{};
  ForeignKeyOptions options{};
  friend bool operator==(const ForeignKeyConstraint&, const ForeignKeyConstraint&) = default;
};

using Constraint = std::variant<PrimaryKeyConstraint, UniqueConstraint, CheckConstraint, ForeignKeyConstraint>;

// The name a constraint was given ("" when PostgreSQL is left to pick one).
const std::string& constraint_name(const Constraint& constraint);

// Where NULLs sort in an index key. Default is PostgreSQL's: last ascending, first descending.
enum class NullsOrder { Default, First, Last };

// One key of an index: a column name (quoted as needed) or text("lower(email)"), with how it
// sorts and its operator class when not the type's default:
//   IndexKey("created_at").desc(), IndexKey("sku").opclass("text_pattern_ops").
// Only what differs from PostgreSQL's default is set, as introspection reports it, so that
// `created_at DESC NULLS FIRST` and `created_at DESC` are one key.
struct IndexKey {
  std::string column{};
  std::optional<TextClause> expression{};
  bool descending = false;
  NullsOrder nulls = NullsOrder::Default;
  std::string operator_class{};  // "" for the default one

  IndexKey(const char* c) : column(c) {}
  IndexKey(std::string c) : column(std::move(c)) {}
  IndexKey(TextClause e) : expression(std::move(e)) {}

  // desc() before nulls_first() / nulls_last(), as in SQL.
  IndexKey desc() const {
    return with([](IndexKey& k) {
      k.descending = true;
      if (k.nulls == NullsOrder::First) k.nulls = NullsOrder::Default;
    });
  }
  // NULLS FIRST / LAST, stored only when it is not the default for the direction.
  IndexKey nulls_first() const { return with([](IndexKey& k) { k.nulls = k.descending ? NullsOrder::Default : NullsOrder::First; }); }
  IndexKey nulls_last() const { return with([](IndexKey& k) { k.nulls = k.descending ? NullsOrder::Last : NullsOrder::Default; }); }
  IndexKey opclass(std::string name) const { return with([&](IndexKey& k) { k.operator_class = std::move(name); }); }
  friend bool operator==(const IndexKey&, const IndexKey&) = default;

 private:
  template <class F>
  IndexKey with(F f) const {
    IndexKey k = *this;
    f(k);
    return k;
  }
};

// " text_pattern_ops DESC NULLS LAST": what follows a key's column or expression in SQL.
std::string key_modifiers(const IndexKey& key);

// What an index is beyond its name and keys; how op.create_index builds it (CONCURRENTLY,
// IF NOT EXISTS) is not part of the index and sits in CreateIndexOptions.
struct IndexOptions {
  bool unique = false;
  std::optional<std::string> where{};   // partial index predicate, SQL
  IndexMethod method = IndexMethod::BTree;
  std::vector<std::string> include{};   // covering columns
  bool nulls_not_distinct = false;
  friend bool operator==(const IndexOptions&, const IndexOptions&) = default;
};

// An index as the catalog sees it (the table is the context it lives in).
struct Index {
  std::string name{};
  std::vector<IndexKey> keys{};
  IndexOptions options{};
  friend bool operator==(const Index&, const Index&) = default;
};

// PARTITION BY RANGE|LIST|HASH (columns...).
struct PartitionBy {
  enum class Method { Range, List, Hash };
  Method method = Method::Range;
  std::vector<IndexKey> keys{};  // columns, or text("date_trunc('month', created_at)")

  static PartitionBy range(std::vector<IndexKey> keys) { return {Method::Range, std::move(keys)}; }
  static PartitionBy list(std::vector<IndexKey> keys) { return {Method::List, std::move(keys)}; }
  static PartitionBy hash(std::vector<IndexKey> keys) { return {Method::Hash, std::move(keys)}; }
  friend bool operator==(const PartitionBy&, const PartitionBy&) = default;
};

// FOR VALUES ... of one partition. Bounds are SQL expressions ("'2026-01-01'", "MINVALUE").
struct PartitionBound {
  enum class Kind { Range, List, Hash, Default };
  Kind kind = Kind::Default;
  std::vector<std::string> from{}, to{};  // Range
  std::vector<std::string> in{};        // List
  int modulus = 0, remainder = 0;     // Hash

  static PartitionBound range(std::vector<std::string> from, std::vector<std::string> to) {
    return {Kind::Range, std::move(from), std::move(to), {}, 0, 0};
  }
  static PartitionBound list(std::vector<std::string> values) { return {Kind::List, {}, {}, std::move(values), 0, 0}; }
  static PartitionBound hash(int modulus, int remainder) { return {Kind::Hash, {}, {}, {}, modulus, remainder}; }
  static PartitionBound default_partition() { return {}; }
  friend bool operator==(const PartitionBound&, const PartitionBound&) = default;
};

}  // namespace migrate
