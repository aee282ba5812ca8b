-- What every database of the platform needs before the first revision runs: extensions,
-- schemas and the UUID v7 functions. Idempotent: safe to apply again.
-- Applied by the postgres container at creation (/docker-entrypoint-initdb.d) and by
-- scripts/db.sh when it creates a local cluster.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE SCHEMA IF NOT EXISTS ecommerce;
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS archive;

-- RFC 9562 UUID version 7: 48 bits of Unix time in milliseconds, the version nibble 0111,
-- the variant bits 10, and 74 random bits. Time-ordered, so B-tree inserts stay local.
CREATE OR REPLACE FUNCTION public.uuid_generate_v7() RETURNS uuid
LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $$
DECLARE
  bytes bytea;
BEGIN
  bytes := substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
           || gen_random_bytes(10);
  bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);  -- version 7
  bytes := set_byte(bytes, 8, (get_byte(bytes, 8) & 63) | 128);  -- variant 10
  RETURN encode(bytes, 'hex')::uuid;
END
$$;

COMMENT ON FUNCTION public.uuid_generate_v7() IS 'RFC 9562 UUID version 7 (time-ordered)';

-- The creation time a UUID v7 carries, to the millisecond.
CREATE OR REPLACE FUNCTION public.uuid_v7_to_timestamptz(id uuid) RETURNS timestamptz
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT to_timestamp(('x' || lpad(substr(replace(id::text, '-', ''), 1, 12), 16, '0'))::bit(64)::bigint / 1000.0)
$$;

COMMENT ON FUNCTION public.uuid_v7_to_timestamptz(uuid) IS 'Creation time encoded in a UUID v7';
