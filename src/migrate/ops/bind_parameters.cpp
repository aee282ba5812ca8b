// Parameters found by libpg_query's scanner (PostgreSQL's lexer): its PARAM tokens give the
// exact byte ranges, so quotes, comments and dollar-quoted bodies never need a rule here.
#include "migrate/ops/bind_parameters.hpp"

#include <charconv>

#include <fmt/format.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <migrate/error.hpp>

#include "migrate/ops/quote.hpp"

namespace migrate::ops {

namespace {

struct Range {
  std::size_t begin, end;  // bytes of `$n` in the statement
};

// The scanner's two results, freed however the reading ends.
struct Scan {
  PgQueryScanResult raw;
  PgQuery__ScanResult* tokens = nullptr;
  explicit Scan(const std::string& sql) : raw(pg_query_scan(sql.c_str())) {}
  ~Scan() {
    if (tokens) pg_query__scan_result__free_unpacked(tokens, nullptr);
    pg_query_free_scan_result(raw);
  }
  Scan(const Scan&) = delete;
  Scan& operator=(const Scan&) = delete;
};

std::vector<Range> parameter_tokens(const std::string& sql) {
  Scan scan(sql);
  if (scan.raw.error)
    throw RevisionError(fmt::format("execute(): cannot find the parameters in the SQL: {} (at byte {})",
                                    scan.raw.error->message, scan.raw.error->cursorpos));
  scan.tokens = pg_query__scan_result__unpack(nullptr, scan.raw.pbuf.len,
                                              reinterpret_cast<const uint8_t*>(scan.raw.pbuf.data));
  if (!scan.tokens) throw Error(ErrorKind::Internal, "execute(): libpg_query's scan result could not be read");
  std::vector<Range> out;
  for (std::size_t i = 0; i < scan.tokens->n_tokens; ++i) {
    const auto* t = scan.tokens->tokens[i];
    if (t->token == PG_QUERY__TOKEN__PARAM)
      out.push_back({static_cast<std::size_t>(t->start), static_cast<std::size_t>(t->end)});
  }
  return out;
}

}  // namespace

std::string bind_parameters(const std::string& sql, const std::vector<std::optional<std::string>>& values) {
  if (values.empty()) return sql;
  std::string out;
  std::size_t copied = 0;
  for (const auto& [begin, end] : parameter_tokens(sql)) {
    std::string_view digits(sql.data() + begin + 1, end - begin - 1);  // after the `$`
    std::size_t n = 0;
    auto [last, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || last != digits.data() + digits.size() || n == 0 || n > values.size())
      throw RevisionError(fmt::format("execute(): parameter ${} has no bound value ({} given)", digits, values.size()));
    out.append(sql, copied, begin - copied);
    out += quote_literal(values[n - 1]);
    copied = end;
  }
  out.append(sql, copied);
  return out;
}

}  // namespace migrate::ops
