// Checksums against history: which applied revisions changed since they were applied,
// which are gone, and which were applied before history was kept. Pure: the caller reads
// the version and history tables.
#pragma once
#include <string>
#include <vector>

#include "migrate/ops/history_table.hpp"
#include "migrate/script/project.hpp"

namespace migrate::runtime {

struct ChangedRevision {
  std::string revision;
  std::string path;      // the revision's file
  std::string recorded;  // checksum when it was applied (or last repaired)
  std::string current;   // checksum of its source now
};

struct Verification {
  std::vector<ChangedRevision> changed;
  // Applied (a version row, or history's last word) but no revision of the project defines it.
  std::vector<std::string> gone;
  // Applied with no history row: adopted on the next writing run.
  std::vector<std::string> unrecorded;
  bool clean() const { return changed.empty() && gone.empty(); }
};

// `heads`: the version table's rows; `history`: its rows, oldest first. A revision counts as
// applied when it is a head or below one; its recorded checksum is that of its last
// applied, stamped, adopted or repaired row going up (a row going down forgets it). A
// revision or a row without a checksum (built without one) is not compared.
Verification verify(const script::Project& project, const std::vector<std::string>& heads,
                    const std::vector<ops::HistoryEntry>& history);

// "a1b2 (versions/a1b2_x.sql) changed since it was applied; c3d4 is gone": how errors and
// `verify` name them.
std::string describe(const Verification& v);

}  // namespace migrate::runtime
