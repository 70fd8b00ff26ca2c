#include "redline/checks/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "redline/io/input_path.h"
#include "redline/checks/deliveries.h"
#include "redline/checks/threshold.h"
#include "util/quoted.h"

namespace redline {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPlaceholder = kDeliveryPlaceholder;

const std::set<std::string> kCheckKeys = {"name",      "kind",         "description", "layer",   "layer_name",
                                          "previous",  "previous_layer", "baseline",  "key",     "label",
                                          "by",        "field",        "order",       "within",  "within_layer",
                                          "min_percent", "share_of",   "zones",       "where",   "unit",
                                          "method"};
const std::set<std::string> kTopKeys = {"check", "title", "description", "unit", "method"};
// Keys naming a source path: the only ones where {delivery} is replaced.
const std::set<std::string> kPathKeys = {"layer", "previous", "within"};

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::size_t line_of(const toml::node& n) { return n.source().begin.line; }

// Parses one [[check]] table; `where` names it in every error, and each error about a key
// gives that key's line.
class CheckReader {
 public:
  CheckReader(const toml::table& table, std::string rules_path, std::string base_dir, std::string where)
      : t_(table), rules_path_(std::move(rules_path)), base_(std::move(base_dir)), where_(std::move(where)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw UsageError(fmt::format("{}: {}", where_, what), Location{rules_path_, "", std::nullopt, ""});
  }
  [[noreturn]] void fail_at(const toml::node& n, const std::string& what) const {
    fail(fmt::format("line {}: {}", line_of(n), what));
  }

  void check_keys() const {
    for (auto&& [k, v] : t_) {
      const std::string key(k.str());
      if (!kCheckKeys.count(key)) {
        fail_at(v, fmt::format("unknown key {}; expected one of: {}", detail::quoted(key), join(kCheckKeys)));
      }
      // {delivery} is replaced in paths only: anywhere else it would stay as written.
      if (!kPathKeys.count(key) && v.is_string() && v.value<std::string>()->find(kPlaceholder) != std::string::npos) {
        fail_at(v, fmt::format("'{}' holds {}, which is replaced only in layer, previous and within", key, kPlaceholder));
      }
    }
  }

  std::optional<std::string> text(const char* key) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) fail_at(*n, fmt::format("'{}' must be a text in quotes", key));
    std::string v = *n->value<std::string>();
    if (v.empty()) fail_at(*n, fmt::format("'{}' is empty; leave it out, or give it a value", key));
    return v;
  }

  std::string required_text(const char* key) const {
    auto v = text(key);
    if (!v) fail(fmt::format("'{}' is missing", key));
    return *v;
  }

  // A text parsed by `parse` (a unit, a method), refused with the key's line.
  template <typename Parse>
  auto parsed(const char* key, Parse parse) const -> std::optional<decltype(parse(std::string()))> {
    auto v = text(key);
    if (!v) return std::nullopt;
    try {
      return parse(*v);
    } catch (const UsageError& e) {
      fail_at(*t_.get(key), e.reason());
    }
  }

  // A percentage as a TOML number: finite, decimal, 0 < p <= 100.
  std::optional<double> percent(const char* key) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_number()) fail_at(*n, fmt::format("'{}' must be a number, e.g. 52 or 84.7", key));
    if (const toml::value<std::int64_t>* i = n->as_integer()) {
      if (i->flags() != toml::value_flags::none) {
        fail_at(*n, fmt::format("'{}' must be a decimal number, not hexadecimal, octal or binary", key));
      }
    }
    try {
      return checked_percent(*n->value<double>());
    } catch (const UsageError& e) {
      fail_at(*n, fmt::format("'{}': {}", key, e.reason()));
    }
  }

  // Texts, each non-empty and given once: a value written twice or "" is a mistake that would
  // otherwise change the figure without a word.
  std::vector<std::string> texts(const toml::node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.is_string()) {
      out.push_back(*n.value<std::string>());
    } else {
      const toml::array* a = n.as_array();
      if (!a) fail_at(n, fmt::format("'{}' must be a list of texts, e.g. [\"a\", \"b\"]", key));
      for (const toml::node& e : *a) {
        if (!e.is_string()) fail_at(e, fmt::format("'{}' must hold texts only", key));
        out.push_back(*e.value<std::string>());
      }
    }
    if (out.empty()) fail_at(n, fmt::format("'{}' is an empty list; leave it out, or give its values", key));
    std::set<std::string> seen;  // not a quadratic search: a hostile list may be long
    for (const std::string& v : out) {
      if (v.empty()) fail_at(n, fmt::format("'{}' holds an empty value \"\"", key));
      if (!seen.insert(v).second) fail_at(n, fmt::format("'{}' holds {} twice", key, detail::quoted(v)));
    }
    return out;
  }

  std::optional<std::vector<std::string>> list(const char* key) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    return texts(*n, key);
  }

  // A path relative to the rules file's folder; {delivery} is kept for later, and stands for a
  // whole delivery path, so it may only begin a path.
  std::string path(const std::string& p, const char* key) const {
    const std::size_t at = p.find(kPlaceholder);
    if (at != std::string::npos && (at != 0 || p.find(kPlaceholder, 1) != std::string::npos)) {
      fail_at(*t_.get(key), fmt::format("'{}': {} stands for a delivery's whole path and must begin it "
                                        "(\"{}\" or \"{}/redline.shp\")",
                                        key, kPlaceholder, kPlaceholder, kPlaceholder));
    }
    if (at == 0 || fs::path(p).is_absolute()) return p;
    return (fs::path(base_) / p).lexically_normal().string();
  }

  std::optional<LayerRef> layer(const char* path_key, const char* name_key) const {
    auto p = text(path_key);
    auto name = text(name_key);
    if (!p) {
      if (name) fail_at(*t_.get(name_key), fmt::format("'{}' is given without '{}'", name_key, path_key));
      return std::nullopt;
    }
    return LayerRef{path(*p, path_key), name.value_or("")};
  }

  // Refuses `other` naming the very layer `layer` names: a check against itself always passes.
  void refuse_same(const LayerRef& layer, const std::optional<LayerRef>& other, const char* key) const {
    if (other && other->path == layer.path && other->layer == layer.layer) {
      fail_at(*t_.get(key), fmt::format("'{}' is the layer checked itself ({}): the check would compare the layer "
                                        "with itself and always pass",
                                        key, detail::quoted(layer.label())));
    }
  }

  void baseline(CheckSpec& s) const {
    const toml::node* n = t_.get("baseline");
    if (!n) return;
    auto area = [&](const toml::node& v, const std::string& what) {
      try {
        return parse_baseline(*v.value<std::string>());
      } catch (const Error& e) {
        fail_at(v, fmt::format("{}: {}", what, e.reason()));
      }
    };
    if (n->is_string()) {
      s.baseline_m2 = area(*n, "baseline");
      return;
    }
    const toml::table* groups = n->as_table();
    if (!groups) {
      fail_at(*n, "'baseline' must be an area with its unit, e.g. \"75587.98ha\", or a table of them per group");
    }
    if (groups->empty()) fail_at(*n, "'baseline' is an empty table: give an area per group, e.g. { 水源涵养 = \"100ha\" }");
    for (auto&& [k, v] : *groups) {
      const std::string group(k.str());
      if (!v.is_string()) {
        fail_at(v, fmt::format("baseline of group {} must be an area with its unit, e.g. \"100ha\"", detail::quoted(group)));
      }
      s.group_baselines_m2[group] = area(v, fmt::format("baseline of group {}", detail::quoted(group)));
    }
  }

  void where(CheckSpec& s) const {
    const toml::node* n = t_.get("where");
    if (!n) return;
    const toml::table* w = n->as_table();
    if (!w) fail_at(*n, "'where' must be a table, e.g. where = { XFZT = \"已修复\" }");
    if (w->empty()) fail_at(*n, "'where' is an empty table: leave it out, or give FIELD = \"value\"");
    for (auto&& [k, v] : *w) {
      const std::string field(k.str());
      if (field.empty()) fail_at(v, "'where' names a field \"\"");
      s.where[field] = texts(v, "where." + field);
    }
  }

 private:
  const toml::table& t_;
  std::string rules_path_, base_, where_;
};

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
    CheckSpec s;
    s.source = fmt::format("check {}, line {}", number, line);
    const toml::node* name_node = t->get("name");
    const std::string name = name_node && name_node->is_string() ? *name_node->value<std::string>() : "";
    CheckReader r(*t, path, base,
                  name.empty() ? fmt::format("check {} (line {})", number, line)
                               : fmt::format("check {} (check {}, line {})", detail::quoted(name), number, line));
    r.check_keys();
    s.name = r.text("name").value_or("");
    if (!s.name.empty()) {
      auto [it, fresh] = name_lines.emplace(s.name, line);
      if (!fresh) {
        r.fail_at(*name_node, fmt::format("the name is already that of the check at line {}: reports and "
                                          "pipelines tell checks apart by name",
                                          it->second));
      }
    }
    try {
      s.kind = parse_check_kind(r.required_text("kind"));
    } catch (const UsageError& e) {
      if (e.where().file.empty()) r.fail_at(*t->get("kind"), e.reason());
      throw;
    }
    std::optional<LayerRef> layer = r.layer("layer", "layer_name");
    if (!layer) r.fail("'layer' is missing");
    s.layer = *layer;
    s.previous = r.layer("previous", "previous_layer");
    s.within = r.layer("within", "within_layer");
    r.refuse_same(s.layer, s.previous, "previous");
    r.refuse_same(s.layer, s.within, "within");
    r.baseline(s);
    r.where(s);
    s.key = r.text("key").value_or("");
    s.label = r.text("label").value_or("");
    s.by = r.text("by").value_or("");
    s.field = r.text("field").value_or("");
    s.order = r.list("order").value_or(std::vector<std::string>{});
    s.zones = r.list("zones");
    s.min_percent = r.percent("min_percent");
    s.share_of = r.parsed("share_of", parse_share_of).value_or(kDefaultShareOf);
    r.text("description");
    s.unit = r.parsed("unit", parse_area_unit).value_or(default_unit);
    s.method = r.parsed("method", parse_area_method).value_or(default_method);
    try {
      validate_check(s);
    } catch (const UsageError& e) {
      rethrow_with_location(e, file);
    }
    // From here on (running, on each delivery) errors name the rules file through the source.
    s.source = fmt::format("{}, check {}, line {}", path, number, line);
    rules.uses_delivery |= uses_delivery(s);
    rules.checks.push_back(std::move(s));
  }
  return rules;
}

}  // namespace redline
