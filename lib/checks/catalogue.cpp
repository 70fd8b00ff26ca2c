#include "redline/checks/catalogue.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "redline/checks/deliveries.h"
#include "redline/checks/rules.h"
#include "redline/error.h"
#include "redline/io/input_path.h"
#include "util/quoted.h"
#include "util/text.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kColumns[] = {"code", "name", "delivery", "boundary", "boundary_layer"};

struct Row {
  std::vector<std::string> fields;
  std::size_t line = 0;  // where the row starts
};

// RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line
// breaks; CRLF or LF ends a row. Blank rows are dropped.
std::vector<Row> split_csv(const std::string& text, const Location& file) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false, field_was_quoted = false;
  std::size_t line = 1;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(field);
    field.clear();
    field_was_quoted = false;
  };
  auto end_row = [&] {
    const bool blank = row.fields.empty() && field.empty() && !field_was_quoted;
    end_field();
    if (!blank) rows.push_back(std::move(row));
    row = Row{};
    row.line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && field.empty() && !field_was_quoted) {
      quoted = field_was_quoted = true;
    } else if (c == '"') {
      throw InputError("line " + std::to_string(line) + ": a quote inside an unquoted field (write it \"\")", file);
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      if (field_was_quoted) {
        throw InputError("line " + std::to_string(line) + ": text after a quoted field's closing quote", file);
      }
      field += c;
    }
  }
  if (quoted) throw InputError("line " + std::to_string(row.line) + ": a quote is never closed", file);
  if (!field.empty() || !row.fields.empty() || field_was_quoted) end_row();
  return rows;
}

std::string resolve(const std::string& base, const std::string& p) {
  if (base.empty() || fs::path(p).is_absolute()) return p;
  return (fs::path(base) / p).lexically_normal().string();
}

}  // namespace

Catalogue load_catalogue(const std::string& path) {
  const Location file{path, "", std::nullopt, ""};
  std::error_code ec;
  // A FIFO or device is refused, not opened: reading it would block or never end.
  if (fs::exists(fs::symlink_status(path, ec))) require_readable_input(path);
  if (!fs::is_regular_file(path, ec)) throw InputError("no such catalogue file", file);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open the catalogue", file);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError("cannot read the catalogue", file);
  return parse_catalogue(text.str(), path);
}

Catalogue parse_catalogue(const std::string& text_in, const std::string& path) {
  const Location file{path, "", std::nullopt, ""};
  std::string text = text_in;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (!detail::is_valid_utf8(text)) throw InputError("the catalogue is not UTF-8 text", file);
  const std::vector<Row> rows = split_csv(text, file);
  if (rows.empty()) throw UsageError("the catalogue is empty: give a header row (code,name,delivery) and a county a row", file);

  std::map<std::string, std::size_t> column;  // name -> index
  const Row& header = rows.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    bool known = false;
    for (const char* k : kColumns) known = known || name == k;
    if (!known) {
      throw UsageError("line " + std::to_string(header.line) + ": unknown column " + detail::quoted(name) +
                           " (expected code, name, delivery and optionally boundary, boundary_layer)",
                       file);
    }
    if (!column.emplace(name, i).second) {
      throw UsageError("line " + std::to_string(header.line) + ": column " + detail::quoted(name) + " is named twice",
                       file);
    }
  }
  for (const char* required : {"code", "name", "delivery"}) {
    if (!column.count(required)) {
      throw UsageError("line " + std::to_string(header.line) + ": no column " + detail::quoted(required) +
                           " (the header names code, name, delivery and optionally boundary, boundary_layer)",
                       file);
    }
  }

  const std::string base = fs::path(path).parent_path().string();
  Catalogue out;
  out.path = path;
  std::map<std::string, std::size_t> seen;  // code -> line
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    const std::string at = "line " + std::to_string(row.line) + ": ";
    if (row.fields.size() != header.fields.size()) {
      throw InputError(at + std::to_string(row.fields.size()) + " fields where the header names " +
                           std::to_string(header.fields.size()),
                       file);
    }
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it == column.end() ? std::string() : row.fields[it->second];
    };
    County c;
    c.line = row.line;
    c.code = get("code");
    bool six_digits = c.code.size() == 6;
    for (char ch : c.code) six_digits = six_digits && ch >= '0' && ch <= '9';
    if (!six_digits) {
      throw UsageError(at + "county code " + detail::quoted(c.code) + " is not 6 digits (行政区划代码, e.g. 360733)",
                       file);
    }
    auto [it, fresh] = seen.emplace(c.code, row.line);
    if (!fresh) {
      throw UsageError(at + "county code " + c.code + " is given twice (also on line " + std::to_string(it->second) +
                           ")",
                       file);
    }
    c.name = get("name");
    if (c.name.empty()) throw UsageError(at + "county " + c.code + " has no name", file);
    const std::string delivery = get("delivery");
    if (delivery.empty()) throw UsageError(at + "county " + c.code + " has no delivery", file);
    c.delivery = resolve(base, delivery);
    const std::string boundary = get("boundary"), boundary_layer = get("boundary_layer");
    if (!boundary.empty()) {
      c.boundary = LayerRef{resolve(base, boundary), boundary_layer};
    } else if (!boundary_layer.empty()) {
      throw UsageError(at + "county " + c.code + " has a boundary_layer but no boundary", file);
    }
    out.counties.push_back(std::move(c));
  }
  if (out.counties.empty()) throw UsageError("the catalogue holds no county (a header row alone)", file);
  return out;
}

void require_delivery_in_every_check(const RuleSet& rules) {
  const Location file{rules.path, "", std::nullopt, ""};
  if (rules.checks.empty()) throw UsageError("the rules hold no check", file);
  for (std::size_t i = 0; i < rules.checks.size(); ++i) {
    const CheckSpec& s = rules.checks[i];
    if (!uses_delivery(s)) {
      throw UsageError("check " + std::to_string(i + 1) + " (" + s.name +
                           ") names no layer by {delivery}: run for every county of a catalogue it would measure "
                           "the same layers each time",
                       file);
    }
  }
}

std::vector<CheckSpec> county_checks(const RuleSet& rules, const County& county) {
  require_delivery_in_every_check(rules);
  RuleSet own = rules;
  for (std::size_t i = 0; i < own.checks.size(); ++i) {
    auto replace = [&](LayerRef& ref) {
      if (ref.path != kBoundaryPlaceholder) return;
      if (!county.boundary) {
        throw UsageError("check " + std::to_string(i + 1) + " (" + own.checks[i].name + ") names a layer by " +
                             std::string(kBoundaryPlaceholder) + ", and the catalogue gives county " + county.code +
                             " no boundary",
                         Location{rules.path, "", std::nullopt, ""});
      }
      ref = *county.boundary;
    };
    CheckSpec& s = own.checks[i];
    replace(s.layer);
    if (s.previous) replace(*s.previous);
    if (s.within) replace(*s.within);
    for (LayerRef& w : s.with) replace(w);
  }
  return expand_deliveries(own, {county.delivery});
}

std::vector<std::string> catalogue_inputs(const RuleSet& rules, const Catalogue& catalogue) {
  require_delivery_in_every_check(rules);
  std::vector<std::string> inputs = {rules.path, catalogue.path};
  for (const County& c : catalogue.counties) {
    inputs.push_back(c.delivery);  // a folder: nothing is written inside it either
    if (c.boundary) inputs.push_back(c.boundary->path);
    std::vector<CheckSpec> specs;
    try {
      specs = county_checks(rules, c);
    } catch (const UsageError&) {
      continue;  // the county's error when it runs; it reads nothing more
    }
    for (const CheckSpec& s : specs) {
      inputs.push_back(s.layer.path);
      if (s.previous) inputs.push_back(s.previous->path);
      if (s.within) inputs.push_back(s.within->path);
      for (const LayerRef& w : s.with) inputs.push_back(w.path);
    }
  }
  return inputs;
}

}  // namespace redline
