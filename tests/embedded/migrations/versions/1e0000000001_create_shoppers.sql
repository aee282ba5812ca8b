-- revision: 1e0000000001
-- down_revision:
-- message: create shoppers
-- migrate:up
CREATE TABLE shoppers (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
-- migrate:down
DROP TABLE shoppers;
