// Revision checksums: SHA-256 against FIPS 180-4's examples, and the normalisation that
// decides which edits of a revision count as a change.
#include <catch2/catch.hpp>

#include <string>

#include "migrate/script/sha256.hpp"
#include "migrate/script/source_checksum.hpp"

using migrate::script::normalised_source;
using migrate::script::sha256_hex;
using migrate::script::source_checksum;

TEST_CASE("SHA-256 gives the FIPS 180-4 example digests", "[script][checksum]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 pads correctly around the block boundary", "[script][checksum]") {
  // 55 bytes fit the length in one block, 56 need a second; 64 is a whole block.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("line endings and trailing whitespace do not change a revision's checksum", "[script][checksum]") {
  const std::string unix_text = "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n";
  CHECK(normalised_source(unix_text) == unix_text);
  const auto sum = source_checksum(unix_text);
  CHECK(source_checksum("-- migrate:up\r\nCREATE TABLE t (id int);\r\n-- migrate:down\r\nDROP TABLE t;\r\n") == sum);
  CHECK(source_checksum("-- migrate:up\rCREATE TABLE t (id int);\r-- migrate:down\rDROP TABLE t;\r") == sum);
  CHECK(source_checksum("-- migrate:up  \nCREATE TABLE t (id int);\t\n-- migrate:down\nDROP TABLE t; \n") == sum);
  CHECK(source_checksum("-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;") == sum);
  CHECK(source_checksum(unix_text + "\n\n  \n") == sum);
}

TEST_CASE("statements, comments and indentation do change a revision's checksum", "[script][checksum]") {
  const std::string text = "-- migrate:up\nCREATE TABLE t (id int);\n";
  const auto sum = source_checksum(text);
  CHECK(source_checksum("-- migrate:up\nCREATE TABLE t (id bigint);\n") != sum);
  CHECK(source_checksum("-- migrate:up\n-- a note\nCREATE TABLE t (id int);\n") != sum);
  CHECK(source_checksum("-- migrate:up\nCREATE TABLE t (id int /* why */);\n") != sum);
  CHECK(source_checksum("-- migrate:up\n  CREATE TABLE t (id int);\n") != sum);
  CHECK(source_checksum("-- migrate:up\n\nCREATE TABLE t (id int);\n") != sum);
  CHECK(sum.size() == 64);
}
