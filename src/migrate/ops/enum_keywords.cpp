// The SQL words of the public enums: referential actions, MATCH and index methods.
#include <string>

#include <migrate/constraints.hpp>
#include <migrate/error.hpp>

namespace migrate {

namespace {

// Only a value cast from an integer gets here; pasting nothing would hide the bug.
[[noreturn]] void unknown(const char* what, int value) {
  throw Error(ErrorKind::Internal, std::string(what) + " holds no enumerator: " + std::to_string(value));
}

}  // namespace

std::string_view sql_keyword(FkAction action) {
  switch (action) {
    case FkAction::NoAction: return "NO ACTION";
    case FkAction::Restrict: return "RESTRICT";
    case FkAction::Cascade: return "CASCADE";
    case FkAction::SetNull: return "SET NULL";
    case FkAction::SetDefault: return "SET DEFAULT";
  }
  unknown("FkAction", static_cast<int>(action));
}

std::string_view sql_keyword(FkMatch match) {
  switch (match) {
    case FkMatch::Simple: return "SIMPLE";
    case FkMatch::Full: return "FULL";
  }
  unknown("FkMatch", static_cast<int>(match));
}

std::string_view sql_keyword(IndexMethod method) {
  switch (method) {
    case IndexMethod::BTree: return "btree";
    case IndexMethod::Hash: return "hash";
    case IndexMethod::Gist: return "gist";
    case IndexMethod::SpGist: return "spgist";
    case IndexMethod::Gin: return "gin";
    case IndexMethod::Brin: return "brin";
  }
  unknown("IndexMethod", static_cast<int>(method));
}

}  // namespace migrate
