#include "redline/checks/rules.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "redline/io/input_path.h"
#include "redline/io/temporary_files.h"
#include "util/text.h"

namespace redline {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPlaceholder = "{delivery}";

const std::set<std::string> kCheckKeys = {"name",      "kind",         "description", "layer",   "layer_name",
                                          "previous",  "previous_layer", "baseline",  "key",     "label",
                                          "by",        "field",        "order",       "within",  "within_layer",
                                          "min_percent", "share_of",   "zones",       "where",   "unit",
                                          "method"};
const std::set<std::string> kTopKeys = {"check", "title", "description", "unit", "method"};

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Parses one [[check]] table; `where` names it in every error.
class CheckReader {
 public:
  CheckReader(const toml::table& table, std::string rules_path, std::string base_dir, std::string where)
      : t_(table), rules_path_(std::move(rules_path)), base_(std::move(base_dir)), where_(std::move(where)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw UsageError(fmt::format("{}: {}", where_, what), Location{rules_path_, "", std::nullopt, ""});
  }

  void check_keys() const {
    for (auto&& [k, v] : t_) {
      const std::string key(k.str());
      if (!kCheckKeys.count(key)) {
        fail(fmt::format("unknown key '{}' (line {}); expected one of: {}", key, v.source().begin.line, join(kCheckKeys)));
      }
    }
  }

  std::optional<std::string> text(const char* key) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) fail(fmt::format("'{}' must be a text in quotes (line {})", key, n->source().begin.line));
    return n->value<std::string>();
  }

  std::string required_text(const char* key) const {
    auto v = text(key);
    if (!v || v->empty()) fail(fmt::format("'{}' is missing", key));
    return *v;
  }

  std::optional<double> number(const char* key) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_number()) fail(fmt::format("'{}' must be a number (line {})", key, n->source().begin.line));
    return n->value<double>();
  }

  std::vector<std::string> texts(const toml::node* n, const std::string& key) const {
    std::vector<std::string> out;
    if (n->is_string()) {
      out.push_back(*n->value<std::string>());
      return out;
    }
    const toml::array* a = n->as_array();
    if (!a) fail(fmt::format("'{}' must be a list of texts, e.g. [\"a\", \"b\"] (line {})", key, n->source().begin.line));
    for (const toml::node& e : *a) {
      if (!e.is_string()) fail(fmt::format("'{}' must hold texts only (line {})", key, e.source().begin.line));
      out.push_back(*e.value<std::string>());
    }
    return out;
  }

  std::vector<std::string> list(const char* key) const {
    const toml::node* n = t_.get(key);
    return n ? texts(n, key) : std::vector<std::string>{};
  }

  // A path relative to the rules file's folder; {delivery} is kept for later.
  std::string path(const std::string& p) const {
    if (p.rfind(kPlaceholder, 0) == 0 || fs::path(p).is_absolute()) return p;
    return (fs::path(base_) / p).lexically_normal().string();
  }

  std::optional<LayerRef> layer(const char* path_key, const char* name_key) const {
    auto p = text(path_key);
    auto name = text(name_key);
    if (!p) {
      if (name) fail(fmt::format("'{}' is given without '{}'", name_key, path_key));
      return std::nullopt;
    }
    return LayerRef{path(*p), name.value_or("")};
  }

  void baseline(CheckSpec& s) const {
    const toml::node* n = t_.get("baseline");
    if (!n) return;
    auto area = [&](const std::string& textual, const std::string& what) {
      try {
        return parse_area(textual);
      } catch (const Error& e) {
        fail(fmt::format("{} '{}': {}", what, textual, e.reason()));
      }
    };
    if (n->is_string()) {
      s.baseline_m2 = area(*n->value<std::string>(), "baseline");
      return;
    }
    const toml::table* groups = n->as_table();
    if (!groups) {
      fail(fmt::format("'baseline' must be an area with its unit, e.g. \"75587.98ha\", or a table of them per group "
                       "(line {})", n->source().begin.line));
    }
    for (auto&& [k, v] : *groups) {
      if (!v.is_string()) fail(fmt::format("baseline of group '{}' must be an area with its unit, e.g. \"100ha\"", k.str()));
      s.group_baselines_m2[std::string(k.str())] = area(*v.value<std::string>(), fmt::format("baseline of group '{}'", k.str()));
    }
  }

  void where(CheckSpec& s) const {
    const toml::node* n = t_.get("where");
    if (!n) return;
    const toml::table* w = n->as_table();
    if (!w) fail(fmt::format("'where' must be a table, e.g. where = {{ XFZT = \"已修复\" }} (line {})", n->source().begin.line));
    for (auto&& [k, v] : *w) s.where[std::string(k.str())] = texts(&v, "where." + std::string(k.str()));
  }

 private:
  const toml::table& t_;
  std::string rules_path_, base_, where_;
};

}  // namespace

RuleSet load_rules(const std::string& path) {
  RuleSet rules;
  rules.path = path;
  std::error_code ec;
  // A FIFO or device is refused, not opened: reading it would block or never end.
  if (fs::exists(fs::symlink_status(path, ec))) require_readable_input(path);
  if (!fs::is_regular_file(path, ec)) throw InputError("no such rules file", Location{path, "", std::nullopt, ""});
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw InputError(fmt::format("not valid TOML at line {}, column {}: {}", e.source().begin.line,
                                 e.source().begin.column, e.description()),
                     Location{path, "", std::nullopt, ""});
  }
  const Location file{path, "", std::nullopt, ""};
  for (auto&& [k, v] : root) {
    if (!kTopKeys.count(std::string(k.str()))) {
      throw UsageError(fmt::format("unknown key '{}' (line {}); a rules file holds [[check]] tables and the defaults "
                                   "unit and method",
                                   k.str(), v.source().begin.line),
                       file);
    }
  }
  AreaUnit default_unit = AreaUnit::Hectare;
  AreaMethod default_method = AreaMethod::Ellipsoidal;
  try {
    if (auto u = root["unit"].value<std::string>()) default_unit = parse_area_unit(*u);
    if (auto m = root["method"].value<std::string>()) default_method = parse_area_method(*m);
    if (auto t = root["title"].value<std::string>()) rules.title = *t;
  } catch (const Error& e) {
    rethrow_with_location(e, file);
  }
  const toml::array* checks = root["check"].as_array();
  if (!checks || checks->empty()) throw UsageError("no [[check]] tables: nothing to check", file);
  const std::string base = fs::path(path).parent_path().string();

  std::size_t number = 0;
  for (const toml::node& node : *checks) {
    ++number;
    const toml::table* t = node.as_table();
    const std::size_t line = node.source().begin.line;
    if (!t) {
      throw UsageError(fmt::format("check {} (line {}) is not a table: write it as [[check]]", number, line), file);
    }
    CheckSpec s;
    s.source = fmt::format("check {}, line {}", number, line);
    const std::string name = t->get("name") && t->get("name")->is_string() ? *(*t)["name"].value<std::string>() : "";
    CheckReader r(*t, path, base, name.empty() ? fmt::format("check {} (line {})", number, line)
                                               : fmt::format("check '{}' (check {}, line {})", name, number, line));
    r.check_keys();
    s.name = name;
    try {
      s.kind = parse_check_kind(r.required_text("kind"));
    } catch (const UsageError& e) {
      if (e.where().file.empty()) r.fail(e.reason());
      throw;
    }
    std::optional<LayerRef> layer = r.layer("layer", "layer_name");
    if (!layer) r.fail("'layer' is missing");
    s.layer = *layer;
    s.previous = r.layer("previous", "previous_layer");
    s.within = r.layer("within", "within_layer");
    r.baseline(s);
    r.where(s);
    s.key = r.text("key").value_or("");
    s.label = r.text("label").value_or("");
    s.by = r.text("by").value_or("");
    s.field = r.text("field").value_or("");
    s.order = r.list("order");
    s.zones = r.list("zones");
    s.min_percent = r.number("min_percent");
    s.share_of = r.text("share_of").value_or("layer");
    s.unit = default_unit;
    s.method = default_method;
    try {
      if (auto u = r.text("unit")) s.unit = parse_area_unit(*u);
      if (auto m = r.text("method")) s.method = parse_area_method(*m);
      validate_check(s);
    } catch (const UsageError& e) {
      rethrow_with_location(e, file);
    }
    for (const std::string* p : {&s.layer.path, s.previous ? &s.previous->path : nullptr,
                                 s.within ? &s.within->path : nullptr}) {
      if (p && p->find(kPlaceholder) != std::string::npos) rules.uses_delivery = true;
    }
    rules.checks.push_back(std::move(s));
  }
  return rules;
}

std::vector<std::string> list_deliveries(const std::string& dir) {
  const Location folder{dir, "", std::nullopt, ""};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError("not a folder of deliveries", folder);
  // The folder and the folders above it: a delivery folder that leads back to one of them is a
  // loop of symbolic links, not a delivery.
  std::vector<fs::path> above;
  for (fs::path p = fs::canonical(dir, ec); !ec && !p.empty(); p = p.parent_path()) {
    above.push_back(p);
    if (p == p.root_path()) break;
  }
  std::vector<std::string> out;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    // Hidden files and redline's temporary outputs (half-written files) are no deliveries.
    if (name.empty() || name[0] == '.' || is_temporary_output_name(name)) continue;
    const std::string ext = detail::ascii_lower(path.extension().string());
    const bool data_name = ext == ".gpkg" || ext == ".shp" || ext == ".geojson" || ext == ".json";
    std::error_code status_error;
    const fs::file_status status = fs::status(path, status_error);  // stat(): follows links, opens nothing
    if (status.type() == fs::file_type::directory) {
      std::error_code real_error;
      const fs::path real = fs::canonical(path, real_error);
      if (!real_error && std::find(above.begin(), above.end(), real) != above.end()) {
        throw InputError("is a symbolic link back to the deliveries folder or above it (a loop)",
                         Location{path.string(), "", std::nullopt, ""});
      }
      out.push_back(path.string());
    } else {
      std::error_code link_error;
      const bool unresolved_link = status_error && it->is_symlink(link_error);
      // A FIFO, device or socket under a data name, or a link that leads nowhere (missing, or
      // a loop), is refused without being opened (opening a FIFO blocks); other files are no
      // deliveries.
      if (data_name || unresolved_link) {
        require_readable_input(path.string());
        out.push_back(path.string());
      }
    }
  }
  if (ec) throw InputError(fmt::format("the folder cannot be read: {}", ec.message()), folder);
  std::sort(out.begin(), out.end());
  if (out.empty()) {
    throw UsageError("holds no delivery (subfolders or .gpkg, .shp, .geojson files)", folder);
  }
  return out;
}

std::vector<CheckSpec> expand_deliveries(const RuleSet& rules, const std::vector<std::string>& deliveries) {
  auto uses = [](const CheckSpec& s) {
    for (const std::string* p : {&s.layer.path, s.previous ? &s.previous->path : nullptr,
                                 s.within ? &s.within->path : nullptr}) {
      if (p && p->find(kPlaceholder) != std::string::npos) return true;
    }
    return false;
  };
  if (rules.uses_delivery && deliveries.empty()) {
    throw UsageError("the rules name layers by {delivery}", Location{rules.path, "", std::nullopt, ""},
                     Hint{HintKind::Deliveries, ""});
  }
  std::vector<CheckSpec> out;
  for (const CheckSpec& s : rules.checks) {
    if (!uses(s)) out.push_back(s);
  }
  for (const std::string& d : deliveries) {
    auto replace = [&](std::string& p) {
      for (std::size_t at; (at = p.find(kPlaceholder)) != std::string::npos;) p.replace(at, std::string(kPlaceholder).size(), d);
    };
    for (const CheckSpec& s : rules.checks) {
      if (!uses(s)) continue;
      CheckSpec c = s;
      replace(c.layer.path);
      if (c.previous) replace(c.previous->path);
      if (c.within) replace(c.within->path);
      c.delivery = fs::path(d).filename().string();
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace redline
