// The revision graph: revisions, their edges, validation and queries. Pure: no I/O.
#pragma once
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

class RevisionMap {
 public:
  // Validates the whole graph; throws migrate::RevisionError with a one-line message.
  explicit RevisionMap(std::vector<Revision> revisions);

  bool contains(std::string_view id) const;
  const Revision& get(std::string_view id) const;  // throws "Can't locate revision identified by 'x'"
  const std::vector<Revision>& revisions() const;

  std::vector<std::string> heads() const;  // deterministic order
  std::vector<std::string> bases() const;

 private:
  std::vector<Revision> revisions_;
};

}  // namespace migrate::graph
