#include "redline/report/batch_report.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "redline/error.h"
#include "redline/io/output_file.h"
#include "redline/io/output_path.h"
#include "report/json_text.h"

namespace redline {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

const char* status_of(const CountyOutcome& c) {
  if (!c.error.empty() || c.report_json.empty()) return "error";
  return c.exit_code == 0 ? "passed" : "failed";
}

// Each county's report, parsed once; null for a county that did not run.
std::vector<ordered_json> parse_reports(const BatchResult& result) {
  std::vector<ordered_json> out;
  out.reserve(result.counties.size());
  for (const CountyOutcome& c : result.counties) {
    if (c.report_json.empty()) {
      out.emplace_back(nullptr);
      continue;
    }
    ordered_json j = ordered_json::parse(c.report_json, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("checks") || !j["checks"].is_array()) {
      throw InternalError("county " + c.code + ": its results are not a check report");
    }
    out.push_back(std::move(j));
  }
  return out;
}

bool is_summable_unit(const std::string& unit) {
  static const std::set<std::string> units = {"ha", "m2", "km2", "mu", "wanmu", "亩", "万亩", "m", "km", "m²", "km²"};
  return units.count(unit) > 0;
}

// The numerator and denominator of a rate, from a check's details; nullopt for a kind without.
std::optional<std::pair<double, double>> rate_parts(const std::string& kind, const ordered_json& details) {
  auto number = [&](const char* key) -> std::optional<double> {
    auto it = details.find(key);
    if (it == details.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
  };
  std::optional<double> num, den;
  if (kind == "min-share") {
    num = number("inside");
    den = number("of");
  } else if (kind == "share-of-zones") {
    num = number("counted_area");
    den = number("total_area");
    if (!num) {
      num = number("counted_length");
      den = number("total_length");
    }
  } else if (kind == "max-inside") {
    num = number("inside");
    den = number("area");
  }
  if (!num || !den) return std::nullopt;
  return std::make_pair(*num, *den);
}

ordered_json national(const BatchResult& result) {
  const std::vector<ordered_json> reports = parse_reports(result);
  ordered_json out;
  out["rules"] = result.rules;
  out["catalogue"] = result.catalogue;
  out["counties"] = result.counties.size();
  std::size_t passed = 0, failed = 0, errors = 0;
  for (const CountyOutcome& c : result.counties) {
    const std::string s = status_of(c);
    (s == "passed" ? passed : s == "failed" ? failed : errors)++;
  }
  out["passed"] = passed;
  out["failed"] = failed;
  out["errors"] = errors;
  out["exit_code"] = batch_exit_code(result);
  ordered_json checks = ordered_json::array();
  for (std::size_t i = 0; i < result.checks.size(); ++i) {
    std::size_t ran_passed = 0, ran_failed = 0, ran_errors = 0;
    std::set<std::string> units, comparisons;
    std::set<double> thresholds;
    double value_sum = 0.0, threshold_sum = 0.0, num_sum = 0.0, den_sum = 0.0;
    bool rate_known = true;
    for (std::size_t k = 0; k < reports.size(); ++k) {  // catalogue order: the sums' order
      const ordered_json& r = reports[k];
      if (r.is_null() || i >= r["checks"].size()) {
        ++ran_errors;
        continue;
      }
      const ordered_json& c = r["checks"][i];
      (c.value("passed", false) ? ran_passed : ran_failed)++;
      units.insert(c.value("unit", ""));
      comparisons.insert(c.value("comparison", ""));
      const double value = c.at("value").get<double>(), threshold = c.at("threshold").get<double>();
      value_sum += value;
      threshold_sum += threshold;
      thresholds.insert(threshold);
      const auto parts = rate_parts(result.checks[i].kind, c.contains("details") ? c["details"] : ordered_json::object());
      if (parts) {
        num_sum += parts->first;
        den_sum += parts->second;
      } else {
        rate_known = false;
      }
    }
    ordered_json n;
    n["name"] = result.checks[i].name;
    n["kind"] = result.checks[i].kind;
    const bool one_unit = units.size() == 1;
    n["unit"] = one_unit ? ordered_json(*units.begin()) : ordered_json(nullptr);
    n["comparison"] = comparisons.size() == 1 ? ordered_json(*comparisons.begin()) : ordered_json(nullptr);
    n["counties"] = result.counties.size();
    n["passed"] = ran_passed;
    n["failed"] = ran_failed;
    n["errors"] = ran_errors;
    n["value"] = nullptr;
    n["value_is"] = nullptr;
    n["threshold"] = nullptr;
    n["numerator"] = nullptr;
    n["denominator"] = nullptr;
    const bool ran = ran_passed + ran_failed > 0;
    if (ran && one_unit && is_summable_unit(*units.begin())) {
      n["value"] = value_sum;
      n["value_is"] = "sum";
      n["threshold"] = threshold_sum;
    } else if (ran && one_unit && *units.begin() == "%" && rate_known) {
      n["value_is"] = "rate";
      if (den_sum > 0.0) n["value"] = 100.0 * num_sum / den_sum;
      if (thresholds.size() == 1) n["threshold"] = *thresholds.begin();
      n["numerator"] = num_sum;
      n["denominator"] = den_sum;
    }
    n["complete"] = ran_errors == 0;
    checks.push_back(std::move(n));
  }
  out["checks"] = std::move(checks);
  return out;
}

// A cell's text; a number as JSON prints it: the shortest decimal that reads back to the same
// double, so CSV and JSON carry the same figures.
std::string cell(const ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

Table national_table(const ordered_json& n) {
  Table t;
  t.column("check").column("kind").column("unit").column("comparison").column("counties", true)
      .column("passed", true).column("failed", true).column("errors", true).column("value", true)
      .column("value_is").column("threshold", true).column("numerator", true).column("denominator", true)
      .column("complete");
  for (const ordered_json& c : n["checks"]) {
    t.add_row({cell(c["name"]), cell(c["kind"]), cell(c["unit"]), cell(c["comparison"]), cell(c["counties"]),
               cell(c["passed"]), cell(c["failed"]), cell(c["errors"]), cell(c["value"]), cell(c["value_is"]),
               cell(c["threshold"]), cell(c["numerator"]), cell(c["denominator"]), cell(c["complete"])});
  }
  return t;
}

}  // namespace

int batch_exit_code(const BatchResult& result) {
  int worst = 0;
  for (const CountyOutcome& c : result.counties) worst = std::max(worst, c.exit_code);
  return worst;
}

std::string counties_json(const BatchResult& result) {
  const std::vector<ordered_json> reports = parse_reports(result);
  ordered_json out;
  out["rules"] = result.rules;
  out["catalogue"] = result.catalogue;
  ordered_json counties = ordered_json::array();
  for (std::size_t k = 0; k < result.counties.size(); ++k) {
    const CountyOutcome& c = result.counties[k];
    ordered_json j;
    j["code"] = c.code;
    j["name"] = c.name;
    j["delivery"] = c.delivery;
    j["boundary"] = c.boundary.empty() ? ordered_json(nullptr) : ordered_json(c.boundary);
    j["status"] = status_of(c);
    j["exit_code"] = c.exit_code;
    j["error"] = c.error.empty() ? ordered_json(nullptr) : ordered_json(c.error);
    j["report"] = reports[k];
    counties.push_back(std::move(j));
  }
  out["counties"] = std::move(counties);
  return detail::json_text(out);
}

std::string counties_csv(const BatchResult& result, bool bom) {
  const std::vector<ordered_json> reports = parse_reports(result);
  Table t;
  t.column("code").column("name").column("delivery").column("status").column("check").column("kind")
      .column("passed").column("value", true).column("threshold", true).column("unit").column("comparison")
      .column("error");
  for (std::size_t k = 0; k < result.counties.size(); ++k) {
    const CountyOutcome& c = result.counties[k];
    const std::string status = status_of(c);
    if (reports[k].is_null()) {
      t.add_row({c.code, c.name, c.delivery, status, "", "", "", "", "", "", "", c.error});
      continue;
    }
    for (const ordered_json& r : reports[k]["checks"]) {
      t.add_row({c.code, c.name, c.delivery, status, cell(r["name"]), cell(r["kind"]),
                 r.value("passed", false) ? "true" : "false", cell(r["value"]), cell(r["threshold"]),
                 cell(r["unit"]), cell(r["comparison"]), ""});
    }
  }
  return render_tables({t}, OutputFormat::Csv, bom);
}

std::string national_json(const BatchResult& result) { return detail::json_text(national(result)); }

std::string render_national_report(const BatchResult& result, OutputFormat format, bool bom) {
  const ordered_json n = national(result);
  if (format == OutputFormat::Json) return detail::json_text(n);
  Table t = national_table(n);
  if (format == OutputFormat::Text || format == OutputFormat::Markdown) {
    t.title = "Counties: " + std::to_string(n["counties"].get<std::size_t>()) + " (passed " +
              std::to_string(n["passed"].get<std::size_t>()) + ", failed " +
              std::to_string(n["failed"].get<std::size_t>()) + ", errors " +
              std::to_string(n["errors"].get<std::size_t>()) + ")";
  }
  return render_tables({t}, format, bom);
}

std::vector<std::string> batch_output_names() {
  return {"counties.csv", "counties.json", "national.csv", "national.json"};
}

void prepare_batch_output_dir(const std::string& dir, const std::vector<std::string>& inputs) {
  const Location where{dir, "", std::nullopt, ""};
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  bool created = false;
  if (fs::exists(st)) {
    if (!fs::is_directory(fs::status(dir, ec))) {
      throw UsageError("the output folder is not a folder (a file or a special file): the tables are written into a folder",
                       where);
    }
  } else {
    if (!fs::create_directory(dir, ec) || ec) {
      throw OutputError("cannot create the output folder: " + ec.message(), where);
    }
    created = true;
  }
  try {
    for (const std::string& name : batch_output_names()) {
      const std::string ext = fs::path(name).extension().string();
      check_output_target((fs::path(dir) / name).string(), inputs, {ext}, "table");
    }
  } catch (...) {
    if (created) fs::remove(dir, ec);  // empty: nothing was written
    throw;
  }
}

void write_batch_outputs(const BatchResult& result, const std::string& dir, const std::vector<std::string>& inputs) {
  prepare_batch_output_dir(dir, inputs);
  const std::vector<std::string> names = batch_output_names();
  const std::vector<std::string> texts = {counties_csv(result), counties_json(result), render_national_report(result, OutputFormat::Csv),
                                          national_json(result)};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string ext = fs::path(names[i]).extension().string();
    write_output_file((fs::path(dir) / names[i]).string(), inputs, {ext}, "table", texts[i]);
  }
}

}  // namespace redline
