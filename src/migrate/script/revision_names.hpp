// Names of new revisions: ids, slugs and Alembic's file_template.
#pragma once
#include <ctime>
#include <string>

namespace migrate::script {

// A random 12-hex-digit id, as Alembic's uuid4().hex[-12:].
std::string new_revision_id();

// Alembic's slug: words ([A-Za-z0-9_]+) of the message joined by '_', lower case, cut at a
// word to `max_length` (then ending in '_').
std::string slugify(const std::string& message, int max_length);

// When a revision is written, in the configured time zone.
struct Timestamp {
  std::tm tm{};
  long micros = 0;
  std::time_t epoch = 0;
};
Timestamp now(const std::string& timezone);
// "2026-11-26 10:14:03.123456", Alembic's create_date.
std::string create_date(const Timestamp& t);

// Expands Alembic's file_template keys %(rev)s %(slug)s %(epoch)s %(year)d %(month).2d
// %(day).2d %(hour).2d %(minute).2d %(second).2d ('%%' is a literal '%'); ConfigError on
// an unknown key.
std::string file_name(const std::string& file_template, const std::string& rev, const std::string& slug,
                      const Timestamp& t);

}  // namespace migrate::script
