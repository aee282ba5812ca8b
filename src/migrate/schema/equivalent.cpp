// The defaults PostgreSQL fills in for a clause left unsaid; the one place their spelling is known.
#include "migrate/schema/equivalent.hpp"

namespace migrate::schema {

namespace {
template <class T>
bool same_up_to_default(const T& a, const T& b, const T& spelled_default) {
  auto is_default = [&](const T& v) { return v == T{} || v == spelled_default; };
  return a == b || (is_default(a) && is_default(b));
}
}  // namespace

bool same_action(const ReferentialAction& a, const ReferentialAction& b) {
  return same_up_to_default(a, b, ReferentialAction("NO ACTION"));
}

bool same_match(const MatchType& a, const MatchType& b) { return same_up_to_default(a, b, MatchType("SIMPLE")); }

bool same_method(const IndexMethod& a, const IndexMethod& b) { return same_up_to_default(a, b, IndexMethod("btree")); }

}  // namespace migrate::schema
