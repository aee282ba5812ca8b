// How a revision prints: Alembic's one-line forms (cmd_format), its "Rev:" block, and JSON.
#pragma once
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "migrate/graph/revision_map.hpp"

namespace migrate::cli {

class RevisionText {
 public:
  // `current`: the database's heads, for the " (current)" marker (history -i, show).
  explicit RevisionText(const graph::RevisionMap& map, std::set<std::string> current = {});

  // `current` and `show`-style: "ae1027a6acf (head) (branchpoint)".
  std::string short_line(const graph::Revision& rev) const;
  // `heads`/`branches`: "ae1027a6acf (branchname) (head)", no tree markers.
  std::string head_line(const graph::Revision& rev) const;
  // `history`: "1975ea83b712 -> ae1027a6acf (branchname) (head), add a column".
  std::string history_line(const graph::Revision& rev) const;
  // The "Rev: ..." block of `show` and `-v`.
  std::string log_entry(const graph::Revision& rev) const;
  nlohmann::json json(const graph::Revision& rev) const;

 private:
  std::string labels(const graph::Revision& rev) const;
  std::string head_marks(const graph::Revision& rev) const;
  std::string tree_marks(const graph::Revision& rev) const;

  const graph::RevisionMap& map_;
  std::set<std::string> current_;
  std::vector<std::vector<std::string>> labels_;  // effective branch labels, by index
};

}  // namespace migrate::cli
