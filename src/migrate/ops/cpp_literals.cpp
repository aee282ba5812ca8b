// C++ spellings of strings, string lists and enumerators, for the source that autogenerate writes.
#include <fmt/format.h>

#include <migrate/error.hpp>

#include "migrate/ops/render_cpp.hpp"

namespace migrate::ops {

std::string cpp_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        // Octal escapes stop after three digits, unlike \x, so a following digit stays a digit.
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\{:03o}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string cpp_strings(const std::vector<std::string>& texts) {
  std::string out = "{";
  for (size_t i = 0; i < texts.size(); ++i) out += (i ? ", " : "") + cpp_string(texts[i]);
  return out + "}";
}

// sql_keyword() has already refused a value that is no enumerator when the SQL was rendered;
// a C++ rendering on its own refuses it here.
std::string cpp_enum(FkAction action) {
  switch (action) {
    case FkAction::NoAction: return "FkAction::NoAction";
    case FkAction::Restrict: return "FkAction::Restrict";
    case FkAction::Cascade: return "FkAction::Cascade";
    case FkAction::SetNull: return "FkAction::SetNull";
    case FkAction::SetDefault: return "FkAction::SetDefault";
  }
  throw Error(ErrorKind::Internal, "FkAction holds no enumerator: " + std::to_string(static_cast<int>(action)));
}

std::string cpp_enum(FkMatch match) {
  switch (match) {
    case FkMatch::Simple: return "FkMatch::Simple";
    case FkMatch::Full: return "FkMatch::Full";
  }
  throw Error(ErrorKind::Internal, "FkMatch holds no enumerator: " + std::to_string(static_cast<int>(match)));
}

std::string cpp_enum(IndexMethod method) {
  switch (method) {
    case IndexMethod::BTree: return "IndexMethod::BTree";
    case IndexMethod::Hash: return "IndexMethod::Hash";
    case IndexMethod::Gist: return "IndexMethod::Gist";
    case IndexMethod::SpGist: return "IndexMethod::SpGist";
    case IndexMethod::Gin: return "IndexMethod::Gin";
    case IndexMethod::Brin: return "IndexMethod::Brin";
  }
  throw Error(ErrorKind::Internal, "IndexMethod holds no enumerator: " + std::to_string(static_cast<int>(method)));
}

}  // namespace migrate::ops
