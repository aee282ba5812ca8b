// completion: bash and zsh scripts built from the command tree itself, so every command and
// option added later appears by itself; `__complete revisions` (hidden) gives the project's
// revision ids and branch labels to those scripts.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"

namespace migrate::cli {

namespace {

struct Flag {
  std::vector<std::string> names;    // "-m", "--message"
  bool takes_value = false;
  std::vector<std::string> choices;  // from a CLI::IsMember check
  bool revision = false;             // its value names a revision
  bool path = false;                 // its value is a file or folder
};

struct Command {
  std::string name, description;
  std::vector<Flag> flags;
  bool revision_positional = false;  // a positional argument names revisions
  std::vector<std::string> positional_choices;  // or is one of these words
};

// Options whose values are files: the rest (a message, a URL) get no completion.
bool names_path(const CLI::Option& o) {
  for (const auto& l : o.get_lnames())
    if (l == "config" || l.find("path") != std::string::npos) return true;
  return false;
}

// Arguments whose values are revisions, by the names the commands give them.
bool names_revision(const CLI::Option& o) {
  if (o.get_positional()) return o.get_name() == "revision" || o.get_name() == "revisions";
  for (const auto& l : o.get_lnames())
    if (l == "head" || l == "depends-on") return true;
  return false;
}

// CLI11 shows an IsMember check in the type name: "TEXT:{text,json}".
std::vector<std::string> choices_of(const CLI::Option& o) {
  std::string type = o.get_type_name();
  auto open = type.find('{'), close = type.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string list = type.substr(open + 1, close - open - 1);
  for (std::size_t start = 0; start <= list.size();) {
    auto comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::vector<Flag> flags_of(const CLI::App& app) {
  std::vector<Flag> out;
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_positional()) continue;
    Flag f;
    for (const auto& s : o->get_snames()) f.names.push_back("-" + s);
    for (const auto& l : o->get_lnames()) f.names.push_back("--" + l);
    f.takes_value = o->get_items_expected_min() > 0;
    f.choices = choices_of(*o);
    f.revision = names_revision(*o);
    f.path = names_path(*o);
    out.push_back(f);
  }
  return out;
}

std::vector<Command> commands_of(const CLI::App& app) {
  std::vector<Command> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    Command c{sub->get_name(), sub->get_description(), flags_of(*sub), false, {}};
    for (const CLI::Option* o : sub->get_options()) {
      if (!o->get_positional()) continue;
      if (names_revision(*o)) c.revision_positional = true;
      for (const auto& w : choices_of(*o)) c.positional_choices.push_back(w);
    }
    // A command of commands (`import alembic`): its own subcommands are its words.
    for (const CLI::App* nested : sub->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
      c.positional_choices.push_back(nested->get_name());
    out.push_back(c);
  }
  return out;
}

std::string joined(const std::vector<std::string>& v, const char* sep) { return fmt::format("{}", fmt::join(v, sep)); }

std::vector<std::string> all_names(const std::vector<Flag>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) out.insert(out.end(), f.names.begin(), f.names.end());
  return out;
}

// The options that take a value, across the tree, grouped by how their value completes:
// one case branch each in the scripts.
struct ValueCases {
  std::map<std::string, std::vector<std::string>> by_choices;  // "text json" -> names
  std::vector<std::string> revisions, files, free;  // free: typed, not completed
};

ValueCases value_cases(const std::vector<Flag>& globals, const std::vector<Command>& commands) {
  ValueCases cases;
  std::set<std::string> seen;
  auto add = [&](const Flag& f) {
    if (!f.takes_value) return;
    for (const auto& n : f.names) {
      if (!seen.insert(n).second) continue;
      if (f.revision) cases.revisions.push_back(n);
      else if (!f.choices.empty()) cases.by_choices[joined(f.choices, " ")].push_back(n);
      else if (f.path) cases.files.push_back(n);
      else cases.free.push_back(n);
    }
  };
  for (const auto& f : globals) add(f);
  for (const auto& c : commands)
    for (const auto& f : c.flags) add(f);
  return cases;
}

std::vector<std::string> global_value_names(const std::vector<Flag>& globals) {
  std::vector<std::string> out;
  for (const auto& f : globals)
    if (f.takes_value) out.insert(out.end(), f.names.begin(), f.names.end());
  return out;
}

// What a command's positional words complete to, as a line of the scripts' case.
std::string positional_setting(const Command& c) {
  if (c.revision_positional) return "revs=1";
  if (!c.positional_choices.empty()) return "words=\"" + joined(c.positional_choices, " ") + "\"; fixed=1";
  return "";
}

std::string bash_script(const std::vector<Flag>& globals, const std::vector<Command>& commands) {
  auto cases = value_cases(globals, commands);
  std::string value_branches;
  for (const auto& [words, names] : cases.by_choices)
    value_branches += fmt::format("    {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n", joined(names, "|"), words);
  if (!cases.revisions.empty())
    value_branches += fmt::format("    {}) COMPREPLY=($(compgen -W \"$(_migrate_revisions) head heads base\" -- \"$cur\")); return ;;\n",
                                  joined(cases.revisions, "|"));
  if (!cases.files.empty())
    value_branches += fmt::format("    {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", joined(cases.files, "|"));
  if (!cases.free.empty()) value_branches += fmt::format("    {}) COMPREPLY=(); return ;;\n", joined(cases.free, "|"));
  std::vector<std::string> names;
  std::string command_branches;
  for (const auto& c : commands) {
    names.push_back(c.name);
    auto setting = positional_setting(c);
    command_branches += fmt::format("    {}) opts+=\" {}\"{} ;;\n", c.name, joined(all_names(c.flags), " "),
                                    setting.empty() ? "" : "; " + setting);
  }
  return fmt::format(R"SH(# bash completion for migrate. Load it with: eval "$(migrate completion bash)"
_migrate_revisions() {{
  "${{COMP_WORDS[0]}}" "${{_migrate_config[@]}}" __complete revisions 2>/dev/null
}}

_migrate() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" cmd="" i
  # The command, and the config options typed (before it, or after it for the long forms
  # and -c), which the revision list must read too.
  _migrate_config=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${{COMP_WORDS[i]}}" in
      -c|--config|--name) _migrate_config+=("${{COMP_WORDS[i]}}" "${{COMP_WORDS[i+1]}}"); ((i++)) ;;
      -n) [[ -z $cmd ]] && _migrate_config+=(-n "${{COMP_WORDS[i+1]}}"); ((i++)) ;;
      {0}) ((i++)) ;;
      -*) ;;
      *) [[ -z $cmd ]] && cmd="${{COMP_WORDS[i]}}" ;;
    esac
  done
  case "$prev" in
{1}  esac
  local opts="{2}" words="" revs="" fixed=""
  case "$cmd" in
    "") words="{3}"; fixed=1 ;;
{4}  esac
  if [[ $cur == -* ]]; then words="$opts"
  elif [[ -n $revs ]]; then words="$(_migrate_revisions) head heads base"
  elif [[ -z $fixed ]]; then COMPREPLY=($(compgen -f -- "$cur")); return
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}}
complete -F _migrate migrate
)SH",
                     joined(global_value_names(globals), "|"), value_branches, joined(all_names(globals), " "),
                     joined(names, " "), command_branches);
}

std::string zsh_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string zsh_script(const std::vector<Flag>& globals, const std::vector<Command>& commands) {
  auto cases = value_cases(globals, commands);
  std::string value_branches;
  for (const auto& [words, names] : cases.by_choices)
    value_branches += fmt::format("    ({}) compadd -- {}; return ;;\n", joined(names, "|"), words);
  if (!cases.revisions.empty())
    value_branches += fmt::format("    ({}) compadd -- ${{(f)\"$(_migrate_revisions)\"}} head heads base; return ;;\n",
                                  joined(cases.revisions, "|"));
  if (!cases.files.empty()) value_branches += fmt::format("    ({}) _files; return ;;\n", joined(cases.files, "|"));
  if (!cases.free.empty()) value_branches += fmt::format("    ({}) return ;;\n", joined(cases.free, "|"));
  std::string described, command_branches;
  for (const auto& c : commands) {
    described += "    " + zsh_quoted(c.name + ":" + c.description) + "\n";
    std::string setting = c.revision_positional ? "revs=1"
                          : c.positional_choices.empty()
                              ? ""
                              : "words_=(" + joined(c.positional_choices, " ") + "); fixed=1";
    command_branches += fmt::format("    ({}) opts+=({}){} ;;\n", c.name, joined(all_names(c.flags), " "),
                                    setting.empty() ? "" : "; " + setting);
  }
  return fmt::format(R"SH(#compdef migrate
# zsh completion for migrate. Load it (after compinit) with: eval "$(migrate completion zsh)"
_migrate_revisions() {{
  ${{words[1]}} $_migrate_config __complete revisions 2>/dev/null
}}

_migrate() {{
  local cur=${{words[CURRENT]}} prev=${{words[CURRENT-1]}} cmd="" i revs=0 fixed=0
  local -a opts commands
  typeset -ga _migrate_config
  _migrate_config=()
  for ((i = 2; i < CURRENT; i++)); do
    case ${{words[i]}} in
      (-c|--config|--name) _migrate_config+=(${{words[i]}} ${{words[i+1]}}); ((i++)) ;;
      (-n) [[ -z $cmd ]] && _migrate_config+=(-n ${{words[i+1]}}); ((i++)) ;;
      ({0}) ((i++)) ;;
      (-*) ;;
      (*) [[ -z $cmd ]] && cmd=${{words[i]}} ;;
    esac
  done
  case $prev in
{1}  esac
  opts=({2})
  commands=(
{3}  )
  local -a words_
  case $cmd in
    ("") if [[ $cur == -* ]]; then compadd -- $opts; else _describe command commands; fi; return ;;
{4}  esac
  if [[ $cur == -* ]]; then compadd -- $opts
  elif (( revs )); then compadd -- ${{(f)"$(_migrate_revisions)"}} head heads base
  elif (( fixed )); then compadd -- $words_
  else _files
  fi
}}
compdef _migrate migrate
)SH",
                     joined(global_value_names(globals), "|"), value_branches, joined(all_names(globals), " "),
                     described, command_branches);
}

int completion(Context& ctx, const CLI::App& app, const std::string& shell) {
  auto globals = flags_of(app);
  auto commands = commands_of(app);
  std::string script = shell == "zsh" ? zsh_script(globals, commands) : bash_script(globals, commands);
  if (ctx.json()) ctx.document() = {{"command", "completion"}, {"shell", shell}, {"script", script}};
  else std::cout << script;
  return 0;
}

// Ids and branch labels, one a line: what a revision argument may be besides keywords.
int complete_revisions(Context& ctx) {
  std::set<std::string> words;
  const auto& map = ctx.project_to_read().map();
  for (graph::RevisionMap::Index i = 0; i < map.size(); ++i) {
    words.insert(map.at(i).id);
    for (const auto& l : map.at(i).branch_labels) words.insert(l);
  }
  if (ctx.json()) ctx.document() = {{"command", "__complete"}, {"revisions", words}};
  else
    for (const auto& w : words) ctx.print(w);
  return 0;
}

}  // namespace

void add_completion_commands(CLI::App& app, Action& chosen) {
  auto shell = std::make_shared<std::string>();
  auto* c = app.add_subcommand("completion", "Print a shell completion script (bash or zsh)");
  c->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  const CLI::App* top = &app;
  on_run(c, chosen, [shell, top](Context& ctx) { return completion(ctx, *top, *shell); });

  // Hidden (no group): for the scripts above, not for people.
  auto* hidden = app.add_subcommand("__complete", "")->group("");
  auto* revisions = hidden->add_subcommand("revisions", "")->group("");
  on_run(revisions, chosen, [](Context& ctx) { return complete_revisions(ctx); });
  hidden->require_subcommand(1);
}

}  // namespace migrate::cli
