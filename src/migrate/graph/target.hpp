// The target grammar (head, heads, base, ids, prefixes, labels, label@..., relative moves) as a value.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace migrate::graph {

// One parsed target. Grammar (Alembic's), where LABEL is a branch label or a revision id:
//   head | heads | base | current | REV    current: the database's heads (version table rows);
//                                          REV: a full id, a unique prefix of >= 4 characters,
//   LABEL@head | LABEL@heads | LABEL@base      or a branch label (the revision declaring it)
//   LABEL@REV                              REV, checked to be on LABEL's line of descent
//   +N | -N                                N steps up or down from the current heads
//   LABEL@+N | LABEL@-N                    the same, restricted to LABEL's branch
//   REV+N | REV-N | LABEL@REV+N | LABEL@REV-N   N steps from REV (REV may be head/base)
struct Target {
  enum class Kind { Base, Head, Heads, Current, Revision, Relative };
  Kind kind = Kind::Heads;
  std::string branch;    // LABEL before '@', empty when none
  std::string revision;  // Revision: id, prefix or label; Relative: the anchor, empty = current heads
  int steps = 0;         // Relative only: > 0 up, < 0 down
  std::string text;      // as written, for messages

  bool is_relative() const { return kind == Kind::Relative; }
  bool has_anchor() const { return kind == Kind::Relative && !revision.empty(); }
};

// Parses the syntax only (no lookup); throws migrate::RevisionError on an empty target, an
// empty label before '@', or a relative step count that is zero or does not fit an int.
Target parse_target(std::string_view text);

// `start:end` as history -r and offline (--sql) runs write it; either side may be empty.
struct Range {
  std::string start;
  std::string end;
};
// Splits at the first ':'; nullopt when there is none.
std::optional<Range> parse_range(std::string_view text);

}  // namespace migrate::graph
