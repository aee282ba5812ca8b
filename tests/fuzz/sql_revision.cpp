// Fuzzes the SQL revision reader (script::parse_sql_revision: the `-- key: value` header, the
// `-- migrate:up` / `-- migrate:down` sections, statements split by libpg_query): a revision
// file is run against production, so what it holds must be exactly what runs. Properties:
// bytes that are not UTF-8 text or hold a NUL are refused with a RevisionError naming the
// offset of the first bad byte (checked against an independent decoder); any other text either
// parses or is refused with a RevisionError; what parses has an id of 1..32 characters and
// non-empty, trimmed statements found in the file; and writing it back with
// sql_revision_text() and reading that gives the same revision (its own timeouts included)
// and the same statements.
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_check.hpp"
#include "migrate/script/sql_revision.hpp"

namespace script = migrate::script;
using migrate::ErrorKind;

namespace {

// The offset of the first byte that does not start a valid UTF-8 sequence or is NUL. Decodes
// the code point, then judges it (shortest form, no surrogates, at most U+10FFFF), unlike the
// engine's table of second-byte ranges, so the two check each other.
std::optional<size_t> first_bad_byte(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return i;
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    static const uint32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < shortest[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::nullopt;
}

std::string statements_text(const std::vector<std::string>& statements) {
  std::string out;
  // A statement may end in a -- comment: the ';' goes on a line of its own.
  for (const auto& s : statements) out += s + "\n;\n";
  return out;
}

bool is_trimmed(const std::string& s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  return !s.empty() && !space(s.front()) && !space(s.back());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string path = "versions/fuzz.sql";

  script::SqlRevision rev;
  std::string refusal;
  bool parsed = false;
  try {
    rev = script::parse_sql_revision(text, path);
    parsed = true;
  } catch (const migrate::Error& e) {
    if (e.kind() != ErrorKind::Revision) fuzz::fail("refused with a non-revision error", __FILE__, __LINE__, e.what());
    refusal = e.what();
  } catch (const std::exception& e) {
    fuzz::fail("an exception that is not a migrate::Error", __FILE__, __LINE__, e.what());
  }

  if (auto bad = first_bad_byte(text)) {
    FUZZ_CHECK(!parsed, "accepted a NUL or invalid UTF-8 at byte " + std::to_string(*bad) + " of " + fuzz::show(text));
    const std::string expected = path + ": byte " + std::to_string(*bad) + ": ";
    FUZZ_CHECK(refusal.rfind(expected, 0) == 0, "refusal " + fuzz::show(refusal) + " does not name " + expected);
    return 0;
  }
  FUZZ_CHECK(refusal.rfind(path + ": byte ", 0) != 0, "valid text refused: " + fuzz::show(refusal));
  if (!parsed) return 0;

  FUZZ_CHECK(!rev.meta.id.empty() && rev.meta.id.size() <= 32, "revision id " + fuzz::show(rev.meta.id));
  for (const auto* section : {&rev.up, &rev.down})
    for (const auto& s : *section) {
      FUZZ_CHECK(is_trimmed(s), "statement not trimmed: " + fuzz::show(s));
      FUZZ_CHECK(text.find(s) != std::string::npos, "statement not in the file: " + fuzz::show(s));
    }

  std::string written = script::sql_revision_text(rev.meta, statements_text(rev.up), statements_text(rev.down), rev.transactional);
  // sql_revision_text writes what `revision` generates; a revision's own timeouts are added by hand.
  if (!rev.lock_timeout.empty()) written = "-- lock_timeout: " + rev.lock_timeout + "\n" + written;
  if (!rev.statement_timeout.empty()) written = "-- statement_timeout: " + rev.statement_timeout + "\n" + written;
  script::SqlRevision back;
  bool reread = fuzz::refuses_only_with(ErrorKind::Revision, [&] { back = script::parse_sql_revision(written, path); });
  FUZZ_CHECK(reread, "written revision refused: " + fuzz::show(written) + " from " + fuzz::show(text));
  FUZZ_CHECK(back.meta.id == rev.meta.id && back.meta.down_revisions == rev.meta.down_revisions &&
                 back.meta.branch_labels == rev.meta.branch_labels && back.meta.depends_on == rev.meta.depends_on &&
                 back.meta.message == rev.meta.message && back.meta.create_date == rev.meta.create_date &&
                 back.transactional == rev.transactional && back.lock_timeout == rev.lock_timeout &&
                 back.statement_timeout == rev.statement_timeout,
             "header does not survive writing back: " + fuzz::show(written) + " from " + fuzz::show(text));
  FUZZ_CHECK(back.up == rev.up && back.down == rev.down,
             "statements do not survive writing back: " + fuzz::show(written) + " from " + fuzz::show(text));
  return 0;
}
