// Redaction of passwords from URLs, conninfo strings and any remembered secret.
// Hand-written scans, linear in the input and never recursive: std::regex recursed once per
// character and overflowed the stack on a 100 KB URL (../shared/CONVENTIONS.md).
#include "migrate/config/secrets.hpp"

#include <cctype>
#include <cstdio>
#include <mutex>
#include <set>
#include <string_view>

namespace migrate::config {

namespace {
std::mutex secrets_mutex;
std::set<std::string>& secrets() {
  static std::set<std::string> s;
  return s;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_scheme_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
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

// Where a secret stands in a text: [begin, end).
struct Span {
  size_t begin = std::string::npos, end = 0;
  bool found() const { return begin != std::string::npos; }
};

// The password of the first `scheme://user:password@` at or after `from`. The password runs
// to the last '@' of its whitespace-free token, since an unescaped password may itself hold
// '@' or '/'.
Span url_password(std::string_view text, size_t from) {
  for (size_t sep = text.find("://", from); sep != std::string_view::npos; sep = text.find("://", sep + 1)) {
    // A scheme: scheme characters before "://", at least one of them a letter that starts it.
    size_t start = sep;
    while (start > 0 && is_scheme_char(text[start - 1])) --start;
    while (start < sep && !is_alpha(text[start])) ++start;
    if (start == sep) continue;
    size_t colon = sep + 3;
    while (colon < text.size() && text[colon] != ':' && text[colon] != '/' && text[colon] != '@' &&
           !is_space(text[colon]))
      ++colon;
    if (colon >= text.size() || text[colon] != ':') continue;
    size_t token_end = colon + 1;
    while (token_end < text.size() && !is_space(text[token_end])) ++token_end;
    size_t at = text.rfind('@', token_end - 1);
    if (at != std::string_view::npos && at > colon + 1) return {colon + 1, at};
    // Every later "://" of this token has its colon further on and the same last '@':
    // skip them, so a long token of "a://b:" repeats stays linear.
    sep = token_end;
  }
  return {};
}

bool starts_with_icase(std::string_view text, size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

// The value of the first `password = value` at or after `from`: a quoted value with its
// quotes ('it''s' style backslash escapes included), or the run of non-space characters.
Span keyword_password(std::string_view text, size_t from) {
  const size_t last_quote = text.rfind('\'');  // no closing quote can stand past it
  for (size_t at = from; at < text.size(); ++at) {
    if (!starts_with_icase(text, at, "password")) continue;
    size_t i = at + 8;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) continue;
    if (text[i] == '\'') {
      for (size_t j = i + 1; last_quote != std::string_view::npos && j <= last_quote; ++j) {
        if (text[j] == '\\' && j + 1 < text.size()) ++j;
        else if (text[j] == '\'') {
          // What sticks to the closing quote is masked with it: left alone, the next pass read
          // it as an unquoted value (redact(redact(x)) != redact(x); found by tests/fuzz/redact).
          size_t end = j + 1;
          while (end < text.size() && !is_space(text[end])) ++end;
          return {i, end};
        }
      }
      // Unterminated: the non-space run, as for an unquoted value.
    }
    size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    return {i, end};
  }
  return {};
}

// Every span `find` reports replaced by "***", left to right.
template <class Find>
std::string mask_all(const std::string& text, Find find) {
  std::string out;
  size_t copied = 0;
  for (Span s = find(text, 0); s.found(); s = find(text, s.end)) {
    out.append(text, copied, s.begin - copied);
    out += "***";
    copied = s.end;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

std::string percent_encode(const std::string& s) {
  std::string e;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      e += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      e += buf;
    }
  }
  return e;
}
}  // namespace

void remember_secret(const std::string& secret) {
  // Very short secrets would redact ordinary words; they are still masked inside URLs.
  if (secret.size() < 4) return;
  std::lock_guard lock(secrets_mutex);
  secrets().insert(secret);
}

std::string redact(std::string text) {
  text = mask_all(text, url_password);
  return mask_all(text, keyword_password);
}

std::string redact_secrets(std::string text) {
  {
    std::lock_guard lock(secrets_mutex);
    for (const auto& s : secrets()) {
      replace_all(text, s, "***");
      replace_all(text, percent_encode(s), "***");
    }
  }
  // URLs and keywords last: a secret holding a space, once replaced, may join a token into a
  // new `scheme://user:...@`, which must be masked too (found by tests/fuzz/redact).
  return redact(std::move(text));
}

std::string password_of(const std::string& url) {
  if (Span s = url_password(url, 0); s.found()) return percent_decode(std::string_view(url).substr(s.begin, s.end - s.begin));
  if (Span s = keyword_password(url, 0); s.found()) {
    std::string v = url.substr(s.begin, s.end - s.begin);
    if (v.size() >= 2 && v.front() == '\'') {
      // The quoted part only: what sticks to the closing quote is masked but is not the password.
      size_t close = 1;
      while (close < v.size() && v[close] != '\'') close += v[close] == '\\' ? 2 : 1;
      if (close < v.size()) v = v.substr(1, close - 1);
    }
    return v;
  }
  return "";
}

std::string libpq_url(const std::string& url) {
  // postgresql+driver:// or postgres+driver:// -> without the driver.
  for (std::string_view scheme : {"postgresql+", "postgres+"}) {
    if (url.compare(0, scheme.size(), scheme) != 0) continue;
    size_t i = scheme.size(), driver = i;
    while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '_')) ++i;
    if (i > driver && url.compare(i, 3, "://") == 0) return url.substr(0, scheme.size() - 1) + url.substr(i);
  }
  return url;
}

}  // namespace migrate::config
