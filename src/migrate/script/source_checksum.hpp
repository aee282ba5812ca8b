// A revision's checksum: SHA-256 of its source, normalised so that line endings and
// trailing whitespace do not count while every statement and comment does.
#pragma once
#include <string>
#include <string_view>

namespace migrate::script {

// Lines ended by \n, \r\n or \r become \n-ended, each without its trailing spaces and tabs;
// blank lines at the end are dropped.
std::string normalised_source(std::string_view text);

// 64 hex digits: sha256_hex(normalised_source(text)). C++ revisions get theirs at build time
// (tools/revision_checksums.cpp), SQL revisions when read: the same function for both.
std::string source_checksum(std::string_view text);

}  // namespace migrate::script
