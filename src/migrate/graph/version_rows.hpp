// The version table's rows as Alembic moves them, one step at a time (HeadMaintainer).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"

namespace migrate::graph {

// Alembic's _normalized_down_revisions: the down revisions (declared order), then the
// dependencies that no down-ancestor declares as a dependency itself. These are the rows a
// step looks at: a dependency stays its own row until a revision naming it directly moves it.
std::vector<RevisionMap::Index> normalized_down(const RevisionMap& map, RevisionMap::Index i);

// The rows, and each step's change to them, decided exactly as Alembic 1.8's
// HeadMaintainer.update_to_step decides it, so a database moved by either tool reads the same
// in the other. Where Alembic's bookkeeping fails (it would delete a row that is not there,
// or insert one that is), the step throws RevisionError: Alembic stops there too.
class VersionRows {
 public:
  using Index = RevisionMap::Index;
  VersionRows(const RevisionMap& map, std::span<const Index> rows);

  // RevisionStep: fills `step.remove_versions` / `add_versions` and applies them.
  // Up: a revision none of whose normalized down revisions is a row is a new branch (insert);
  // one whose several normalized down revisions are rows merges them, keeping those that
  // other rows still cover; otherwise its one down row is replaced (update).
  void upgrade(Index r, Step& step);
  // Down: the row goes (delete) when its normalized down revisions are all covered by other
  // rows; otherwise it is replaced by those that are not (update, plus inserts at a merge).
  void downgrade(Index r, Step& step);
  // StampStep(from, to, is_upgrade, branch_move); `to` empty is base. Applies it to the rows;
  // the caller diffs rows() before and after.
  void stamp(const std::vector<Index>& from, std::optional<Index> to, bool is_upgrade, bool branch_move);

  bool has(Index i) const { return row_[i] != 0; }
  std::vector<Index> rows() const { return order_; }  // in the order they became rows

 private:
  [[noreturn]] void fail(const std::string& what, Index r, const std::string& problem) const;
  // `revs` minus everything at or below the rows other than `excluded` (Alembic's
  // "minus the ancestors of the other heads", over all edges).
  std::vector<Index> uncovered(const std::vector<Index>& revs, std::span<const Index> excluded) const;
  void erase(Index i, const std::string& what, Index r);
  void insert(Index i, const std::string& what, Index r);

  const RevisionMap& map_;
  std::vector<char> row_;
  std::vector<Index> order_;
};

}  // namespace migrate::graph
