// Redaction of passwords from URLs, conninfo strings and any remembered secret.
#include "migrate/config/secrets.hpp"

#include <mutex>
#include <regex>
#include <set>

namespace migrate::config {

namespace {
std::mutex secrets_mutex;
std::set<std::string>& secrets() {
  static std::set<std::string> s;
  return s;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void replace_all(std::string& text, const std::string& what, const std::string& with) {
  if (what.empty()) return;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size()))
    text.replace(pos, what.size(), with);
}

// scheme://user:password@ — greedy up to the last '@' of the token, since an unescaped
// password may itself hold '@' or '/'.
const std::regex& url_password() {
  static const std::regex re(R"(([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)(\S+)(@))");
  return re;
}
const std::regex& keyword_password() {
  static const std::regex re(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s]+))", std::regex::icase);
  return re;
}
}  // namespace

void remember_secret(const std::string& secret) {
  // Very short secrets would redact ordinary words; they are still masked inside URLs.
  if (secret.size() < 4) return;
  std::lock_guard lock(secrets_mutex);
  secrets().insert(secret);
}

std::string redact(std::string text) {
  text = std::regex_replace(text, url_password(), "$1***$3");
  return std::regex_replace(text, keyword_password(), "$1***");
}

std::string redact_secrets(std::string text) {
  text = redact(std::move(text));
  std::lock_guard lock(secrets_mutex);
  for (const auto& s : secrets()) {
    replace_all(text, s, "***");
    const std::string encoded = [&] {
      std::string e;
      for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') e += static_cast<char>(c);
        else {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%%%02X", c);
          e += buf;
        }
      }
      return e;
    }();
    replace_all(text, encoded, "***");
  }
  return text;
}

std::string password_of(const std::string& url) {
  std::smatch m;
  if (std::regex_search(url, m, url_password())) return percent_decode(m[2].str());
  if (std::regex_search(url, m, keyword_password())) {
    std::string v = m[2].str();
    if (v.size() >= 2 && v.front() == '\'') v = v.substr(1, v.size() - 2);
    return v;
  }
  return "";
}

std::string libpq_url(const std::string& url) {
  static const std::regex driver(R"(^(postgres(?:ql)?)\+[A-Za-z0-9_]+://)");
  return std::regex_replace(url, driver, "$1://");
}

}  // namespace migrate::config
