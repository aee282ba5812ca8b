// Writing a new revision file: id, slug, file name template, and the C++ or SQL template.
#pragma once
#include <string>
#include <vector>

#include "migrate/config/config.hpp"

namespace migrate::cli {

struct NewRevision {
  std::string id;                          // empty: a fresh 12-hex-digit id
  std::string message;
  std::vector<std::string> down;
  std::vector<std::string> branch_labels;
  std::vector<std::string> depends_on;
  bool sql = false;                        // a plain SQL revision instead of C++
  std::string folder;                      // empty: the first version location
};

// A random 12-hex-digit id, as Alembic's uuid4().hex[-12:].
std::string new_revision_id();

// Alembic's slug: words of the message joined by '_', cut at a word to `max_length`.
std::string slugify(const std::string& message, int max_length);

// Renders the file; returns its path. Throws if the file exists.
std::string write_revision_file(const config::Config& cfg, NewRevision rev);

}  // namespace migrate::cli
