#include "redline/checks/rules.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "redline/checks/check_spec_builder.h"
#include "redline/checks/deliveries.h"
#include "redline/io/input_path.h"
#include "util/quoted.h"

namespace redline {

namespace fs = std::filesystem;

namespace {

const std::set<std::string> kTopKeys = {"check", "title", "description", "unit", "method"};

std::size_t line_of(const toml::node& n) { return n.source().begin.line; }

// A TOML value as the check builder reads it, with its line.
CheckValue value_of(const toml::node& n) {
  CheckValue v;
  v.line = line_of(n);
  if (const auto* text = n.as_string()) {
    v.text = text->get();
  } else if (const auto* integer = n.as_integer()) {
    v.type = CheckValue::Type::Number;
    v.number = static_cast<double>(integer->get());
    v.decimal = integer->flags() == toml::value_flags::none;
  } else if (const auto* floating = n.as_floating_point()) {
    v.type = CheckValue::Type::Number;
    v.number = floating->get();
  } else if (const toml::array* list = n.as_array()) {
    v.type = CheckValue::Type::List;
    for (const toml::node& item : *list) v.items.push_back({"", value_of(item), ""});
  } else if (const toml::table* table = n.as_table()) {
    v.type = CheckValue::Type::Table;
    for (auto&& [k, item] : *table) v.items.push_back({std::string(k.str()), value_of(item), ""});
  } else {
    v.type = CheckValue::Type::Other;
  }
  return v;
}

// Reads a top-level text default, refusing a value of another type (it would be ignored).
std::optional<std::string> top_text(const toml::table& root, const char* key, const Location& file) {
  const toml::node* n = root.get(key);
  if (!n) return std::nullopt;
  if (!n->is_string()) {
    throw UsageError(fmt::format("line {}: '{}' must be a text in quotes", line_of(*n), key), file);
  }
  return n->value<std::string>();
}

}  // namespace

RuleSet load_rules(const std::string& path) {
  std::error_code ec;
  // A FIFO or device is refused, not opened: reading it would block or never end.
  if (fs::exists(fs::symlink_status(path, ec))) require_readable_input(path);
  if (!fs::is_regular_file(path, ec)) throw InputError("no such rules file", Location{path, "", std::nullopt, ""});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open the rules file", Location{path, "", std::nullopt, ""});
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError("cannot read the rules file", Location{path, "", std::nullopt, ""});
  return parse_rules(text.str(), path);
}

RuleSet parse_rules(const std::string& text, const std::string& path) {
  RuleSet rules;
  rules.path = path;
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw InputError(fmt::format("not valid TOML at line {}, column {}: {}", e.source().begin.line,
                                 e.source().begin.column, detail::quoted(e.description(), 200)),
                     Location{path, "", std::nullopt, ""});
  }
  const Location file{path, "", std::nullopt, ""};
  for (auto&& [k, v] : root) {
    if (!kTopKeys.count(std::string(k.str()))) {
      throw UsageError(fmt::format("line {}: unknown key {}; a rules file holds [[check]] tables, a title and the "
                                   "defaults unit and method",
                                   line_of(v), detail::quoted(k.str())),
                       file);
    }
  }
  // A top-level default parsed by `parse`, refused with its line.
  auto top_parsed = [&](const char* key, auto parse) -> std::optional<decltype(parse(std::string()))> {
    auto v = top_text(root, key, file);
    if (!v) return std::nullopt;
    try {
      return parse(*v);
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("line {}: {}", line_of(*root.get(key)), e.reason()), file);
    }
  };
  const AreaUnit default_unit = top_parsed("unit", parse_area_unit).value_or(kDefaultCheckUnit);
  const AreaMethod default_method = top_parsed("method", parse_area_method).value_or(kDefaultCheckMethod);
  rules.title = top_text(root, "title", file).value_or("");
  top_text(root, "description", file);
  const toml::node* check_node = root.get("check");
  const toml::array* checks = check_node ? check_node->as_array() : nullptr;
  if (check_node && !checks) {
    throw UsageError(fmt::format("line {}: 'check' must be a list of tables: write each check as [[check]]",
                                 line_of(*check_node)),
                     file);
  }
  if (!checks || checks->empty()) throw UsageError("no [[check]] tables: nothing to check", file);
  const std::string base = fs::path(path).parent_path().string();

  std::map<std::string, std::size_t> name_lines;  // explicit names, each given once
  std::size_t number = 0;
  for (const toml::node& node : *checks) {
    ++number;
    const toml::table* t = node.as_table();
    const std::size_t line = line_of(node);
    if (!t) {
      throw UsageError(fmt::format("check {} (line {}) is not a table: write it as [[check]]", number, line), file);
    }
    const toml::node* name_node = t->get("name");
    const std::string name = name_node && name_node->is_string() ? *name_node->value<std::string>() : "";
    CheckSpecContext context;
    context.description = name.empty() ? fmt::format("check {} (line {})", number, line)
                                       : fmt::format("check {} (check {}, line {})", detail::quoted(name), number, line);
    context.file = file;
    context.base_dir = base;
    context.source = fmt::format("check {}, line {}", number, line);
    context.unit = default_unit;
    context.method = default_method;
    std::vector<CheckParameter> parameters;
    for (auto&& [k, v] : *t) parameters.push_back({std::string(k.str()), value_of(v), ""});
    CheckSpec s = build_check_spec(parameters, context);
    if (!s.name.empty()) {
      auto [it, fresh] = name_lines.emplace(s.name, line);
      if (!fresh) {
        throw UsageError(fmt::format("{}: line {}: the name is already that of the check at line {}: reports and "
                                     "pipelines tell checks apart by name",
                                     context.description, line_of(*name_node), it->second),
                         file);
      }
    }
    // From here on (running, on each delivery) errors name the rules file through the source.
    s.source = fmt::format("{}, check {}, line {}", path, number, line);
    rules.uses_delivery |= uses_delivery(s);
    rules.checks.push_back(std::move(s));
  }
  return rules;
}

}  // namespace redline
