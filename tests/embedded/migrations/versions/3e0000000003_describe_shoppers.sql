-- revision: 3e0000000003
-- down_revision: 2e0000000002
-- message: describe shoppers
-- migrate:up
-- Bytes the generated C++ must carry exactly: quotes " ' \ ?? )" "( a tab	here, a CRLF line end, and UTF-8.
COMMENT ON TABLE shoppers IS 'Käufer – who "shops" \ here ✓';
-- migrate:down
COMMENT ON TABLE shoppers IS NULL;
