// parse_partition_bound(): PostgreSQL's FOR VALUES text back into a PartitionBound, or nothing.
#include <catch2/catch.hpp>

#include "migrate/schema/partition_bound.hpp"

using migrate::PartitionBound;
using migrate::schema::parse_partition_bound;

TEST_CASE("partition bounds as the server prints them", "[model][partition]") {
  CHECK(parse_partition_bound("DEFAULT") == PartitionBound::default_partition());
  CHECK(parse_partition_bound("FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')") ==
        PartitionBound::range({"'2026-01-01 00:00:00+00'"}, {"'2026-02-01 00:00:00+00'"}));
  CHECK(parse_partition_bound("FOR VALUES FROM (MINVALUE, 1) TO ('a, b', MAXVALUE)") ==
        PartitionBound::range({"MINVALUE", "1"}, {"'a, b'", "MAXVALUE"}));
  CHECK(parse_partition_bound("FOR VALUES IN ('it''s', 'x)y', NULL)") ==
        PartitionBound::list({"'it''s'", "'x)y'", "NULL"}));
  CHECK(parse_partition_bound("FOR VALUES WITH (modulus 4, remainder 3)") == PartitionBound::hash(4, 3));
}

TEST_CASE("anything else is refused, not guessed", "[model][partition]") {
  CHECK_FALSE(parse_partition_bound(""));
  CHECK_FALSE(parse_partition_bound("FOR VALUES SOMEHOW"));
  CHECK_FALSE(parse_partition_bound("FOR VALUES FROM ('a') TO ('b'"));
  CHECK_FALSE(parse_partition_bound("FOR VALUES FROM ('a')"));
  CHECK_FALSE(parse_partition_bound("FOR VALUES IN ('a') extra"));
  CHECK_FALSE(parse_partition_bound("FOR VALUES WITH (modulus x, remainder 1)"));
}
