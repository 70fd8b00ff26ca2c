#include "redline/report/check_report.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "report/check_figures.h"
#include "report/json_text.h"

namespace redline {

std::string check_report_json(const std::vector<CheckResult>& results) {
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  for (const CheckResult& r : results) {
    checks.push_back({{"name", r.name},
                      {"kind", kind_name(r.kind)},
                      {"passed", r.passed},
                      {"value", r.value},
                      {"threshold", r.threshold},
                      {"unit", r.unit},
                      {"details", detail::parsed_check_details(r)},
                      {"comparison", r.comparison},
                      {"margin", r.margin()},
                      {"layer", r.layer},
                      {"delivery", r.delivery.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.delivery)},
                      {"findings", r.findings},
                      {"notes", r.notes}});
  }
  const nlohmann::ordered_json report = {{"passed", all_passed(results)}, {"checks", std::move(checks)}};
  return detail::json_text(report);
}

std::string render_check_report(const std::vector<CheckResult>& results, OutputFormat format, const std::string& title,
                                 bool bom) {
  if (format == OutputFormat::Json) return check_report_json(results);
  bool deliveries = false;
  for (const CheckResult& r : results) deliveries |= !r.delivery.empty();

  // A workbook holds the figures as numbers: the unit and the comparison get columns of their own.
  const bool workbook = format == OutputFormat::Xlsx;
  Table t;
  t.title = title;
  t.column("#", true);
  if (deliveries) t.column("delivery");
  t.column("indicator").column("value", true);
  if (workbook) t.column("comparison");
  t.column("threshold", true).column("margin", true);
  if (workbook) t.column("unit");
  t.column("result").status_column();
  std::size_t failed = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const CheckResult& r = results[i];
    failed += !r.passed;
    std::vector<std::string> row{std::to_string(i + 1)};
    if (deliveries) row.push_back(r.delivery.empty() ? "-" : r.delivery);
    row.push_back(r.name);
    const std::string comparison = r.comparison == "<=" ? "≤" : "≥";
    if (workbook) {
      std::vector<std::optional<double>> exact(row.size() + 1, std::nullopt);
      exact[0] = static_cast<double>(i + 1);
      exact.back() = r.value;
      exact.push_back(std::nullopt);
      exact.push_back(r.threshold);
      exact.push_back(r.margin());
      for (const double x : {r.value, r.threshold, r.margin()}) row.push_back(format_number(x, r.decimals));
      row.insert(row.end() - 2, comparison);
      row.push_back(detail::check_unit_text(r.unit));
      row.push_back(r.passed ? "达标" : "未达标");
      t.add_row(std::move(row), std::move(exact));
      continue;
    }
    row.push_back(detail::check_figure(r.value, r));
    row.push_back(comparison + " " + detail::check_figure(r.threshold, r));
    row.push_back(detail::check_figure(r.margin(), r, /*sign=*/true));
    row.push_back(r.passed ? "达标" : "未达标");
    t.add_row(std::move(row));
  }
  if (format != OutputFormat::Csv) {
    const bool md = format == OutputFormat::Markdown;
    t.notes.push_back(fmt::format("{} check(s): {} 达标 (passed), {} 未达标 (failed)", results.size(),
                                  results.size() - failed, failed));
    if (md) t.notes.push_back("");
    for (std::size_t i = 0; i < results.size(); ++i) {
      const CheckResult& r = results[i];
      for (const std::string& f : r.findings) {
        t.notes.push_back(fmt::format("{}[{}] {}{}", md ? "- " : "", i + 1, r.passed ? "" : "未达标: ", f));
      }
      for (const std::string& n : r.notes) t.notes.push_back(fmt::format("{}[{}] {}", md ? "- " : "", i + 1, n));
    }
  }
  if (!workbook) return render_tables({t}, format, bom);
  // The layers the checks read, each once, in the order of the checks (the layer's label says
  // source and layer; the CRS is in each check's figures).
  std::vector<ReportInput> layers;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const CheckResult& r = results[i];
    const bool seen = std::any_of(layers.begin(), layers.end(), [&r](const ReportInput& in) { return in.source == r.layer; });
    if (!seen && !r.layer.empty()) layers.push_back({fmt::format("#{}", i + 1), r.layer, "", ""});
  }
  return render_tables({t, inputs_table(layers)}, format, bom);
}

}  // namespace redline
