// Catalog against Catalog, object by object, named in each line so a failing test says what.
#include "migrate/schema/compare.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace migrate::schema {

namespace {

std::string text_or(const std::optional<std::string>& v, const char* none = "none") { return v ? *v : none; }

std::string action(FkAction a) { return std::string(sql_keyword(a)); }
std::string match(FkMatch m) { return m == FkMatch::Simple ? "" : " MATCH " + std::string(sql_keyword(m)); }
std::string method(IndexMethod m) { return std::string(sql_keyword(m)); }

std::string key_text(const IndexKey& k) { return k.expression ? "(" + k.expression->sql + ")" : k.column; }

std::string keys_text(const std::vector<IndexKey>& keys) {
  std::vector<std::string> parts;
  for (const auto& k : keys) parts.push_back(key_text(k));
  return fmt::format("{}", fmt::join(parts, ", "));
}

const char* kind(const Constraint& c) {
  switch (c.index()) {
    case 0: return "primary key";
    case 1: return "unique";
    case 2: return "check";
    default: return "foreign key";
  }
}

// The constraint as one comparable line: everything the database keeps about it.
std::string describe(const Constraint& constraint) {
  return std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) return fmt::format("PRIMARY KEY ({})", fmt::join(c.columns, ", "));
        else if constexpr (std::is_same_v<T, UniqueConstraint>)
          return fmt::format("UNIQUE{} ({}){}", c.options.nulls_not_distinct ? " NULLS NOT DISTINCT" : "", fmt::join(c.columns, ", "),
                             c.options.deferrable ? (c.options.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "");
        else if constexpr (std::is_same_v<T, CheckConstraint>) return fmt::format("CHECK ({})", c.expression);
        else
          return fmt::format("FOREIGN KEY ({}) REFERENCES {} ({}){} ON DELETE {} ON UPDATE {}{}", fmt::join(c.columns, ", "),
                             display(c.referred_table), fmt::join(c.referred_columns, ", "),
                             match(c.options.match), action(c.options.on_delete), action(c.options.on_update),
                             c.options.deferrable ? (c.options.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "");
      },
      constraint);
}

std::string describe(const Index& index) {
  const auto& i = index.options;
  std::string out = fmt::format("{}INDEX USING {} ({})", i.unique ? "UNIQUE " : "", method(i.method), keys_text(index.keys));
  if (!i.include.empty()) out += fmt::format(" INCLUDE ({})", fmt::join(i.include, ", "));
  if (i.nulls_not_distinct) out += " NULLS NOT DISTINCT";
  if (i.where) out += " WHERE " + *i.where;
  return out;
}

std::string describe(const PartitionBy& p) {
  const char* m = p.method == PartitionBy::Method::Range ? "RANGE" : p.method == PartitionBy::Method::List ? "LIST" : "HASH";
  return fmt::format("{} ({})", m, keys_text(p.keys));
}

std::string describe(const std::optional<Identity>& i) {
  if (!i) return "none";
  return i->always ? "ALWAYS" : "BY DEFAULT";
}

struct Comparer {
  const CompareOptions& options;
  std::vector<std::string> out{};

  template <class T>
  void field(const std::string& where, const char* what, const T& wanted, const T& found) {
    if (wanted != found) out.push_back(fmt::format("{}: {}: wanted {}, found {}", where, what, wanted, found));
  }

  bool ignored(const QualifiedName& n) const {
    return std::find(options.ignore_tables.begin(), options.ignore_tables.end(), n) != options.ignore_tables.end();
  }

  void column(const std::string& where, const Column& w, const Column& f) {
    field(where, "type", w.type.format_type(), f.type.format_type());
    field(where, "nullable", std::string(w.options.nullable ? "NULL" : "NOT NULL"),
          std::string(f.options.nullable ? "NULL" : "NOT NULL"));
    field(where, "default", text_or(w.options.server_default), text_or(f.options.server_default));
    field(where, "identity", describe(w.options.identity), describe(f.options.identity));
    field(where, "generated", text_or(w.options.generated), text_or(f.options.generated));
    field(where, "comment", text_or(w.options.comment), text_or(f.options.comment));
    field(where, "collation", text_or(w.options.collation, "default"), text_or(f.options.collation, "default"));
  }

  void table(const Table& w, const Table& f) {
    const std::string t = display(w.name);
    field(t, "comment", text_or(w.comment), text_or(f.comment));
    field(t, "partitioned by", w.partition_by ? describe(*w.partition_by) : std::string("nothing"),
          f.partition_by ? describe(*f.partition_by) : std::string("nothing"));
    for (const auto& wc : w.columns) {
      if (const Column* fc = f.column(wc.name)) column(t + "." + wc.name, wc, *fc);
      else out.push_back(fmt::format("{}.{}: column missing", t, wc.name));
    }
    for (const auto& wc : w.constraints) {
      const std::string name = constraint_name(wc);
      const Constraint* fc = f.constraint(name);
      if (!fc) out.push_back(fmt::format("{}: {} constraint {} missing", t, kind(wc), name));
      else field(t + " constraint " + name, "definition", describe(wc), describe(*fc));
    }
    for (const auto& wi : w.indexes) {
      const Index* fi = f.index(wi.name);
      if (!fi) out.push_back(fmt::format("{}: index {} missing", t, wi.name));
      else field(t + " index " + wi.name, "definition", describe(wi), describe(*fi));
    }
    if (!w.partitions.empty()) {
      for (const auto& wp : w.partitions) {
        auto it = std::find_if(f.partitions.begin(), f.partitions.end(), [&](const Partition& p) { return p.name == wp.name; });
        if (it == f.partitions.end()) out.push_back(fmt::format("{}: partition {} missing", t, display(wp.name)));
        else field(t + " partition " + display(wp.name), "bound", wp.bound, it->bound);
      }
    }
    if (!options.report_extra) return;
    for (const auto& fc : f.columns)
      if (!w.column(fc.name)) out.push_back(fmt::format("{}.{}: column not in the models", t, fc.name));
    for (const auto& fc : f.constraints)
      if (!w.constraint(constraint_name(fc)))
        out.push_back(fmt::format("{}: {} constraint {} not in the models", t, kind(fc), constraint_name(fc)));
    for (const auto& fi : f.indexes)
      if (!w.index(fi.name)) out.push_back(fmt::format("{}: index {} not in the models", t, fi.name));
  }

  void catalog(const Catalog& w, const Catalog& f) {
    for (const auto& e : w.enums) {
      const Enum* fe = f.enum_type(e.name);
      if (!fe) out.push_back(fmt::format("enum {} missing", display(e.name)));
      else field("enum " + display(e.name), "labels", fmt::format("{}", fmt::join(e.values, ", ")),
                 fmt::format("{}", fmt::join(fe->values, ", ")));
    }
    for (const auto& s : w.sequences) {
      const Sequence* fs = f.sequence(s.name);
      if (!fs) {
        out.push_back(fmt::format("sequence {} missing", display(s.name)));
        continue;
      }
      // A declaration says only what it cares about; the server fills in the rest.
      const std::string where = "sequence " + display(s.name);
      auto num = [&](const char* what, const std::optional<std::int64_t>& wv, const std::optional<std::int64_t>& fv) {
        if (wv) field(where, what, std::to_string(*wv), fv ? std::to_string(*fv) : std::string("none"));
      };
      if (s.options.as) field(where, "type", s.options.as->format_type(), fs->options.as ? fs->options.as->format_type() : "none");
      num("start", s.options.start, fs->options.start);
      num("increment", s.options.increment, fs->options.increment);
      num("minvalue", s.options.min_value, fs->options.min_value);
      num("maxvalue", s.options.max_value, fs->options.max_value);
      num("cache", s.options.cache, fs->options.cache);
      field(where, "cycle", s.options.cycle, fs->options.cycle);
    }
    for (const auto& wt : w.tables) {
      if (ignored(wt.name)) continue;
      if (const Table* ft = f.table(wt.name)) table(wt, *ft);
      else out.push_back(fmt::format("{}: table missing", display(wt.name)));
    }
    if (!options.report_extra) return;
    for (const auto& ft : f.tables)
      if (!ignored(ft.name) && !w.table(ft.name)) out.push_back(fmt::format("{}: table not in the models", display(ft.name)));
    for (const auto& fe : f.enums)
      if (!w.enum_type(fe.name)) out.push_back(fmt::format("enum {} not in the models", display(fe.name)));
    for (const auto& fs : f.sequences)
      if (!w.sequence(fs.name)) out.push_back(fmt::format("sequence {} not in the models", display(fs.name)));
  }
};

}  // namespace

std::vector<std::string> compare(const Catalog& wanted, const Catalog& found, const CompareOptions& options) {
  Comparer c{options};
  c.catalog(wanted, found);
  return std::move(c.out);
}

}  // namespace migrate::schema
