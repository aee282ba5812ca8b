// pg_catalog queries that fill a schema::Catalog; the server normalises every type and expression.
#include "migrate/db/introspect.hpp"

#include <map>

#include <pqxx/pqxx>

#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/db/connection.hpp"
#include "migrate/schema/catalog_codes.hpp"

namespace migrate::db {

using schema::Catalog;
using schema::display;
using schema::fk_action_from_catalog;
using schema::fk_match_from_catalog;
using schema::index_method_from_catalog;
using schema::Table;

namespace {

// Lists travel as one text field joined by the unit separator, which no identifier contains.
constexpr char kSep = '\x1f';

std::vector<std::string> split(const std::string& joined, char separator = kSep) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  std::string part;
  for (char c : joined) {
    if (c == separator) out.push_back(std::exchange(part, {}));
    else part += c;
  }
  out.push_back(part);
  return out;
}

std::optional<std::string> opt(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

std::string str(const pqxx::field& f) { return f.is_null() ? std::string() : f.as<std::string>(); }

std::string schema_array(const std::vector<std::string>& schemas) {
  std::string out = "{";
  for (size_t i = 0; i < schemas.size(); ++i) {
    out += i ? "," : "";
    out += '"';
    for (char c : schemas[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// "RANGE (occurred_at)" or "LIST (lower(region))": the method and its keys, split at top-level commas.
PartitionBy parse_partition_key(const std::string& def) {
  PartitionBy p;
  auto open = def.find('(');
  std::string method = def.substr(0, def.find(' '));
  p.method = method == "LIST" ? PartitionBy::Method::List
             : method == "HASH" ? PartitionBy::Method::Hash
                                : PartitionBy::Method::Range;
  std::string inner = def.substr(open + 1, def.rfind(')') - open - 1);
  int depth = 0;
  std::string key;
  auto flush = [&] {
    auto b = key.find_first_not_of(' ');
    key = b == std::string::npos ? "" : key.substr(b);
    // A bare identifier is a column; anything else (a call, a cast) is an expression.
    bool column = !key.empty() && key.find_first_of("()':. ") == std::string::npos;
    if (column && key.front() == '"') key = key.substr(1, key.size() - 2);
    if (column) p.keys.emplace_back(key);
    else p.keys.emplace_back(text(key));
    key.clear();
  };
  for (char c : inner) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) flush();
    else key += c;
  }
  flush();
  return p;
}

// Only what differs from what PostgreSQL picks when a declaration leaves it unsaid (START WITH
// the first value in the sequence's direction, INCREMENT BY 1), as for referential actions: a
// model that says nothing compares equal to the database it built.
Identity identity_of(const std::string& kind, const pqxx::field& start, const pqxx::field& increment) {
  Identity id{.always = kind == "a"};
  if (increment.is_null()) return id;  // no sequence visible: nothing more to say
  const auto step = increment.as<std::int64_t>();
  const auto first = start.as<std::int64_t>();
  if (step != 1) id.increment = step;
  if (first != (step > 0 ? 1 : -1)) id.start = first;
  return id;
}

// pg_get_constraintdef's "CHECK ((price >= (0)::numeric)) NOT VALID" to the expression inside.
std::string check_expression(std::string def) {
  const std::string not_valid = " NOT VALID";
  if (def.size() > not_valid.size() && def.compare(def.size() - not_valid.size(), not_valid.size(), not_valid) == 0)
    def.resize(def.size() - not_valid.size());
  if (def.rfind("CHECK (", 0) == 0 && def.back() == ')') return def.substr(7, def.size() - 8);
  return def;
}

// Extension members (pg_depend deptype 'e'): `kind` is the catalog the object lives in. Both
// arguments are constants of this file, never input, so the condition is spelled once.
std::string not_extension_member(const char* kind, const char* oid) {
  return std::string("NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '") + kind +
         "'::regclass AND e.objid = " + oid + " AND e.deptype = 'e')";
}

bool excluded(const QualifiedName& table, const std::vector<QualifiedName>& exclude) {
  for (const auto& x : exclude)
    if (x.name == table.name && (x.schema.empty() || x.schema == table.schema)) return true;
  return false;
}

Catalog read_catalog(pqxx::transaction_base& tx, const IntrospectOptions& options) {
  Catalog catalog;
  const std::string wanted = schema_array(options.schemas);
  std::map<std::string, size_t> by_oid;  // table oid (as text) -> index in catalog.tables

  catalog.schemas.emplace();
  for (const auto& r : tx.exec_params("SELECT nspname FROM pg_namespace WHERE nspname = ANY($1::text[]) ORDER BY nspname",
                                      wanted))
    catalog.schemas->push_back(r[0].as<std::string>());

  for (const auto& r : tx.exec_params(R"(
      SELECT c.oid::text, n.nspname, c.relname, obj_description(c.oid, 'pg_class'),
             CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1::text[])
        AND )" + not_extension_member("pg_class", "c.oid") + R"(
      ORDER BY n.nspname, c.relname)",
                                      wanted)) {
    Table t;
    t.name = QualifiedName(r[1].as<std::string>(), r[2].as<std::string>());
    // Left out here, so its columns, constraints and indexes find no table below either.
    if (excluded(t.name, options.exclude_tables)) continue;
    t.comment = opt(r[3]);
    if (!r[4].is_null()) t.partition_by = parse_partition_key(r[4].as<std::string>());
    by_oid[r[0].as<std::string>()] = catalog.tables.size();
    catalog.tables.push_back(std::move(t));
  }
  auto table_of = [&](const pqxx::field& oid) -> Table* {
    auto it = by_oid.find(oid.as<std::string>());
    return it == by_oid.end() ? nullptr : &catalog.tables[it->second];
  };

  for (const auto& r : tx.exec_params(R"(
      SELECT i.inhparent::text, n.nspname, c.relname, pg_get_expr(c.relpartbound, c.oid)
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_namespace pn ON pn.oid = (SELECT relnamespace FROM pg_class WHERE oid = i.inhparent)
      WHERE c.relispartition AND pn.nspname = ANY($1::text[]) AND )" + not_extension_member("pg_class", "c.oid") + R"(
      ORDER BY n.nspname, c.relname)",
                                      wanted))
    if (Table* t = table_of(r[0]))
      t->partitions.push_back({QualifiedName(r[1].as<std::string>(), r[2].as<std::string>()), str(r[3])});

  for (const auto& r : tx.exec_params(R"(
      SELECT a.attrelid::text, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
             col_description(a.attrelid, a.attnum),
             CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, sq.seqstart, sq.seqincrement
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_collation co ON co.oid = a.attcollation
      LEFT JOIN pg_depend dep ON a.attidentity <> '' AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'i'
        AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
      LEFT JOIN pg_sequence sq ON sq.seqrelid = dep.objid
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname = ANY($1::text[])
      ORDER BY a.attrelid, a.attnum)",
                                      wanted)) {
    Table* t = table_of(r[0]);
    if (!t) continue;
    Column c(r[1].as<std::string>(), Type(r[2].as<std::string>()));
    c.options.nullable = !r[3].as<bool>();
    const std::string identity = str(r[5]);
    const std::string generated = str(r[6]);
    if (!identity.empty()) c.options.identity = identity_of(identity, r[9], r[10]);
    if (!generated.empty()) c.options.generated = opt(r[4]);
    else c.options.server_default = opt(r[4]);
    c.options.comment = opt(r[7]);
    c.options.collation = opt(r[8]);
    t->columns.push_back(std::move(c));
  }

  for (const auto& r : tx.exec_params(R"(
      SELECT con.conrelid::text, con.conname, con.contype, pg_get_constraintdef(con.oid, true),
             array_to_string(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                                   ORDER BY k.ord), chr(31)),
             fn.nspname, fc.relname,
             array_to_string(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                                   ORDER BY k.ord), chr(31)),
             con.confdeltype, con.confupdtype, con.confmatchtype, con.condeferrable, con.condeferred,
             coalesce(ix.indnullsnotdistinct, false), con.convalidated
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
      LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid AND con.contype = 'u'
      WHERE con.contype IN ('p', 'u', 'c', 'f') AND NOT c.relispartition AND n.nspname = ANY($1::text[])
      ORDER BY con.conrelid, con.conname)",
                                      wanted)) {
    Table* t = table_of(r[0]);
    if (!t) continue;
    const std::string name = r[1].as<std::string>();
    const std::string type = r[2].as<std::string>();
    auto columns = split(str(r[4]));
    if (type == "p") {
      t->constraints.emplace_back(PrimaryKeyConstraint{.columns = columns, .name = name});
    } else if (type == "u") {
      t->constraints.emplace_back(UniqueConstraint{.columns = columns, .name = name,
                                                   .options = {.nulls_not_distinct = r[13].as<bool>(),
                                                               .deferrable = r[11].as<bool>(),
                                                               .initially_deferred = r[12].as<bool>()}});
    } else if (type == "c") {
      t->constraints.emplace_back(CheckConstraint{.expression = check_expression(r[3].as<std::string>()), .name = name,
                                                  .options = {.not_valid = !r[14].as<bool>()}});
    } else {
      const std::string fk = fmt::format("foreign key {} on {}", name, display(t->name));
      t->constraints.emplace_back(ForeignKeyConstraint{
          .columns = columns,
          .referred_table = QualifiedName(str(r[5]), str(r[6])),
          .referred_columns = split(str(r[7])),
          .name = name,
          .options = {.on_delete = fk_action_from_catalog(str(r[8]), fk),
                      .on_update = fk_action_from_catalog(str(r[9]), fk),
                      .match = fk_match_from_catalog(str(r[10]), fk),
                      .deferrable = r[11].as<bool>(),
                      .initially_deferred = r[12].as<bool>(),
                      .not_valid = !r[14].as<bool>()}});
    }
  }

  // Indexes that back a primary key or unique constraint are the constraint's, not the table's.
  for (const auto& r : tx.exec_params(R"(
      SELECT i.indrelid::text, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid, true),
             i.indnkeyatts, i.indnullsnotdistinct,
             array_to_string(ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN 'e' ELSE 'c' END ||
                                          CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true)
                                               ELSE (SELECT attname FROM pg_attribute
                                                     WHERE attrelid = i.indrelid AND attnum = i.indkey[k - 1]) END
                                   FROM generate_series(1, i.indnatts) k ORDER BY k), chr(31)),
             -- Per key column: its operator class unless it is its type's default, and indoption's
             -- bits (1 DESC, 2 NULLS FIRST).
             array_to_string(ARRAY(SELECT coalesce((SELECT CASE WHEN opc.opcdefault THEN '' ELSE opc.opcname END
                                                    FROM pg_opclass opc WHERE opc.oid = i.indclass[k - 1]), '')
                                   FROM generate_series(1, i.indnkeyatts) k ORDER BY k), chr(31)),
             array_to_string(ARRAY(SELECT i.indoption[k - 1] FROM generate_series(1, i.indnkeyatts) k ORDER BY k), ',')
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
      JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT c.relispartition AND n.nspname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                        WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
      ORDER BY i.indrelid, ic.relname)",
                                      wanted)) {
    Table* t = table_of(r[0]);
    if (!t) continue;
    Index index;
    index.name = r[1].as<std::string>();
    index.options.unique = r[2].as<bool>();
    index.options.method =
        index_method_from_catalog(r[3].as<std::string>(), fmt::format("index {} on {}", index.name, display(t->name)));
    index.options.where = opt(r[4]);
    index.options.nulls_not_distinct = r[6].as<bool>();
    const auto key_count = static_cast<size_t>(r[5].as<int>());
    auto keys = split(str(r[7]));
    auto opclasses = split(str(r[8]));
    auto sort_options = split(str(r[9]), ',');
    for (size_t k = 0; k < keys.size(); ++k) {
      const bool expression = keys[k].front() == 'e';
      std::string text_ = keys[k].substr(1);
      if (k >= key_count) {
        index.options.include.push_back(text_);
        continue;
      }
      IndexKey key = expression ? IndexKey(text(text_)) : IndexKey(text_);
      if (k < opclasses.size()) key.operator_class = opclasses[k];
      const int bits = k < sort_options.size() ? std::stoi(sort_options[k]) : 0;
      key.descending = bits & 1;
      const bool nulls_first = bits & 2;
      if (nulls_first != key.descending) key.nulls = nulls_first ? NullsOrder::First : NullsOrder::Last;
      index.keys.push_back(std::move(key));
    }
    t->indexes.push_back(std::move(index));
  }

  for (const auto& r : tx.exec_params(R"(
      SELECT n.nspname, t.typname,
             array_to_string(ARRAY(SELECT enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), chr(31))
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = ANY($1::text[]) AND )" + not_extension_member("pg_type", "t.oid") + R"(
      ORDER BY n.nspname, t.typname)",
                                      wanted))
    catalog.enums.push_back({QualifiedName(r[0].as<std::string>(), r[1].as<std::string>()), split(str(r[2]))});

  // Sequences behind identity columns belong to the column, not to the schema's declarations.
  for (const auto& r : tx.exec_params(R"(
      SELECT s.schemaname, s.sequencename, s.data_type::text, s.start_value, s.increment_by, s.min_value,
             s.max_value, s.cache_size, s.cycle
      FROM pg_sequences s
      JOIN pg_namespace n ON n.nspname = s.schemaname
      JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
      WHERE s.schemaname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'i' AND d.objid = c.oid)
        AND )" + not_extension_member("pg_class", "c.oid") + R"(
      ORDER BY s.schemaname, s.sequencename)",
                                      wanted)) {
    Sequence s;
    s.name = QualifiedName(r[0].as<std::string>(), r[1].as<std::string>());
    s.options.as = Type(r[2].as<std::string>());
    s.options.start = r[3].as<std::int64_t>();
    s.options.increment = r[4].as<std::int64_t>();
    s.options.min_value = r[5].as<std::int64_t>();
    s.options.max_value = r[6].as<std::int64_t>();
    s.options.cache = r[7].as<std::int64_t>();
    s.options.cycle = r[8].as<bool>();
    catalog.sequences.push_back(std::move(s));
  }
  return catalog;
}

}  // namespace

Catalog introspect(pqxx::transaction_base& tx, const std::vector<std::string>& schemas) {
  return introspect(tx, IntrospectOptions{.schemas = schemas});
}

Catalog introspect(pqxx::transaction_base& tx, const IntrospectOptions& options) {
  try {
    return read_catalog(tx, options);
  } catch (const pqxx::failure& e) {
    // Connection losses and SQL errors alike: the server's words, as every other database error.
    throw DatabaseError("introspection failed: " + server_message(e));
  }
}

}  // namespace migrate::db
