#include "crs/crs_plausibility.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "crs/proj_handle.h"
#include "redline/crs/transform.h"
#include "redline/error.h"

namespace redline::detail {

namespace {

// "; the coordinates suggest EPSG:4527: the eastings have 8 digits with zone prefix 39 ..."
std::string likely_crs(const Envelope& extent, const Crs& crs) {
  const CrsGuess guess = guess_crs(extent);
  // Degrees far from China under EPSG:4490 are not helped by suggesting EPSG:4490 again.
  if (crs.epsg() && guess.suggestion == fmt::format("EPSG:{}", *crs.epsg())) return "";
  if (!guess.suggestion.empty()) {
    return fmt::format("; the likely CRS is {}: {}", guess.suggestion, guess.explanation);
  }
  return "; " + guess.explanation;
}

std::string extent_text(const Envelope& e) {
  return fmt::format("{:.3f}, {:.3f} — {:.3f}, {:.3f}", e.min_x, e.min_y, e.max_x, e.max_y);
}

PjPtr rebuild(const Crs& crs) {
  PjPtr pj(proj_create(proj_context(), crs.wkt().c_str()));
  if (!pj) throw InternalError("PROJ cannot rebuild CRS " + crs.label());
  return pj;
}

// The false easting (metres) of a Transverse Mercator projected CRS; nullopt for any other.
std::optional<double> transverse_mercator_false_easting(const Crs& crs) {
  if (!crs.is_projected()) return std::nullopt;
  PJ_CONTEXT* ctx = proj_context();
  PjPtr pj = rebuild(crs);
  PjPtr conversion(proj_crs_get_coordoperation(ctx, pj.get()));
  if (!conversion) return std::nullopt;
  const char* method = nullptr;
  const char* method_code = nullptr;
  proj_coordoperation_get_method_info(ctx, conversion.get(), &method, nullptr, &method_code);
  // EPSG 9807 is Transverse Mercator; GDAL's ESRI .prj files may name it "Gauss_Kruger".
  const std::string name = method ? method : "";
  const bool tmerc = (method_code && std::string(method_code) == "9807") ||
                     name == "Transverse Mercator" || name == "Gauss_Kruger" ||
                     name == "Gauss Kruger";
  if (!tmerc) return std::nullopt;
  const int index = proj_coordoperation_get_param_index(ctx, conversion.get(), "False easting");
  if (index < 0) return std::nullopt;
  double value = 0, to_metres = 1;
  if (!proj_coordoperation_get_param(ctx, conversion.get(), index, nullptr, nullptr, nullptr, &value,
                                     nullptr, &to_metres, nullptr, nullptr, nullptr, nullptr)) {
    return std::nullopt;
  }
  return value * (to_metres > 0 ? to_metres : 1.0);
}

struct AreaOfUse {
  double west, south, east, north;
  std::string name;
};

std::optional<AreaOfUse> area_of_use(const Crs& crs) {
  PJ_CONTEXT* ctx = proj_context();
  PjPtr pj = rebuild(crs);
  AreaOfUse a{};
  const char* name = nullptr;
  bool found = proj_get_area_of_use(ctx, pj.get(), &a.west, &a.south, &a.east, &a.north, &name);
  // A .prj (WKT1) carries no area of use: take the one of the EPSG CRS PROJ identified.
  if ((!found || a.west == -1000) && crs.epsg()) {
    PjPtr registered(proj_create(ctx, fmt::format("EPSG:{}", *crs.epsg()).c_str()));
    found = registered &&
            proj_get_area_of_use(ctx, registered.get(), &a.west, &a.south, &a.east, &a.north, &name);
  }
  if (!found || a.west == -1000) return std::nullopt;  // -1000: PROJ's "unknown"
  a.name = name ? name : "";
  while (!a.name.empty() && (a.name.back() == '.' || a.name.back() == ' ')) a.name.pop_back();
  return a;
}

// The longitude/latitude (degrees) of the extent's corners, centre and edge midpoints;
// nullopt when PROJ cannot take one of them there.
std::optional<Envelope> lonlat_extent(const Crs& crs, const Envelope& e) {
  if (crs.is_geographic()) return e;
  const double xs[] = {e.min_x, 0.5 * (e.min_x + e.max_x), e.max_x};
  const double ys[] = {e.min_y, 0.5 * (e.min_y + e.max_y), e.max_y};
  std::vector<double> x, y;
  for (double px : xs) {
    for (double py : ys) x.push_back(px), y.push_back(py);
  }
  try {
    CoordinateTransform::to_geographic(crs).apply(x.data(), y.data(), x.size());
  } catch (const Error&) {
    return std::nullopt;
  }
  Envelope out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || std::fabs(y[i]) > 90) return std::nullopt;
    Envelope point{x[i], y[i], x[i], y[i], false};
    out.expand(point);
  }
  return out;
}

// Whether [lo, hi] lies within [west - m, east + m], for an area of use that may cross the
// antimeridian (east < west).
bool longitudes_within(double lo, double hi, double west, double east, double m) {
  if (west <= east) return lo >= west - m && hi <= east + m;
  // Crossing 180°: shift the coordinates into [west, west + 360).
  auto shift = [&](double v) { return v < west - m ? v + 360 : v; };
  return shift(lo) >= west - m && shift(hi) <= east + 360 + m;
}

bool within_degrees(const Envelope& e) {
  return std::fabs(e.min_x) <= 180 && std::fabs(e.max_x) <= 180 && std::fabs(e.min_y) <= 90 &&
         std::fabs(e.max_y) <= 90;
}

// The zone prefix (millions of metres) a false easting n·10⁶ + 500 000 m carries; 0 for none.
double zone_prefix(double false_easting) {
  const double zone = std::floor(false_easting / 1.0e6);
  const bool prefixed = zone >= 1 && std::fabs(false_easting - zone * 1.0e6 - 5.0e5) < 1.0;
  return prefixed ? zone : 0;
}

// Eastings [min_x, max_x] contradict a Transverse Mercator false easting: outside the prefix's
// million, or with 8 digits under a CRS without prefix. Both only grow with the extent.
bool eastings_contradict(double false_easting, const Envelope& extent) {
  if (const double zone = zone_prefix(false_easting)) {
    return extent.min_x < zone * 1.0e6 || extent.max_x >= (zone + 1) * 1.0e6;
  }
  return std::fabs(false_easting - 5.0e5) < 1.0 && extent.max_x >= 1.0e7;
}

}  // namespace

GrowingExtentCheck::GrowingExtentCheck(const Crs& crs) {
  if (!crs.is_known()) return;
  geographic_ = crs.is_geographic();
  false_easting_ = transverse_mercator_false_easting(crs);
}

std::optional<bool> GrowingExtentCheck::contradiction(const Envelope& extent) const {
  if (extent.is_null) return std::nullopt;
  if (geographic_ && !within_degrees(extent)) return false;
  if (false_easting_ && eastings_contradict(*false_easting_, extent)) return true;
  return std::nullopt;
}

std::optional<CrsContradiction> find_crs_contradiction(const Crs& crs, const Envelope& extent) {
  if (!crs.is_known() || extent.is_null) return std::nullopt;

  if (crs.is_geographic()) {
    if (!within_degrees(extent)) {
      return CrsContradiction{
          fmt::format("the CRS {} is geographic (degrees) but the coordinates span {}, beyond "
                      "±180°/±90°: they are not degrees{}",
                      crs.label(), extent_text(extent), likely_crs(extent, crs)),
          /*overridable=*/false};
    }
  }

  // A zone prefix in the false easting (38 500 000 m) means every easting starts with it.
  if (const auto false_easting = transverse_mercator_false_easting(crs)) {
    const double zone = zone_prefix(*false_easting);
    if (zone != 0) {
      if (eastings_contradict(*false_easting, extent)) {
        return CrsContradiction{
            fmt::format("the CRS {} has the false easting {:.0f} m, so its eastings begin with the "
                        "zone prefix {:.0f}, but the eastings run from {:.3f} to {:.3f}{}",
                        crs.label(), *false_easting, zone, extent.min_x, extent.max_x,
                        likely_crs(extent, crs))};
      }
    } else if (eastings_contradict(*false_easting, extent)) {
      return CrsContradiction{fmt::format(
          "the CRS {} has no zone prefix (false easting 500000 m) but the eastings run from {:.3f} "
          "to {:.3f}, with 8 digits{}",
          crs.label(), extent.min_x, extent.max_x, likely_crs(extent, crs))};
    }
  }

  const auto area = area_of_use(crs);
  if (!area) return std::nullopt;
  const auto lonlat = lonlat_extent(crs, extent);
  if (!lonlat) {
    return CrsContradiction{fmt::format(
        "the coordinates ({}) cannot be taken to longitude/latitude with the CRS {}: they do not "
        "belong to it{}",
        extent_text(extent), crs.label(), likely_crs(extent, crs))};
  }
  const double m = kAreaOfUseMarginDegrees;
  const bool inside = longitudes_within(lonlat->min_x, lonlat->max_x, area->west, area->east, m) &&
                      lonlat->min_y >= area->south - m && lonlat->max_y <= area->north + m;
  if (!inside) {
    return CrsContradiction{fmt::format(
        "with the CRS {} the coordinates lie at longitude {:.4f}° to {:.4f}°, latitude {:.4f}° to "
        "{:.4f}°, far outside its area of use ({}: {:.2f}° to {:.2f}°E, {:.2f}° to {:.2f}°N){}",
        crs.label(), lonlat->min_x, lonlat->max_x, lonlat->min_y, lonlat->max_y, area->name,
        area->west, area->east, area->south, area->north, likely_crs(extent, crs))};
  }
  return std::nullopt;
}

}  // namespace redline::detail
