// Catalog against Catalog, object by object, each difference one operation in its phase.
#include "migrate/schema/compare.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "migrate/ops/render_sql.hpp"
#include "migrate/schema/create_operations.hpp"
#include "migrate/schema/partition_bound.hpp"
#include "migrate/schema/renames.hpp"

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
  std::string out = i->always ? "ALWAYS" : "BY DEFAULT";
  if (i->start) out += fmt::format(" START WITH {}", *i->start);
  if (i->increment) out += fmt::format(" INCREMENT BY {}", *i->increment);
  return out;
}

bool not_valid(const Constraint& c) {
  if (const auto* check = std::get_if<CheckConstraint>(&c)) return check->options.not_valid;
  if (const auto* fk = std::get_if<ForeignKeyConstraint>(&c)) return fk->options.not_valid;
  return false;
}

// How format_type() names an enum under search_path public.
bool names_enum(const std::string& t, const QualifiedName& type) {
  return t == ops::quote_name(type) || (type.schema == "public" && t == ops::quote_ident(type.name));
}
bool ends_with_brackets(const std::string& t) { return t.size() > 2 && t.compare(t.size() - 2, 2, "[]") == 0; }

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
  std::vector<Operation> schemas, renames, types, new_tables, add_columns, alter_columns, drop_foreign_keys, drop_others, create_indexes,
      add_constraints, add_foreign_keys, partitions, comments, drop_columns, drop_partitions, drop_tables,
      drop_sequences, drop_enums;

  std::vector<Operation> joined() && {
    std::vector<Operation> out;
    for (auto* phase : {&schemas, &renames, &types, &new_tables, &add_columns, &alter_columns, &drop_foreign_keys, &drop_others,
                        &create_indexes, &add_constraints, &add_foreign_keys, &partitions, &comments, &drop_columns,
                        &drop_partitions, &drop_tables, &drop_sequences, &drop_enums})
      for (auto& o : *phase) out.push_back(std::move(o));
    return out;
  }
};

struct Comparer {
  const CompareOptions& options;
  Plan plan{};
  // Columns an enum replacement converts: it sets their default too.
  std::set<std::string> converted{};  // "schema.table.column"

  bool ignored(const QualifiedName& n) const { return contains(options.ignore_tables, n); }

  // ADD VALUE reaches `wanted` only when the found labels appear in it in the same order;
  // anything else replaces the type (replace_enum), which fails on a row holding a removed label.
  void enum_type(const Enum& w, const Enum& f, const Catalog& wanted, const Catalog& found) {
    if (w.values == f.values) return;
    std::vector<std::string> kept;
    for (const auto& v : w.values)
      if (contains(f.values, v)) kept.push_back(v);
    if (kept != f.values) {
      replace_enum(w, f, wanted, found);
      return;
    }
    const auto first_kept = std::find_if(w.values.begin(), w.values.end(), [&](const std::string& v) {
                              return contains(f.values, v);
                            }) - w.values.begin();
    // Each add carries the labels before it and the type's columns as the downgrade finds them
    // (their defaults back to found's by then), so that reverse() can take it out again.
    const auto columns = columns_of(f.name, found, nullptr);
    std::vector<std::string> before_add = f.values;
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(w.values.size()); ++i) {
      if (contains(f.values, w.values[i])) continue;
      op::AddEnumValue add{.type = w.name, .value = w.values[i], .existing_values = before_add, .columns = columns};
      // Before the first found label while there is none to follow, then each after its predecessor.
      if (i < first_kept && first_kept < static_cast<std::ptrdiff_t>(w.values.size())) add.before = w.values[first_kept];
      else if (i > 0) add.after = w.values[i - 1];
      auto at = before_add.end();
      if (!add.before.empty()) at = std::find(before_add.begin(), before_add.end(), add.before);
      else if (!add.after.empty() && (at = std::find(before_add.begin(), before_add.end(), add.after)) != before_add.end())
        ++at;
      before_add.insert(at, add.value);
      plan.types.push_back(std::move(add));
    }
  }

  // Every column of `type` in `found`, with the default it keeps: wanted's when `wanted` is
  // given and has the column, otherwise found's.
  std::vector<op::EnumColumn> columns_of(const QualifiedName& type, const Catalog& found, const Catalog* wanted) const {
    std::vector<op::EnumColumn> out;
    for (const auto& t : found.tables)
      for (const auto& c : t.columns) {
        const std::string spelled = c.type.format_type();
        const bool array = ends_with_brackets(spelled);
        if (!names_enum(array ? spelled.substr(0, spelled.size() - 2) : spelled, type)) continue;
        const Table* wt = wanted ? wanted->table(t.name) : nullptr;
        const Column* wc = wt ? wt->column(c.name) : nullptr;
        out.push_back({t.name, c.name, wc ? wc->options.server_default : c.options.server_default,
                       c.options.server_default, array});
      }
    return out;
  }

  // Labels removed or moved: the type is replaced and every column of it converted through
  // text (op::ReplaceEnum), with the wanted default, or the found one for a column about to go.
  void replace_enum(const Enum& w, const Enum& f, const Catalog& wanted, const Catalog& found) {
    op::ReplaceEnum r{w.name, w.values, f.values, columns_of(f.name, found, &wanted)};
    for (const auto& c : r.columns) converted.insert(display(c.table) + "." + c.column);
    std::vector<std::string> removed;
    for (const auto& v : f.values)
      if (!contains(w.values, v)) removed.push_back(v);
    plan.types.push_back(op::Note{fmt::format(
        "enum {}: labels {} (ALTER TYPE cannot), so the type is replaced and its columns converted through text.{}",
        display(w.name), removed.empty() ? "reordered" : "removed: " + labels(removed),
        removed.empty() ? "" : " A row holding a removed label makes this fail: update those rows first, or use "
                               "op.rename_enum_value() for a label that was renamed.")});
    plan.types.push_back(std::move(r));
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
    if (w.options.server_default != f.options.server_default && !converted.count(display(table) + "." + w.name)) {
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
      else {
        if (options.report_extra) rename_hint(w, f, wc);
        plan.add_columns.push_back(op::AddColumn{w.name, wc});
      }
    }
    if (w.partition_by != f.partition_by)
      plan.alter_columns.push_back(by_hand(fmt::format("{}: partitioning differs; a table is partitioned when created",
                                                       display(w.name))));
    for (const auto& wc : w.constraints) {
      const Constraint* fc = f.constraint(constraint_name(wc));
      if (fc && same_constraint(wc, *fc)) {
        // Added NOT VALID (to skip the scan under lock), never validated since.
        if (not_valid(*fc) && !not_valid(wc))
          plan.add_constraints.push_back(op::ValidateConstraint{w.name, constraint_name(wc)});
        continue;
      }
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

  // A column added where one of the same type goes may be a rename: say how to declare one,
  // since the drop loses the data.
  void rename_hint(const Table& w, const Table& f, const Column& added) {
    for (const auto& fc : f.columns)
      if (!w.column(fc.name) && fc.type.format_type() == added.type.format_type())
        plan.add_columns.push_back(op::Note{fmt::format(
            "{}.{} is added and {} dropped, both {}: if it is a rename, declare .renamed_from(\"{}\") on the "
            "model's column, or this drops {}'s data",
            display(w.name), added.name, fc.name, added.type.format_type(), fc.name, fc.name)});
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

  // Schemas are created, never dropped: one may hold what no model knows of.
  void schemas(const Catalog& w, const Catalog& f) {
    if (!f.schemas) return;
    for (const auto& s : schemas_of(w))
      if (!contains(*f.schemas, s)) plan.schemas.push_back(op::CreateSchema{s, false});
  }

  // A created table whose columns are those of a dropped one in its schema may be a rename.
  void table_rename_hints(const std::vector<Table>& created, const std::vector<Table>& extra) {
    auto columns = [](const Table& t) {
      std::vector<std::pair<std::string, std::string>> out;
      for (const auto& c : t.columns) out.emplace_back(c.name, c.type.format_type());
      return out;
    };
    for (const auto& c : created)
      for (const auto& x : extra)
        if (x.name.schema == c.name.schema && columns(x) == columns(c))
          plan.new_tables.push_back(op::Note{fmt::format(
              "{} is created and {} dropped, with the same columns: if it is a rename, declare "
              "Table{{...}}.renamed_from(\"{}\") on the model, or this drops {}'s rows",
              display(c.name), display(x.name), x.name.name, display(x.name))});
  }

  void catalog(const Catalog& w, const Catalog& declared_found) {
    schemas(w, declared_found);
    const Catalog f = apply_declared_renames(w, declared_found, plan.renames);
    for (const auto& e : w.enums) {
      if (const Enum* fe = f.enum_type(e.name)) enum_type(e, *fe, w, f);
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
    if (!options.report_extra) {
      new_tables(std::move(created));
      return;
    }
    std::vector<Table> extra;
    for (const auto& ft : f.tables)
      if (!ignored(ft.name) && !w.table(ft.name)) extra.push_back(ft);
    table_rename_hints(created, extra);
    new_tables(std::move(created));
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
