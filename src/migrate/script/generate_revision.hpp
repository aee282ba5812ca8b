// Writing new revision files, with Alembic's rules for where they go
// (alembic/script/base.py: ScriptDirectory.generate_revision).
#pragma once
#include <string>
#include <vector>

#include <migrate/operation.hpp>

#include "migrate/script/project.hpp"

namespace migrate::script {

struct RevisionRequest {
  std::string id;                          // empty: a fresh 12-hex-digit id
  std::string message;
  std::string head = "head";               // what it builds on: head, base, or a revision
  bool splice = false;                     // allow a non-head `head` (a new branch)
  std::vector<std::string> branch_labels;
  std::vector<std::string> depends_on;     // ids, prefixes or labels
  bool sql = false;                        // a plain SQL revision instead of C++
  std::string folder;                      // empty: the first version location
  std::vector<Operation> upgrade, downgrade;  // bodies of a C++ revision (autogenerate)
};

struct GeneratedRevision {
  std::string path;
  graph::Revision meta;
};

// Resolves `head` and `depends_on` against the project's graph and writes the file.
// RevisionError for Alembic's refusals (several heads, a non-head without splice, an id
// already present) and for what the graph refuses on load (an id with `@ - + :` or a
// reserved name, an unusable branch label); UsageError for a bad id or message, a
// --version-path that is not a version location, or a file that exists.
GeneratedRevision generate_revision(const Project& project, const RevisionRequest& request);

// A revision whose down revisions are what `revisions` name (two or more).
GeneratedRevision generate_merge(const Project& project, const std::vector<std::string>& revisions,
                                 RevisionRequest request);

}  // namespace migrate::script
