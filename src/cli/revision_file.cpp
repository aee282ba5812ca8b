// Revision file templates, kept in C++ so the binary needs no data files at run time.
#include "cli/revision_file.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include <migrate/error.hpp>

namespace fs = std::filesystem;

namespace migrate::cli {

std::string new_revision_id() {
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd());
  return fmt::format("{:012x}", gen() & 0xffffffffffffULL);
}

std::string slugify(const std::string& message, int max_length) {
  static const std::regex word(R"([A-Za-z0-9_]+)");
  std::string slug;
  for (auto it = std::sregex_iterator(message.begin(), message.end(), word); it != std::sregex_iterator(); ++it) {
    if (!slug.empty()) slug += '_';
    slug += it->str();
  }
  for (auto& c : slug) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (max_length > 0 && static_cast<int>(slug.size()) > max_length) {
    slug = slug.substr(0, static_cast<size_t>(max_length));
    auto cut = slug.rfind('_');
    slug = (cut == std::string::npos ? slug : slug.substr(0, cut)) + "_";
  }
  return slug;
}

namespace {

struct Now {
  std::tm tm{};
  long micros = 0;
  std::time_t epoch = 0;
};

Now now(const std::string& timezone) {
  auto tp = std::chrono::system_clock::now();
  Now n;
  n.epoch = std::chrono::system_clock::to_time_t(tp);
  n.micros = static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(tp.time_since_epoch()).count() % 1000000);
  if (timezone == "UTC" || timezone == "utc") gmtime_r(&n.epoch, &n.tm);
  else localtime_r(&n.epoch, &n.tm);
  return n;
}

// Alembic's file_template keys: %(rev)s %(slug)s %(year)d %(month).2d %(day).2d ...
std::string file_name(const std::string& tmpl, const std::string& rev, const std::string& slug, const Now& n) {
  std::map<std::string, std::string> values = {
      {"rev", rev}, {"slug", slug}, {"epoch", std::to_string(n.epoch)},
      {"year", std::to_string(n.tm.tm_year + 1900)}, {"month", fmt::format("{:02}", n.tm.tm_mon + 1)},
      {"day", fmt::format("{:02}", n.tm.tm_mday)}, {"hour", fmt::format("{:02}", n.tm.tm_hour)},
      {"minute", fmt::format("{:02}", n.tm.tm_min)}, {"second", fmt::format("{:02}", n.tm.tm_sec)}};
  static const std::regex key(R"(%\((\w+)\)(?:\.\d+)?[sd])");
  std::string out;
  auto last = tmpl.cbegin();
  for (auto it = std::sregex_iterator(tmpl.begin(), tmpl.end(), key); it != std::sregex_iterator(); ++it) {
    out.append(last, tmpl.cbegin() + it->position());
    auto v = values.find((*it)[1].str());
    if (v == values.end()) throw ConfigError(fmt::format("file_template: unknown key %({})", (*it)[1].str()));
    out += v->second;
    last = tmpl.cbegin() + it->position() + it->length();
  }
  out.append(last, tmpl.cend());
  return out;
}

std::string cpp_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

std::string cpp_list(const std::vector<std::string>& v) {
  std::string out = "{";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + cpp_string(v[i]);
  return out + "}";
}

std::string join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); }

std::string cpp_template(const NewRevision& r, const std::string& date) {
  std::string fields = fmt::format(".id = {}, .down = {},\n    .message = {},\n    .created = {}", cpp_string(r.id),
                                   cpp_list(r.down), cpp_string(r.message), cpp_string(date));
  if (!r.branch_labels.empty()) fields += fmt::format(",\n    .branch_labels = {}", cpp_list(r.branch_labels));
  if (!r.depends_on.empty()) fields += fmt::format(",\n    .depends_on = {}", cpp_list(r.depends_on));
  return fmt::format(R"(// {message}
//
// Revision ID: {id}
// Revises: {down}
// Create Date: {date}
#include <migrate/revision.hpp>

MIGRATE_REVISION({fields}) {{
  void upgrade([[maybe_unused]] migrate::Ops& op) override {{
  }}

  void downgrade([[maybe_unused]] migrate::Ops& op) override {{
  }}
}};
)",
                     fmt::arg("message", r.message), fmt::arg("id", r.id), fmt::arg("down", join(r.down)),
                     fmt::arg("date", date), fmt::arg("fields", fields));
}

std::string sql_template(const NewRevision& r, const std::string& date) {
  std::string out = fmt::format("-- revision: {}\n-- down_revision: {}\n", r.id, join(r.down));
  if (!r.branch_labels.empty()) out += fmt::format("-- branch_labels: {}\n", join(r.branch_labels));
  if (!r.depends_on.empty()) out += fmt::format("-- depends_on: {}\n", join(r.depends_on));
  out += fmt::format("-- message: {}\n-- create_date: {}\n-- migrate:up\n\n-- migrate:down\n\n", r.message, date);
  return out;
}

}  // namespace

std::string write_revision_file(const config::Config& cfg, NewRevision rev) {
  if (rev.id.empty()) rev.id = new_revision_id();
  if (rev.id.size() > 32) throw UsageError(fmt::format("revision id '{}' is longer than 32 characters", rev.id));
  if (rev.message.find('\n') != std::string::npos) throw UsageError("the message must be one line");
  auto n = now(cfg.timezone);
  std::string date = fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}", n.tm.tm_year + 1900, n.tm.tm_mon + 1,
                                 n.tm.tm_mday, n.tm.tm_hour, n.tm.tm_min, n.tm.tm_sec, n.micros);
  fs::path folder = rev.folder.empty() ? fs::path(cfg.version_locations.front()) : fs::path(rev.folder);
  fs::create_directories(folder);
  std::string name = file_name(cfg.file_template, rev.id, slugify(rev.message, cfg.truncate_slug_length), n);
  fs::path path = folder / (name + (rev.sql ? ".sql" : ".cpp"));
  if (fs::exists(path)) throw UsageError(fmt::format("{} already exists", path.string()));
  std::ofstream out(path);
  out << (rev.sql ? sql_template(rev, date) : cpp_template(rev, date));
  if (!out) throw UsageError(fmt::format("cannot write {}", path.string()));
  return path.string();
}

}  // namespace migrate::cli
