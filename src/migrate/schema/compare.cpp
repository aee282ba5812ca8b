// Catalog against Catalog, object by object, each difference one operation in its phase.
#include "migrate/schema/compare.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "migrate/ops/render_sql.hpp"
#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/partition_bound.hpp"

namespace migrate::schema {

namespace {

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string labels(const std::vector<std::string>& values) { return fmt::format("{}", fmt::join(values, ", ")); }
std::string text_or(const std::optional<std::string>& v, const char* none = "none") { return v ? *v : none; }

std::string identity_text(const std::optional<Identity>& i) {
  if (!i) return "none";
  return i->always ? "ALWAYS" : "BY DEFAULT";
}

// Everything the database keeps about a constraint of the same name.
bool same_constraint(const Constraint& wanted, const Constraint& found) {
  if (wanted.index() != found.index()) return false;
  return std::visit(
      [&](const auto& w) {
        using T = std::decay_t<decltype(w)>;
        const auto& f = std::get<T>(found);
        if constexpr (std::is_same_v<T, PrimaryKeyConstraint>) return w.columns == f.columns;
        else if constexpr (std::is_same_v<T, UniqueConstraint>)
          return w.columns == f.columns && w.options == f.options;
        else if constexpr (std::is_same_v<T, CheckConstraint>) return w.expression == f.expression;
        else
          // NOT VALID is how a constraint was added, not what it is.
          return w.columns == f.columns && w.referred_table == f.referred_table &&
                 w.referred_columns == f.referred_columns && w.options.on_delete == f.options.on_delete &&
                 w.options.on_update == f.options.on_update && w.options.match == f.options.match &&
                 w.options.deferrable == f.options.deferrable &&
                 w.options.initially_deferred == f.options.initially_deferred;
      },
      wanted);
}

bool same_index(const Index& w, const Index& f) {
  return w.keys == f.keys && w.options == f.options;
}

bool is_foreign_key(const Constraint& c) { return std::holds_alternative<ForeignKeyConstraint>(c); }

// What a person must write: it renders to a statement that fails, so a generated revision
// cannot pass for complete, and describe() shows the reason in check's report.
Operation by_hand(std::string what) { return op::Irreversible{what + "; no operation does this: write it by hand"}; }

// The phases of compare.hpp, filled in any order and joined in this one.
struct Plan {
  std::vector<Operation> types, new_tables, add_columns, alter_columns, drop_foreign_keys, drop_others, create_indexes,
      add_constraints, add_foreign_keys, partitions, comments, drop_columns, drop_partitions, drop_tables,
      drop_sequences, drop_enums;

  std::vector<Operation> joined() && {
    std::vector<Operation> out;
    for (auto* phase : {&types, &new_tables, &add_columns, &alter_columns, &drop_foreign_keys, &drop_others,
                        &create_indexes, &add_constraints, &add_foreign_keys, &partitions, &comments, &drop_columns,
                        &drop_partitions, &drop_tables, &drop_sequences, &drop_enums})
      for (auto& o : *phase) out.push_back(std::move(o));
    return out;
  }
};

struct Comparer {
  const CompareOptions& options;
  Plan plan{};

  bool ignored(const QualifiedName& n) const { return contains(options.ignore_tables, n); }

  // A label can be added, never removed or moved: ADD VALUE reaches `wanted` only when the found
  // labels appear in it in the same order. Anything else is left to a person rather than done
  // by a recipe (new type, ALTER COLUMN ... USING, drop the old one), because rows may hold a
  // removed label and only a person knows what they become.
  void enum_type(const Enum& w, const Enum& f) {
    if (w.values == f.values) return;
    std::vector<std::string> kept;
    for (const auto& v : w.values)
      if (contains(f.values, v)) kept.push_back(v);
    if (kept != f.values) {
      plan.types.push_back(by_hand(fmt::format("enum {}: labels removed or reordered (wanted {}; found {})", display(w.name),
                                               labels(w.values), labels(f.values))));
      return;
    }
    const auto first_kept = std::find_if(w.values.begin(), w.values.end(), [&](const std::string& v) {
                              return contains(f.values, v);
                            }) - w.values.begin();
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(w.values.size()); ++i) {
      if (contains(f.values, w.values[i])) continue;
      op::AddEnumValue add{.type = w.name, .value = w.values[i]};
      // Before the first found label while there is none to follow, then each after its predecessor.
      if (i < first_kept && first_kept < static_cast<std::ptrdiff_t>(w.values.size())) add.before = w.values[first_kept];
      else if (i > 0) add.after = w.values[i - 1];
      plan.types.push_back(std::move(add));
    }
  }

  // A declaration says only what it cares about; the server fills in the rest. There is no
  // alter-sequence operation, so the change is its statement (reverse() of it is refused).
  void sequence(const Sequence& w, const Sequence& f) {
    const auto& o = w.options;
    const auto& fo = f.options;
    std::string clauses;
    if (o.as && (!fo.as || o.as->format_type() != fo.as->format_type())) clauses += " AS " + o.as->sql();
    auto num = [&](const char* clause, const std::optional<std::int64_t>& wv, const std::optional<std::int64_t>& fv) {
      if (wv && wv != fv) clauses += fmt::format(" {} {}", clause, *wv);
    };
    num("INCREMENT BY", o.increment, fo.increment);
    num("MINVALUE", o.min_value, fo.min_value);
    num("MAXVALUE", o.max_value, fo.max_value);
    num("START WITH", o.start, fo.start);
    num("CACHE", o.cache, fo.cache);
    if (o.cycle != fo.cycle) clauses += o.cycle ? " CYCLE" : " NO CYCLE";
    if (!clauses.empty()) plan.types.push_back(op::Execute{"ALTER SEQUENCE " + ops::quote_name(w.name) + clauses, {}});
  }

  void column(const QualifiedName& table, const Column& w, const Column& f) {
    const std::string where = display(table) + "." + w.name;
    AlterColumnOptions o;
    bool changed = false;
    if (w.type.format_type() != f.type.format_type()) {
      o.type = w.type;
      changed = true;
    }
    if (w.options.nullable != f.options.nullable) {
      o.nullable = w.options.nullable;
      changed = true;
    }
    if (w.options.server_default != f.options.server_default) {
      if (w.options.server_default) o.server_default = w.options.server_default;
      else o.drop_server_default = true;
      changed = true;
    }
    if (w.options.comment != f.options.comment) {
      if (w.options.comment) o.comment = w.options.comment;
      else o.drop_comment = true;
      changed = true;
    }
    if (changed) {
      // All four, as Alembic's comparators fill them: reverse() needs the changed ones, a
      // reader of the revision the rest.
      o.existing_type = f.type;
      o.existing_nullable = f.options.nullable;
      o.existing_server_default = f.options.server_default;
      o.existing_comment = f.options.comment;
      plan.alter_columns.push_back(op::AlterColumn{table, w.name, std::move(o)});
    }
    if (identity_text(w.options.identity) != identity_text(f.options.identity))
      plan.alter_columns.push_back(by_hand(fmt::format("{}: identity: wanted {}, found {}", where,
                                                       identity_text(w.options.identity), identity_text(f.options.identity))));
    if (w.options.generated != f.options.generated)
      plan.alter_columns.push_back(by_hand(fmt::format("{}: generated: wanted {}, found {}", where, text_or(w.options.generated),
                                                       text_or(f.options.generated))));
    if (w.options.collation != f.options.collation)
      plan.alter_columns.push_back(by_hand(fmt::format("{}: collation: wanted {}, found {}", where,
                                                       text_or(w.options.collation, "default"),
                                                       text_or(f.options.collation, "default"))));
  }

  void add_constraint(const QualifiedName& table, const Constraint& c) {
    (is_foreign_key(c) ? plan.add_foreign_keys : plan.add_constraints).push_back(op::AddConstraint{table, c});
  }
  void drop_constraint(const QualifiedName& table, const Constraint& c) {
    (is_foreign_key(c) ? plan.drop_foreign_keys : plan.drop_others)
        .push_back(op::DropConstraint{table, constraint_name(c), {}, c});
  }
  static op::DropIndex drop_index(const QualifiedName& table, const Index& i) {
    return op::DropIndex{QualifiedName(table.schema, i.name), false, {}, op::CreateIndex{.table = table, .index = i}};
  }

  // A bound comes as the server prints it; one this cannot read is left to a person.
  std::optional<PartitionBound> bound(const Partition& p, std::vector<Operation>& out) {
    auto b = parse_partition_bound(p.bound);
    if (!b) out.push_back(by_hand(fmt::format("partition {}: cannot read the bound {}", display(p.name), p.bound)));
    return b;
  }

  void create_partition(const QualifiedName& parent, const Partition& p) {
    if (auto b = bound(p, plan.partitions)) plan.partitions.push_back(op::CreatePartition{p.name, parent, *b});
  }

  // Detached first so that reverse() attaches it again with its bound; the definition is the
  // parent's columns and checks, what ATTACH PARTITION requires of a table.
  void drop_partition(const Table& parent, const Partition& p, std::vector<Operation>& out) {
    auto b = bound(p, out);
    if (!b) return;
    op::CreateTable definition{.table = p.name};
    for (Column c : parent.columns) {
      c.options.comment.reset();
      c.options.identity.reset();  // a partition's values come from the parent's identity
      definition.columns.push_back(std::move(c));
    }
    for (const auto& c : parent.constraints)
      if (std::holds_alternative<CheckConstraint>(c)) definition.constraints.push_back(c);
    out.push_back(op::DetachPartition{parent.name, p.name, false, *b});
    out.push_back(op::DropTable{p.name, {}, std::move(definition)});
  }

  void partitions(const Table& w, const Table& f) {
    if (w.partitions.empty()) return;
    for (const auto& wp : w.partitions) {
      auto it = std::find_if(f.partitions.begin(), f.partitions.end(), [&](const Partition& p) { return p.name == wp.name; });
      if (it == f.partitions.end()) create_partition(w.name, wp);
      else if (it->bound != wp.bound) {
        auto old_bound = bound(*it, plan.partitions);
        auto new_bound = bound(wp, plan.partitions);
        if (!old_bound || !new_bound) continue;
        plan.partitions.push_back(op::DetachPartition{w.name, wp.name, false, *old_bound});
        plan.partitions.push_back(op::AttachPartition{w.name, wp.name, *new_bound});
      }
    }
    if (!options.report_extra) return;
    for (const auto& fp : f.partitions)
      if (std::none_of(w.partitions.begin(), w.partitions.end(), [&](const Partition& p) { return p.name == fp.name; }))
        drop_partition(f, fp, plan.drop_partitions);
  }

  void table(const Table& w, const Table& f) {
    for (const auto& wc : w.columns) {
      if (const Column* fc = f.column(wc.name)) column(w.name, wc, *fc);
      else plan.add_columns.push_back(op::AddColumn{w.name, wc});
    }
    if (w.partition_by != f.partition_by)
      plan.alter_columns.push_back(by_hand(fmt::format("{}: partitioning differs; a table is partitioned when created",
                                                       display(w.name))));
    for (const auto& wc : w.constraints) {
      const Constraint* fc = f.constraint(constraint_name(wc));
      if (fc && same_constraint(wc, *fc)) continue;
      if (fc) drop_constraint(w.name, *fc);
      add_constraint(w.name, wc);
    }
    for (const auto& wi : w.indexes) {
      const Index* fi = f.index(wi.name);
      if (fi && same_index(wi, *fi)) continue;
      if (fi) plan.drop_others.push_back(drop_index(w.name, *fi));
      plan.create_indexes.push_back(op::CreateIndex{.table = w.name, .index = wi});
    }
    partitions(w, f);
    if (w.comment != f.comment) plan.comments.push_back(op::TableComment{w.name, w.comment, f.comment});
    if (!options.report_extra) return;
    // Extra constraints and indexes go before anything is created: a primary key under another
    // name would otherwise refuse the wanted one ("multiple primary keys").
    for (const auto& fc : f.constraints)
      if (!w.constraint(constraint_name(fc))) drop_constraint(w.name, fc);
    for (const auto& fi : f.indexes)
      if (!w.index(fi.name)) plan.drop_others.push_back(drop_index(w.name, fi));
    for (const auto& fc : f.columns)
      if (!w.column(fc.name)) plan.drop_columns.push_back(op::DropColumn{w.name, fc.name, {}, fc});
  }

  // New tables in foreign-key order among themselves (references to existing tables need no order).
  void new_tables(std::vector<Table> tables) {
    Catalog created;
    created.tables = std::move(tables);
    for (const Table* t : tables_in_dependency_order(created)) {
      plan.new_tables.push_back(create_table(*t));
      for (const auto& i : t->indexes) plan.new_tables.push_back(op::CreateIndex{.table = t->name, .index = i});
      for (const auto& p : t->partitions)
        if (auto b = bound(p, plan.new_tables)) plan.new_tables.push_back(op::CreatePartition{p.name, t->name, *b});
    }
  }

  // Referring tables first; each table's partitions and indexes go before it, last declared
  // first, so that reverse() is create_operations' order: the table, its indexes, its partitions.
  void extra_tables(std::vector<Table> tables) {
    Catalog dropped;
    dropped.tables = std::move(tables);
    auto order = tables_in_dependency_order(dropped);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const Table& t = **it;
      for (auto p = t.partitions.rbegin(); p != t.partitions.rend(); ++p) drop_partition(t, *p, plan.drop_tables);
      for (auto i = t.indexes.rbegin(); i != t.indexes.rend(); ++i) plan.drop_tables.push_back(drop_index(t.name, *i));
      plan.drop_tables.push_back(op::DropTable{t.name, {}, create_table(t)});
    }
  }

  void catalog(const Catalog& w, const Catalog& f) {
    for (const auto& e : w.enums) {
      if (const Enum* fe = f.enum_type(e.name)) enum_type(e, *fe);
      else plan.types.push_back(op::CreateEnum{e.name, e.values});
    }
    for (const auto& s : w.sequences) {
      if (const Sequence* fs = f.sequence(s.name)) sequence(s, *fs);
      else plan.types.push_back(op::CreateSequence{s.name, s.options});
    }
    std::vector<Table> created;
    for (const auto& wt : w.tables) {
      if (ignored(wt.name)) continue;
      if (const Table* ft = f.table(wt.name)) table(wt, *ft);
      else created.push_back(wt);
    }
    new_tables(std::move(created));
    if (!options.report_extra) return;
    std::vector<Table> extra;
    for (const auto& ft : f.tables)
      if (!ignored(ft.name) && !w.table(ft.name)) extra.push_back(ft);
    extra_tables(std::move(extra));
    for (const auto& fe : f.enums)
      if (!w.enum_type(fe.name)) plan.drop_enums.push_back(op::DropEnum{fe.name, {}, fe.values});
    for (const auto& fs : f.sequences)
      if (!w.sequence(fs.name)) plan.drop_sequences.push_back(op::DropSequence{fs.name, {}, fs.options});
  }
};

}  // namespace

std::vector<Operation> compare(const Catalog& wanted, const Catalog& found, const CompareOptions& options) {
  Comparer c{options};
  c.catalog(wanted, found);
  return std::move(c.plan).joined();
}

}  // namespace migrate::schema
