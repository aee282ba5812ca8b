// The revision graph: revisions, their edges, validation and queries. Pure: no I/O.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace migrate::graph {

struct Revision {
  std::string id;
  std::vector<std::string> down_revisions;  // none: a base; several: a merge point
  std::vector<std::string> branch_labels;
  std::vector<std::string> depends_on;      // ids or branch labels, as written
  std::string message;
  std::string create_date;
  std::string path;                          // where it was declared, for messages
};

// Two kinds of edge, as in Alembic: a "down" edge (down_revisions) makes the graph's
// branches and merges; a "dependency" edge (depends_on) only orders. "All edges" means both.
class RevisionMap {
 public:
  // Position of a revision in revisions(); ids are sorted, so index order is id order.
  using Index = std::uint32_t;

  // Validates the whole graph; throws migrate::RevisionError with a one-line message.
  explicit RevisionMap(std::vector<Revision> revisions);

  bool contains(std::string_view id) const;
  const Revision& get(std::string_view id) const;  // throws "Can't locate revision identified by 'x'"
  const std::vector<Revision>& revisions() const;  // sorted by id, whatever the input order

  std::vector<std::string> heads() const;  // no revision lists them as down or dependency (Alembic's `heads`), by id
  std::vector<std::string> bases() const;  // no down revisions (a dependency may still order them), by id
  // Heads over down edges only: includes "effective heads" that another branch depends on.
  std::vector<std::string> down_heads() const;

  // Index-level access for the planners and queries; all spans stay valid as long as the map.
  std::size_t size() const { return revisions_.size(); }
  std::optional<Index> find(std::string_view id) const;        // exact id
  Index index_of(std::string_view id) const;                    // exact id, throws like get()
  const std::string& id(Index i) const { return revisions_[i].id; }
  const Revision& at(Index i) const { return revisions_[i]; }
  std::optional<Index> find_label(std::string_view label) const;  // the revision declaring it
  // What a depends_on entry names: an exact id, else a label (Alembic's map lookup).
  std::optional<Index> find_reference(std::string_view ref) const {
    auto i = find(ref);
    return i ? i : find_label(ref);
  }
  std::vector<Index> prefix_matches(std::string_view prefix) const;  // ids starting with prefix, by id
  // Parents over all edges: down revisions first (declared order), then dependencies not
  // already listed (declared order, labels resolved).
  std::span<const Index> parents(Index i) const;
  std::span<const Index> down(Index i) const;                   // the down revisions only
  std::span<const Index> children(Index i) const;               // over all edges, by id
  std::span<const Index> down_children(Index i) const;          // over down edges, by id
  bool is_head(Index i) const { return children(i).empty(); }
  bool is_down_head(Index i) const { return down_children(i).empty(); }
  bool is_base(Index i) const { return down(i).empty(); }
  bool is_branch_point(Index i) const { return down_children(i).size() > 1; }
  bool is_merge_point(Index i) const { return down(i).size() > 1; }

 private:
  std::vector<Revision> revisions_;
  // Compressed adjacency: entries of node i are [offsets[i], offsets[i+1]).
  std::vector<Index> parent_offsets_, parents_;
  std::vector<std::uint32_t> down_counts_;  // parents(i) begins with down_counts_[i] down edges
  std::vector<Index> child_offsets_, children_;
  std::vector<Index> down_child_offsets_, down_children_;
  std::vector<std::pair<std::string, Index>> labels_;  // sorted by label
};

}  // namespace migrate::graph
