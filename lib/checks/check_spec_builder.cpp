#include "redline/checks/check_spec_builder.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "checks/value_list.h"
#include "redline/checks/catalogue.h"
#include "redline/checks/deliveries.h"
#include "redline/checks/threshold.h"
#include "redline/overlay/sliver.h"
#include "util/quoted.h"

namespace redline {

namespace fs = std::filesystem;

namespace {

const std::set<std::string> kKeys = {"name",   "kind",  "description", "layer",       "layer_name", "previous",
                                     "previous_layer", "baseline", "key", "label",   "by",         "field",
                                     "order",  "within", "within_layer", "min_percent", "share_of",  "zones",
                                     "where",  "unit",  "method", "measure",
                                     "with", "max_overlap", "max_area", "max_percent", "max_gap", "sliver_width"};
// Keys naming a source path: the only ones where {delivery} is replaced.
const std::set<std::string> kPathKeys = {"layer", "previous", "within"};

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Splits a command-line word "a,b,c" at commas, keeping empty items ("a,,b" has three, which
// the list check refuses rather than let a list shrink silently); "" is the empty list.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t begin = 0;
  for (std::size_t comma; (comma = text.find(',', begin)) != std::string::npos; begin = comma + 1) {
    out.push_back(text.substr(begin, comma - begin));
  }
  out.push_back(text.substr(begin));
  return out;
}

class SpecReader {
 public:
  SpecReader(const std::vector<CheckParameter>& parameters, const CheckSpecContext& context)
      : context_(context), description_(context.description) {
    // Without a description, the check is named by its name, else by its kind, as written.
    for (const char* key : {"kind", "name"}) {
      for (const CheckParameter& p : parameters) {
        const bool text = p.value.type == CheckValue::Type::Text || p.value.type == CheckValue::Type::Word;
        if (context.description.empty() && p.key == key && text && !p.value.text.empty()) {
          description_ = "check " + detail::quoted(p.value.text, 120);
        }
      }
    }
    for (const CheckParameter& p : parameters) {
      if (!kKeys.count(p.key)) {
        fail_at(p.value, fmt::format("unknown key {}; expected one of: {}", detail::quoted(p.key), join(kKeys)));
      }
      // {delivery} is replaced in paths only: anywhere else it would stay as written.
      const bool text = p.value.type == CheckValue::Type::Text || p.value.type == CheckValue::Type::Word;
      if (!kPathKeys.count(p.key) && text && p.value.text.find(kDeliveryPlaceholder) != std::string::npos) {
        fail_at(p.value, fmt::format("{} holds {}, which is replaced only in layer, previous, within and with", named(p),
                                     kDeliveryPlaceholder));
      }
      if (p.key == "where") {
        where_.push_back(&p);
      } else if (!given_.emplace(p.key, &p).second) {
        fail_at(p.value, fmt::format("{} is given twice", named(p)));
      }
    }
  }

  // Says what is wrong, naming the check and, when known, the line of `value`.
  [[noreturn]] void fail_at(const CheckValue& value, const std::string& what) const {
    fail(value.line > 0 ? fmt::format("line {}: {}", value.line, what) : what);
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw UsageError(fmt::format("{}: {}", description_.empty() ? "check" : description_, what), context_.file);
  }

  // How messages name a parameter: as its user spelled it, else its key quoted (or not).
  static std::string named(const CheckParameter& p, bool quote = true) {
    if (!p.name.empty()) return p.name;
    return quote ? detail::quoted(p.key) : p.key;
  }

  const CheckParameter* get(const char* key) const {
    auto it = given_.find(key);
    return it == given_.end() ? nullptr : it->second;
  }

  std::optional<std::string> text(const char* key) const {
    const CheckParameter* p = get(key);
    if (!p) return std::nullopt;
    if (!is_text(p->value)) fail_at(p->value, fmt::format("{} must be a text in quotes", named(*p)));
    if (p->value.text.empty()) fail_at(p->value, fmt::format("{} is empty; leave it out, or give it a value", named(*p)));
    return p->value.text;
  }

  // A text parsed by `parse` (a kind, a unit, a method), refused with the value's line.
  template <typename Parse>
  auto parsed(const char* key, Parse parse) const -> std::optional<decltype(parse(std::string()))> {
    auto v = text(key);
    if (!v) return std::nullopt;
    try {
      return parse(*v);
    } catch (const UsageError& e) {
      // The reason names what was parsed ("unknown area unit ..."); an option is named too,
      // as it differs from the key.
      const CheckParameter& p = *get(key);
      fail_at(p.value, p.name.empty() ? e.reason() : p.name + ": " + e.reason());
    }
  }

  // A percentage: finite, decimal, 0 < p <= 100; a number, or a command-line word ("52%").
  std::optional<double> percent(const char* key) const {
    const CheckParameter* p = get(key);
    if (!p) return std::nullopt;
    const CheckValue& v = p->value;
    const bool word = v.type == CheckValue::Type::Word;
    if (!word && v.type != CheckValue::Type::Number) {
      fail_at(v, fmt::format("{} must be a number, e.g. 52 or 84.7", named(*p)));
    }
    if (!word && !v.decimal) {
      fail_at(v, fmt::format("{} must be a decimal number, not hexadecimal, octal or binary", named(*p)));
    }
    try {
      return word ? parse_percent(v.text) : checked_percent(v.number);
    } catch (const UsageError& e) {
      fail_at(v, fmt::format("{}: {}", named(*p), e.reason()));
    }
  }

  // Texts, each non-empty and given once: a value written twice or "" is a mistake that would
  // otherwise change the figure without a word. A single text is a list of one; a word is
  // split at commas.
  std::vector<std::string> texts(const CheckValue& v, const std::string& name) const {
    std::vector<std::string> out;
    if (v.type == CheckValue::Type::Word) {
      out = split_list(v.text);
    } else if (v.type == CheckValue::Type::Text) {
      out.push_back(v.text);
    } else {
      if (v.type != CheckValue::Type::List) fail_at(v, fmt::format("{} must be a list of texts, e.g. [\"a\", \"b\"]", name));
      for (const CheckParameter& item : v.items) {
        if (item.value.type != CheckValue::Type::Text) fail_at(item.value, fmt::format("{} must hold texts only", name));
        out.push_back(item.value.text);
      }
    }
    const std::string fault = detail::value_list_fault(out);
    if (!fault.empty()) fail_at(v, fmt::format("{} {}{}", name, fault, out.empty() ? "; leave it out, or give its values" : ""));
    return out;
  }

  std::optional<std::vector<std::string>> list(const char* key) const {
    const CheckParameter* p = get(key);
    if (!p) return std::nullopt;
    return texts(p->value, named(*p));
  }

  // A path relative to the base folder; {delivery} is kept for later, and stands for a whole
  // delivery path, so it may only begin a path.
  std::string path(const std::string& p, const CheckParameter& parameter) const {
    // {boundary} is a county's boundary layer from a catalogue: kept whole, replaced by county_checks.
    if (p == kBoundaryPlaceholder) return p;
    if (p.find(kBoundaryPlaceholder) != std::string::npos) {
      fail_at(parameter.value, fmt::format("{}: {} stands for a county's boundary layer and is the whole path "
                                           "(\"{}\")",
                                           named(parameter), kBoundaryPlaceholder, kBoundaryPlaceholder));
    }
    const std::size_t at = p.find(kDeliveryPlaceholder);
    if (at != std::string::npos && (at != 0 || p.find(kDeliveryPlaceholder, 1) != std::string::npos)) {
      fail_at(parameter.value, fmt::format("{}: {} stands for a delivery's whole path and must begin it "
                                           "(\"{}\" or \"{}/redline.shp\")",
                                           named(parameter), kDeliveryPlaceholder, kDeliveryPlaceholder,
                                           kDeliveryPlaceholder));
    }
    if (at == 0 || context_.base_dir.empty() || fs::path(p).is_absolute()) return p;
    return (fs::path(context_.base_dir) / p).lexically_normal().string();
  }

  std::optional<LayerRef> layer(const char* path_key, const char* name_key) const {
    auto p = text(path_key);
    auto name = text(name_key);
    if (!p) {
      if (name) {
        fail_at(get(name_key)->value,
                fmt::format("{} is given without {}", named(*get(name_key)), detail::quoted(path_key)));
      }
      return std::nullopt;
    }
    if (name && *p == kBoundaryPlaceholder) {
      fail_at(get(name_key)->value, fmt::format("{}: the layer of {} is the catalogue's boundary_layer",
                                                named(*get(name_key)), kBoundaryPlaceholder));
    }
    return LayerRef{path(*p, *get(path_key)), name.value_or("")};
  }

  // Refuses `other` naming the very layer `layer` names: a check against itself always passes.
  void refuse_same(const LayerRef& layer, const std::optional<LayerRef>& other, const char* key) const {
    if (other && other->path == layer.path && other->layer == layer.layer) {
      fail_at(get(key)->value, fmt::format("{} is the layer checked itself ({}): the check would compare the layer "
                                           "with itself and always pass",
                                           named(*get(key)), detail::quoted(layer.label())));
    }
  }

  void baseline(CheckSpec& s) const {
    const CheckParameter* p = get("baseline");
    if (!p) return;
    auto area = [&](const CheckValue& v, const std::string& what) {
      try {
        return parse_baseline(v.text);
      } catch (const Error& e) {
        fail_at(v, fmt::format("{}: {}", what, e.reason()));
      }
    };
    const CheckValue& v = p->value;
    if (is_text(v)) {
      s.baseline_m2 = area(v, named(*p, /*quote=*/false));
      return;
    }
    if (v.type != CheckValue::Type::Table) {
      fail_at(v, fmt::format("{} must be an area with its unit, e.g. \"75587.98ha\", or a table of them per group",
                             named(*p)));
    }
    if (v.items.empty()) {
      fail_at(v, fmt::format("{} is an empty table: give an area per group, e.g. {{ 水源涵养 = \"100ha\" }}", named(*p)));
    }
    for (const CheckParameter& g : v.items) {
      const std::string what = fmt::format("baseline of group {}", detail::quoted(g.key));
      if (!is_text(g.value)) fail_at(g.value, what + " must be an area with its unit, e.g. \"100ha\"");
      s.group_baselines_m2[g.key] = area(g.value, what);
    }
  }

  // A largest area that passes ("0ha"): an area with its unit, 0 allowed.
  std::optional<double> max_area(const char* key) const {
    auto v = text(key);
    if (!v) return std::nullopt;
    try {
      return parse_max_area(*v);
    } catch (const UsageError& e) {
      fail_at(get(key)->value, fmt::format("{}: {}", named(*get(key)), e.reason()));
    }
  }

  // A decimal number: a rules file's TOML number or a command-line word; `check` refuses what
  // makes no sense.
  template <typename Check, typename ParseWord>
  std::optional<double> number(const char* key, const char* example, Check check, ParseWord parse_word) const {
    const CheckParameter* p = get(key);
    if (!p) return std::nullopt;
    const CheckValue& v = p->value;
    const bool word = v.type == CheckValue::Type::Word;
    if (!word && v.type != CheckValue::Type::Number) fail_at(v, fmt::format("{} must be a number, e.g. {}", named(*p), example));
    if (!word && !v.decimal) fail_at(v, fmt::format("{} must be a decimal number, not hexadecimal, octal or binary", named(*p)));
    try {
      return word ? parse_word(v.text) : check(v.number);
    } catch (const UsageError& e) {
      fail_at(v, fmt::format("{}: {}", named(*p), e.reason()));
    }
  }

  // `with`: a list of tables { layer = PATH, layer_name = NAME } (a rules file's [[check.with]]
  // tables; the quick form builds the same from its words), or one such table.
  std::vector<LayerRef> with(const LayerRef& checked) const {
    const CheckParameter* p = get("with");
    if (!p) return {};
    const CheckValue& v = p->value;
    const std::string example = "[[check.with]] tables with layer = \"PATH\" and layer_name = \"NAME\"";
    std::vector<const CheckValue*> tables;
    if (v.type == CheckValue::Type::Table) {
      tables.push_back(&v);
    } else if (v.type == CheckValue::Type::List) {
      for (const CheckParameter& item : v.items) tables.push_back(&item.value);
    } else {
      fail_at(v, fmt::format("{} must be {}", named(*p), example));
    }
    if (tables.empty()) fail_at(v, fmt::format("{} is empty: leave it out to check the layer against itself, or give {}", named(*p), example));
    std::vector<LayerRef> out;
    for (const CheckValue* t : tables) {
      if (t->type != CheckValue::Type::Table) fail_at(*t, fmt::format("{} must hold tables only: {}", named(*p), example));
      const CheckParameter* layer = nullptr;
      const CheckParameter* name = nullptr;
      for (const CheckParameter& item : t->items) {
        const CheckParameter** slot = item.key == "layer" ? &layer : item.key == "layer_name" ? &name : nullptr;
        if (!slot) fail_at(item.value, fmt::format("{}: unknown key {}; expected layer, layer_name", named(*p), detail::quoted(item.key)));
        if (*slot) fail_at(item.value, fmt::format("{}: {} is given twice", named(*p), detail::quoted(item.key)));
        if (!is_text(item.value)) fail_at(item.value, fmt::format("{}: {} must be a text in quotes", named(*p), named(item)));
        if (item.value.text.empty()) fail_at(item.value, fmt::format("{}: {} is empty", named(*p), named(item)));
        *slot = &item;
      }
      if (!layer) fail_at(*t, fmt::format("{}: a table without 'layer' (the path of the layer to check against)", named(*p)));
      LayerRef ref{path(layer->value.text, *layer), name ? name->value.text : ""};
      if (ref.path == checked.path && ref.layer == checked.layer) {
        fail_at(layer->value, fmt::format("{} names the layer checked itself ({}): leave 'with' out to check the "
                                          "layer's features against each other",
                                          named(*p), detail::quoted(checked.label())));
      }
      for (const LayerRef& seen : out) {
        if (seen.path == ref.path && seen.layer == ref.layer) {
          fail_at(layer->value, fmt::format("{} names {} twice", named(*p), detail::quoted(ref.label())));
        }
      }
      out.push_back(std::move(ref));
    }
    return out;
  }

  void where(CheckSpec& s) const {
    for (const CheckParameter* p : where_) {
      const CheckValue& v = p->value;
      if (v.type == CheckValue::Type::Word) {
        // From a command line: FIELD=V1,V2, one field per parameter.
        const std::size_t eq = v.text.find('=');
        if (eq == std::string::npos || eq == 0) {
          fail_at(v, fmt::format("{} {}: expected FIELD=VALUE[,VALUE...]", named(*p), v.text));
        }
        const std::string field = v.text.substr(0, eq);
        CheckValue values = CheckValue::word(v.text.substr(eq + 1));
        values.line = v.line;
        add_where(s, *p, field, values);
        continue;
      }
      if (v.type != CheckValue::Type::Table) fail_at(v, fmt::format("{} must be a table, e.g. where = {{ XFZT = \"已修复\" }}", named(*p)));
      if (v.items.empty()) fail_at(v, fmt::format("{} is an empty table: leave it out, or give FIELD = \"value\"", named(*p)));
      for (const CheckParameter& item : v.items) add_where(s, *p, item.key, item.value);
    }
  }

 private:
  static bool is_text(const CheckValue& v) { return v.type == CheckValue::Type::Text || v.type == CheckValue::Type::Word; }

  void add_where(CheckSpec& s, const CheckParameter& p, const std::string& field, const CheckValue& values) const {
    if (field.empty()) fail_at(values, fmt::format("{} names a field \"\"", named(p)));
    const std::string name = p.name.empty() ? detail::quoted(p.key + "." + field) : p.name + " " + field;
    if (s.where.count(field)) {
      fail_at(values, fmt::format("{} names the field {} twice: give its values once", named(p), field));
    }
    s.where[field] = texts(values, name);
  }

  const CheckSpecContext& context_;
  std::string description_;
  std::map<std::string, const CheckParameter*> given_;
  std::vector<const CheckParameter*> where_;
};

}  // namespace

CheckValue CheckValue::word(std::string text) {
  CheckValue v;
  v.type = Type::Word;
  v.text = std::move(text);
  return v;
}

std::vector<std::string> check_parameter_keys() { return {kKeys.begin(), kKeys.end()}; }

CheckSpec build_check_spec(const std::vector<CheckParameter>& parameters, const CheckSpecContext& context) {
  SpecReader r(parameters, context);
  CheckSpec s;
  s.source = context.source;
  s.name = r.text("name").value_or("");
  if (!r.get("kind")) r.fail("'kind' is missing");
  s.kind = *r.parsed("kind", parse_check_kind);
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
  s.with = r.with(s.layer);
  s.max_overlap_m2 = r.max_area("max_overlap");
  s.max_area_m2 = r.max_area("max_area");
  s.max_gap_m2 = r.max_area("max_gap");
  s.max_percent = r.number("max_percent", "5 or 0", checked_max_percent, parse_max_percent);
  s.sliver_width_m = r.number(
      "sliver_width", "0.05 (metres)",
      [](double m) {
        validate_sliver_width(m, "sliver width");
        return m;
      },
      [](const std::string& text) {
        const double m = parse_decimal(text, "sliver width");
        validate_sliver_width(m, "sliver width");
        return m;
      });
  r.text("description");
  s.measure = r.parsed("measure", parse_check_measure).value_or(kDefaultCheckMeasure);
  if (s.measure == CheckMeasure::Length) {
    s.length_unit = r.parsed("unit", parse_length_unit).value_or(kDefaultLengthUnit);
  } else {
    s.unit = r.parsed("unit", parse_area_unit).value_or(context.unit);
  }
  s.method = r.parsed("method", parse_area_method).value_or(context.method);
  try {
    validate_check(s);
  } catch (const UsageError& e) {
    rethrow_with_location(e, context.file);
  }
  return s;
}

}  // namespace redline
