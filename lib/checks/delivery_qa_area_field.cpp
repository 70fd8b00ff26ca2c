// Delivery QA, area field: a stored area (MJ, TBMJ, MJ_HA) against the geometry's area by each
// method, so that the report can say which one the field holds and which values are off all.
#include <fmt/format.h>

#include <cmath>
#include <variant>

#include "checks/delivery_qa_parts.h"
#include "redline/measure/quantity_format.h"
#include "util/quoted.h"
#include "util/work_loop.h"

namespace redline::detail {
namespace {

constexpr std::size_t kMethods = 3;  // by AreaMethod order
constexpr AreaMethod kMethodOrder[kMethods] = {AreaMethod::Ellipsoidal, AreaMethod::Survey, AreaMethod::Planar};

struct Calculators {
  std::vector<std::optional<AreaCalculator>> by_method;
};

struct Stored {
  std::optional<double> m2;  // the value in m², when it is a number
  std::string problem;       // why it is none
};

Stored stored_area(const Value& value, AreaUnit unit) {
  Stored s;
  if (is_missing(value)) {
    s.problem = "is NULL";
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    s.m2 = to_square_metres(static_cast<double>(*i), unit);
  } else if (const auto* d = std::get_if<double>(&value)) {
    s.m2 = to_square_metres(*d, unit);
  } else {
    const std::string& text = std::get<std::string>(value);
    try {
      s.m2 = to_square_metres(parse_decimal(text, "area"), unit);
    } catch (const UsageError&) {
      s.problem = "is no number (" + quoted(text) + ")";
    }
  }
  if (s.m2 && (!std::isfinite(*s.m2) || *s.m2 < 0)) {
    s.problem = "is negative or not finite (" + to_string(value) + ")";
    s.m2.reset();
  }
  return s;
}

std::string signed_percent(double value_m2, double area_m2) {
  if (area_m2 <= 0) return "no area to compare";
  return fmt::format("{:+.2f} %", 100.0 * (value_m2 - area_m2) / area_m2);
}

}  // namespace

void find_area_field_problems(const Layer& layer, const QaOptions& options, std::size_t area_field,
                              std::optional<std::size_t> key_field, std::vector<QaFinding>& out,
                              std::array<std::size_t, 3>& matches) {
  const std::string& name = layer.fields[area_field].name;
  const AreaUnit unit = options.area_field_unit;
  const bool planar = layer.crs.is_projected();
  // Half of the unit's last printed decimal: a value rounded as official tables round it.
  const double rounding_m2 = to_square_metres(0.5 * std::pow(10.0, -display_decimals(unit)), unit);
  std::vector<std::array<std::optional<double>, kMethods>> areas(layer.features.size());
  run_workers<Calculators>(
      layer.features.size(), options.threads, options.progress, "area field",
      [&] {
        Calculators c;
        for (AreaMethod m : kMethodOrder) {
          if (m == AreaMethod::Planar && !planar) {
            c.by_method.emplace_back();
          } else {
            c.by_method.emplace_back(AreaCalculator(layer.crs, m));
          }
        }
        return c;
      },
      [&](std::size_t i, Calculators& c) {
        for (std::size_t m = 0; m < kMethods; ++m) {
          if (c.by_method[m]) areas[i][m] = c.by_method[m]->area(layer.features[i].geometry);
        }
      });

  const std::size_t reference = static_cast<std::size_t>(options.method == AreaMethod::Planar && !planar
                                                             ? AreaMethod::Ellipsoidal
                                                             : options.method);
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const Feature& feature = layer.features[i];
    const Stored stored = stored_area(feature.values[area_field], unit);
    const double reference_m2 = *areas[i][reference];
    QaFinding f;
    f.kind = QaFindingKind::AreaField;
    f.features.push_back(qa_feature(layer, i, key_field));
    f.area_m2 = reference_m2;
    if (const auto centre = box_centre(feature.geometry)) {
      f.x = centre->first;
      f.y = centre->second;
    }
    if (!stored.m2) {
      f.detail = fmt::format("{} {}", name, stored.problem);
    } else {
      const double value = *stored.m2;
      std::size_t closest = kMethods;
      bool within = false;
      for (std::size_t m = 0; m < kMethods; ++m) {
        if (!areas[i][m]) continue;
        const double area = *areas[i][m];
        const double off = std::fabs(value - area);
        if (closest == kMethods || off < std::fabs(value - *areas[i][closest])) closest = m;
        within = within || off <= std::max(area * options.area_tolerance_percent / 100.0, rounding_m2);
      }
      ++matches[closest];
      if (within) continue;
      const AreaMethod closest_method = kMethodOrder[closest];
      const AreaMethod reference_method = kMethodOrder[reference];
      f.detail = fmt::format("{} {} {} is {} off the {} area {} {}", name, format_area(value, unit), unit_symbol(unit),
                             signed_percent(value, reference_m2), method_name(reference_method),
                             format_area(reference_m2, unit), unit_symbol(unit));
      if (closest_method != reference_method) {
        f.detail += fmt::format("; closest: {} {} {} ({})", method_name(closest_method),
                                format_area(*areas[i][closest], unit), unit_symbol(unit),
                                signed_percent(value, *areas[i][closest]));
      }
    }
    if (options.keep_geometries) f.geometry = feature.geometry.clone();
    out.push_back(std::move(f));
  }
}

}  // namespace redline::detail
