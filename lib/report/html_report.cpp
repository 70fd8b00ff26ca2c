#include "redline/report/html_report.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/io/output_file.h"
#include "redline/report/map.h"
#include "redline/io/output_path.h"
#include "redline/io/source_info.h"
#include "redline/measure/quantity_format.h"
#include "redline/version.h"
#include "report/check_figures.h"

namespace redline {

namespace {

const std::string kHtmlExtension = ".html";

using Json = nlohmann::ordered_json;

/// Returns `text` safe as HTML text and inside a quoted attribute value.
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Print-ready A4: tables and maps are not split across pages and their colours are printed.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 178mm; padding: 10mm 0; font-size: 10.5pt;
       line-height: 1.45; }
header { border-bottom: 3px solid #9b1c1c; padding-bottom: 4mm; margin-bottom: 6mm; }
h1 { font-size: 20pt; margin: 0 0 2mm 0; }
h2 { font-size: 14pt; margin: 8mm 0 3mm 0; border-left: 5px solid #9b1c1c; padding-left: 3mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm 0; }
.meta { color: #555; font-size: 9.5pt; }
.verdict { display: inline-block; margin-top: 2mm; padding: 1.5mm 4mm; border-radius: 2mm; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm 0; page-break-inside: avoid;
        break-inside: avoid; font-size: 9.5pt; }
th, td { border: 1px solid #b8bcc4; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef0f4; font-weight: 600; }
table.summary, table.figures { width: auto; min-width: 55%; }
table.summary th, table.figures th { width: 40mm; }
a { color: inherit; text-decoration: none; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; width: 60%; }
.pass { background: #e3f4e6; color: #14622b; font-weight: bold; }
.fail { background: #fbe1e1; color: #a11616; font-weight: bold; }
tr.failed-row td:first-child { border-left: 4px solid #c62828; }
tr.passed-row td:first-child { border-left: 4px solid #2e7d32; }
section.check { page-break-inside: auto; }
section.check > h2 { page-break-after: avoid; break-after: avoid; }
ul.findings { margin: 1mm 0 3mm 0; padding-left: 6mm; }
ul.findings li.finding { color: #a11616; }
ul.findings li.note { color: #444; }
figure.map { margin: 3mm 0; page-break-inside: avoid; break-inside: avoid; text-align: center; }
figure.map svg { max-width: 100%; height: auto; border: 1px solid #b8bcc4; }
figcaption { font-size: 9pt; color: #555; }
footer { margin-top: 8mm; border-top: 1px solid #b8bcc4; padding-top: 2mm; color: #666; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } }
)";

// Readable headings for the keys of CheckResult::details_json; other keys print as they are.
std::string key_heading(const std::string& key) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kNames = {
      {"lost_features", "减少的图斑 (lost features)"},
      {"reclassified", "性质或功能改变的部分 (reclassified)"},
      {"pairs", "重叠的图斑对 (overlapping pairs)"},
      {"gaps", "空隙 (gaps)"},
      {"features", "图斑 (features)"},
      {"groups", "分组 (groups)"},
      {"parts", "比较项 (parts)"},
      {"by_layer", "按图层 (by layer)"},
      {"by_zone", "按分区 (by zone)"},
      {"outside_order", "不在次序中的取值 (values outside the order)"},
      {"where_matches", "筛选保留的图斑 (features kept by where)"},
  };
  for (const auto& [k, name] : kNames) {
    if (k == key) return std::string(name);
  }
  return key;
}

std::string scalar_text(const Json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) {
    // The details keep unrounded figures: 6 significant decimals at most, trailing zeros cut.
    std::string s = fmt::format("{:.6f}", v.get<double>());
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
  }
  if (v.is_array()) {
    std::string s;
    for (const Json& e : v) s += (s.empty() ? "" : ", ") + scalar_text(e);
    return s;
  }
  std::string s;  // an object: key: value, ...
  for (const auto& [k, e] : v.items()) s += (s.empty() ? "" : "; ") + k + ": " + scalar_text(e);
  return s;
}

std::string cell(const Json& v) {
  const bool number = v.is_number();
  return fmt::format("<td{}>{}</td>", number ? " class=\"num\"" : "", escaped(scalar_text(v)));
}

/// A list of objects as one table: a column per key, in the order the keys first appear.
std::string object_list_table(const Json& list) {
  std::vector<std::string> columns;
  for (const Json& row : list) {
    for (const auto& [k, v] : row.items()) {
      if (std::find(columns.begin(), columns.end(), k) == columns.end()) columns.push_back(k);
    }
  }
  std::string out = "<table>\n<thead><tr><th>#</th>";
  for (const std::string& c : columns) out += "<th>" + escaped(c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  std::size_t n = 0;
  for (const Json& row : list) {
    out += fmt::format("<tr><td class=\"num\">{}</td>", ++n);
    for (const std::string& c : columns) out += row.contains(c) ? cell(row[c]) : "<td></td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

/// A check's details: its single figures in one table, each list of objects in its own.
std::string details_html(const CheckResult& r) {
  const Json details = detail::parsed_check_details(r);
  std::string figures, lists;
  for (const auto& [key, value] : details.items()) {
    const bool object_list =
        value.is_array() && !value.empty() && std::all_of(value.begin(), value.end(), [](const Json& e) {
          return e.is_object();
        });
    if (object_list) {
      lists += fmt::format("<h3>{} — {}</h3>\n", escaped(key_heading(key)), value.size());
      lists += object_list_table(value);
    } else if (value.is_array() && value.empty()) {
      figures += fmt::format("<tr><th>{}</th><td>none</td></tr>\n", escaped(key_heading(key)));
    } else {
      figures += fmt::format("<tr><th>{}</th>{}</tr>\n", escaped(key_heading(key)), cell(value));
    }
  }
  std::string out;
  if (!figures.empty()) {
    out += "<h3>数据 (figures, in " + escaped(detail::check_unit_text(r.unit)) + " unless named)</h3>\n";
    out += "<table class=\"figures\">\n<tbody>\n" + figures + "</tbody>\n</table>\n";
  }
  return out + lists;
}

/// The SVG of one map made fit to sit inline in the page: no XML declaration or doctype, no
/// namespace declarations (HTML knows SVG; they would be the page's only URLs), and every id
/// (cairo's glyph0-1, clip1 ...) prefixed with `prefix`, with the references to it, so that two
/// maps' ids never collide.
std::string inline_svg(std::string svg, const std::string& prefix) {
  auto erase_between = [&svg](std::string_view open, std::string_view close) {
    for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at)) {
      const std::size_t end = svg.find(close, at + open.size());
      if (end == std::string::npos) break;
      svg.erase(at, end + close.size() - at);
    }
  };
  erase_between("<?xml", "?>");
  erase_between("<!DOCTYPE", ">");
  erase_between(" xmlns:xlink=\"", "\"");
  erase_between(" xmlns=\"", "\"");
  const std::size_t start = svg.find("<svg");
  if (start != std::string::npos) svg.erase(0, start);
  std::string out;
  out.reserve(svg.size() + svg.size() / 8);
  for (std::size_t i = 0; i < svg.size();) {
    bool replaced = false;
    for (std::string_view marker : {std::string_view(" id=\""), std::string_view("=\"#"), std::string_view("url(#")}) {
      if (svg.compare(i, marker.size(), marker) == 0) {
        out.append(marker);
        out += prefix;
        i += marker.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += svg[i++];
  }
  return out;
}

std::string indicator_table(const std::vector<CheckResult>& results, bool deliveries) {
  std::string out = "<table class=\"indicators\">\n<thead><tr><th>#</th>";
  if (deliveries) out += "<th>成果 (delivery)</th>";
  out +=
      "<th>指标 (indicator)</th><th>计算值 (value)</th><th>阈值 (threshold)</th><th>余量 (margin)</th>"
      "<th>结论 (result)</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const CheckResult& r = results[i];
    out += fmt::format("<tr class=\"{}\"><td class=\"num\">{}</td>", r.passed ? "passed-row" : "failed-row", i + 1);
    if (deliveries) out += "<td>" + escaped(r.delivery.empty() ? "-" : r.delivery) + "</td>";
    out += fmt::format("<td><a href=\"#check-{}\">{}</a></td>", i + 1, escaped(r.name));
    out += "<td class=\"num\">" + escaped(detail::check_figure(r.value, r)) + "</td>";
    out += "<td class=\"num\">" + escaped((r.comparison == "<=" ? "≤ " : "≥ ") + detail::check_figure(r.threshold, r)) +
           "</td>";
    out += "<td class=\"num\">" + escaped(detail::check_figure(r.margin(), r, /*sign=*/true)) + "</td>";
    out += r.passed ? "<td class=\"pass\">达标</td>" : "<td class=\"fail\">未达标</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string check_section(const HtmlReport& report, std::size_t i) {
  const CheckResult& r = report.results[i];
  std::string out = fmt::format("<section class=\"check\" id=\"check-{}\">\n<h2>{}. {} <span class=\"verdict {}\">{}</span></h2>\n",
                                i + 1, i + 1, escaped(r.name), r.passed ? "pass" : "fail", r.passed ? "达标" : "未达标");
  out += "<table class=\"summary\">\n<tbody>\n";
  out += "<tr><th>类型 (kind)</th><td>" + escaped(kind_name(r.kind)) + "</td></tr>\n";
  out += "<tr><th>图层 (layer)</th><td>" + escaped(r.layer) + "</td></tr>\n";
  if (!r.delivery.empty()) out += "<tr><th>成果 (delivery)</th><td>" + escaped(r.delivery) + "</td></tr>\n";
  out += "<tr><th>计算值 (value)</th><td class=\"num\">" + escaped(detail::check_figure(r.value, r)) + "</td></tr>\n";
  out += "<tr><th>阈值 (threshold)</th><td class=\"num\">" +
         escaped((r.comparison == "<=" ? "≤ " : "≥ ") + detail::check_figure(r.threshold, r)) + "</td></tr>\n";
  out += "<tr><th>余量 (margin)</th><td class=\"num\">" +
         escaped(detail::check_figure(r.margin(), r, /*sign=*/true)) + "</td></tr>\n";
  out += "</tbody>\n</table>\n";
  if (!r.findings.empty() || !r.notes.empty()) {
    out += "<ul class=\"findings\">\n";
    for (const std::string& f : r.findings) {
      out += "<li class=\"finding\">" + std::string(r.passed ? "" : "未达标: ") + escaped(f) + "</li>\n";
    }
    for (const std::string& n : r.notes) out += "<li class=\"note\">" + escaped(n) + "</li>\n";
    out += "</ul>\n";
  }
  if (i < report.maps.size() && !report.maps[i].empty()) {
    out += fmt::format("<figure class=\"map\">\n{}\n<figcaption>图 {} — {}</figcaption>\n</figure>\n",
                       inline_svg(report.maps[i], fmt::format("m{}-", i + 1)), i + 1, escaped(r.name));
  }
  out += details_html(r);
  return out + "</section>\n";
}

// Two tables: each layer read with its CRS, then each file with its size and SHA-256 (a
// GeoPackage that gives several layers is one file, listed once).
std::string inputs_section(const std::vector<AuditedInput>& inputs) {
  std::string out = "<section class=\"inputs\">\n<h2>输入数据 (inputs)</h2>\n";
  out += "<table>\n<thead><tr><th>图层 (layer)</th><th>坐标系 (CRS)</th></tr></thead>\n<tbody>\n";
  for (const AuditedInput& in : inputs) {
    out += "<tr><td>" + escaped(in.label) + "</td><td>" + escaped(in.crs) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  out += "<table>\n<thead><tr><th>文件 (file)</th><th>字节 (bytes)</th><th>SHA-256</th></tr></thead>\n<tbody>\n";
  for (const AuditedInput& in : inputs) {
    for (const FileChecksum& f : in.files) {
      out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"hash\">{}</td></tr>\n",
                         escaped(f.path), f.bytes, escaped(f.sha256));
    }
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void check_html_report_target(const std::string& path, const std::vector<std::string>& inputs) {
  check_output_target(path, inputs, {kHtmlExtension}, "HTML");
}

std::vector<AuditedInput> describe_report_inputs(const std::vector<CheckSpec>& specs) {
  std::vector<LayerRef> layers;
  for (const CheckSpec& s : specs) {
    layers.push_back(s.layer);
    if (s.previous) layers.push_back(*s.previous);
    if (s.within) layers.push_back(*s.within);
    layers.insert(layers.end(), s.with.begin(), s.with.end());
  }
  std::vector<AuditedInput> inputs;
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::string> hashed;
  for (const LayerRef& ref : layers) {
    if (!seen.insert({ref.path, ref.layer}).second) continue;
    AuditedInput in;
    in.label = ref.label();
    InspectOptions options;
    options.layer = ref.layer;
    const SourceInfo info = inspect_source(ref.path, options);
    in.crs = !info.layers.empty() && info.layers.front().crs.is_known() ? info.layers.front().crs.label()
                                                                        : "none declared";
    // Two layers of one file: its checksums once, under the first.
    if (hashed.insert(ref.path).second) in.files = source_checksums(ref.path);
    inputs.push_back(std::move(in));
  }
  return inputs;
}

std::string render_html_report(const HtmlReport& report) {
  const std::string title = report.title.empty() ? std::string("redline check") : report.title;
  bool deliveries = false;
  std::size_t failed = 0;
  for (const CheckResult& r : report.results) {
    deliveries |= !r.delivery.empty();
    failed += !r.passed;
  }
  const bool all = all_passed(report.results);
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"generator\" content=\"redline " + escaped(version()) + "\">\n";
  out += "<title>" + escaped(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += "<header>\n<h1>" + escaped(title) + "</h1>\n";
  out += fmt::format("<div class=\"meta\">{} 项指标: {} 达标, {} 未达标 ({} check(s): {} passed, {} failed)</div>\n",
                     report.results.size(), report.results.size() - failed, failed, report.results.size(),
                     report.results.size() - failed, failed);
  out += fmt::format("<div class=\"verdict {}\">总体结论 (overall): {}</div>\n</header>\n", all ? "pass" : "fail",
                     all ? "达标" : "未达标");
  out += "<section class=\"indicators\">\n<h2>指标一览 (indicators)</h2>\n" + indicator_table(report.results, deliveries) +
         "</section>\n";
  for (std::size_t i = 0; i < report.results.size(); ++i) out += check_section(report, i);
  if (!report.inputs.empty()) out += inputs_section(report.inputs);
  out += "<footer>redline " + escaped(version()) +
         " — figures as computed by redline check; SHA-256 as printed by sha256sum.</footer>\n";
  return out + "</body>\n</html>\n";
}

void write_html_report(const HtmlReport& report, const std::string& path, const std::vector<std::string>& inputs) {
  write_output_file(path, inputs, {kHtmlExtension}, "HTML", render_html_report(report));
}

}  // namespace redline
