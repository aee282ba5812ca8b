// Ids, slugs and file names, scanned by hand: messages and templates are user input, and
// std::regex recurses per character (../shared/CONVENTIONS.md).
#include "migrate/script/revision_names.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <random>

#include <migrate/error.hpp>

namespace migrate::script {

std::string new_revision_id() {
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd());
  return fmt::format("{:012x}", gen() & 0xffffffffffffULL);
}

namespace {
bool word_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}
}  // namespace

std::string slugify(const std::string& message, int max_length) {
  std::string slug;
  bool in_word = false;
  for (char c : message) {
    if (!word_char(c)) {
      in_word = false;
      continue;
    }
    if (!in_word && !slug.empty()) slug += '_';
    in_word = true;
    slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (max_length > 0 && static_cast<int>(slug.size()) > max_length) {
    slug = slug.substr(0, static_cast<size_t>(max_length));
    auto cut = slug.rfind('_');
    slug = (cut == std::string::npos ? slug : slug.substr(0, cut)) + "_";
  }
  return slug;
}

Timestamp now(const std::string& timezone) {
  auto tp = std::chrono::system_clock::now();
  Timestamp t;
  t.epoch = std::chrono::system_clock::to_time_t(tp);
  t.micros = static_cast<long>(
      std::chrono::duration_cast<std::chrono::microseconds>(tp.time_since_epoch()).count() % 1000000);
  if (timezone == "UTC" || timezone == "utc") gmtime_r(&t.epoch, &t.tm);
  else localtime_r(&t.epoch, &t.tm);
  return t;
}

std::string create_date(const Timestamp& t) {
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}", t.tm.tm_year + 1900, t.tm.tm_mon + 1, t.tm.tm_mday,
                     t.tm.tm_hour, t.tm.tm_min, t.tm.tm_sec, t.micros);
}

std::string file_name(const std::string& tmpl, const std::string& rev, const std::string& slug, const Timestamp& t) {
  const std::map<std::string, std::string> values = {
      {"rev", rev}, {"slug", slug}, {"epoch", std::to_string(t.epoch)},
      {"year", std::to_string(t.tm.tm_year + 1900)}, {"month", fmt::format("{:02}", t.tm.tm_mon + 1)},
      {"day", fmt::format("{:02}", t.tm.tm_mday)}, {"hour", fmt::format("{:02}", t.tm.tm_hour)},
      {"minute", fmt::format("{:02}", t.tm.tm_min)}, {"second", fmt::format("{:02}", t.tm.tm_sec)}};
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 2, "%%") == 0) {
      out += '%';
      i += 2;
      continue;
    }
    if (tmpl.compare(i, 2, "%(") != 0) {
      out += tmpl[i++];
      continue;
    }
    // %(key)s, %(key)d or %(key).2d: the key, an optional precision, a conversion.
    auto close = tmpl.find(')', i + 2);
    if (close == std::string::npos)
      throw ConfigError(fmt::format("file_template: unterminated %( in '{}'", tmpl));
    std::string key = tmpl.substr(i + 2, close - i - 2);
    size_t j = close + 1;
    if (j < tmpl.size() && tmpl[j] == '.') {
      ++j;
      while (j < tmpl.size() && tmpl[j] >= '0' && tmpl[j] <= '9') ++j;
    }
    if (j >= tmpl.size() || (tmpl[j] != 's' && tmpl[j] != 'd'))
      throw ConfigError(fmt::format("file_template: %({}) needs a conversion (s or d)", key));
    auto v = values.find(key);
    if (v == values.end()) throw ConfigError(fmt::format("file_template: unknown key %({})", key));
    out += v->second;
    i = j + 1;
  }
  return out;
}

}  // namespace migrate::script
