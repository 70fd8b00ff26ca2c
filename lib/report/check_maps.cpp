// The map of a check: where it fails, over what it was measured on.
#include "redline/report/check_maps.h"

#include <filesystem>
#include <functional>
#include <system_error>

#include <fmt/format.h>

#include "report/check_figures.h"
#include "report/map_layers.h"

namespace redline {

namespace {

// Context drawn in a calm green: the parts that count towards a share.
constexpr MapColour kCountedFill{0.40, 0.68, 0.40, 0.85}, kCountedEdge{0.15, 0.40, 0.15, 1};
// The conflict kinds' own colours: overlaps red, parts inside orange, gaps purple.
constexpr MapColour kInsideFill{0.95, 0.55, 0.1, 0.8}, kInsideEdge{0.6, 0.3, 0.0, 1.0};
constexpr MapColour kGapFill{0.45, 0.2, 0.7, 0.75}, kGapEdge{0.3, 0.1, 0.5, 1.0};

using Label = std::function<std::string(const CheckPiece&)>;

std::string first_of(const CheckPiece& p) { return p.first; }
std::string no_label(const CheckPiece&) { return ""; }

// A layer of pieces (none: no layer). Highlighted pieces are what fails the check: labelled,
// and circled when too small to see on a county's map.
void add_layer(MapSpec& map, MapLayer layer, const std::vector<const CheckPiece*>& pieces, const Label& label) {
  if (pieces.empty()) return;
  bool lines = true;
  for (const CheckPiece* p : pieces) {
    const GeometryType t = p->piece.type();
    lines = lines && (t == GeometryType::LineString || t == GeometryType::MultiLineString);
    layer.features.push_back({p->piece.clone(), label(*p)});
  }
  if (lines && layer.style.fill.a > 0) {
    // A line has no fill: drawn in the fill's colour, wide enough to tell from the others.
    layer.style.stroke = layer.style.fill;
    layer.style.stroke.a = 1.0;
    layer.style.line_width = layer.highlight ? 2.0 : 1.2;
  }
  map.layers.push_back(std::move(layer));
}

std::vector<const CheckPiece*> all(const std::vector<CheckPiece>& pieces) {
  std::vector<const CheckPiece*> out;
  for (const CheckPiece& p : pieces) out.push_back(&p);
  return out;
}

MapLayer highlight(std::string name, const MapColour& fill, const MapColour& edge) {
  return detail::highlight_layer(std::move(name), fill, edge, 8);
}

// Drawn for context: filled, unlabelled, never circled.
MapLayer context(std::string name, const MapColour& fill, const MapColour& edge) {
  MapLayer l;
  l.name = std::move(name);
  l.style.fill = fill;
  l.style.stroke = edge;
  l.style.line_width = 0.5;
  return l;
}

void add_base(MapSpec& map, const std::string& name, const std::vector<CheckPiece>& pieces) {
  add_layer(map, detail::empty_base_layer(name), all(pieces), no_label);
}

void draw_not_reduced(MapSpec& map, const CheckGeometries& g, const CheckResult& r) {
  add_base(map, r.layer, g.layer);
  add_layer(map, context("新增 gained (added, expanded)", detail::kGainedFill, detail::kGainedEdge), all(g.gained),
            no_label);
  add_layer(map, highlight("减少 lost (removed, shrunk)", detail::kLostFill, detail::kLostEdge), all(g.lost), first_of);
  map.notes.push_back(g.lost.empty() && g.gained.empty()
                          ? "The layer checked: without a previous version, nothing else is spatial."
                          : "Labels: the key of the feature that lost area; small pieces are circled.");
}

void draw_reclassified(MapSpec& map, const CheckGeometries& g, const CheckResult& r) {
  add_base(map, r.layer, g.layer);
  std::vector<const CheckPiece*> counted, raised;
  for (const CheckPiece& p : g.reclassified) (p.with == "raised" ? raised : counted).push_back(&p);
  MapLayer raised_layer = context("功能提升 raised (outline)", {0, 0, 0, 0}, detail::kReclassEdge);
  raised_layer.style.line_width = 0.9;
  add_layer(map, std::move(raised_layer), raised, no_label);
  const bool ordered = r.kind == CheckKind::FunctionNotLowered;
  add_layer(map,
            highlight(ordered ? "功能降低 lowered (and unranked)" : "性质改变 reclassified", detail::kReclassFill,
                      detail::kReclassEdge),
            counted, [](const CheckPiece& p) { return p.first + " → " + p.second; });
  map.notes.push_back("Labels: the class before → after; small pieces are circled.");
}

void draw_share(MapSpec& map, const CheckGeometries& g, const CheckResult& r) {
  if (r.kind == CheckKind::MinShare) {
    add_base(map, "覆盖 cover", g.cover);
    add_layer(map, context("内部 inside", kCountedFill, kCountedEdge), all(g.inside), no_label);
    add_layer(map, highlight("外部 outside (not counted)", detail::kLostFill, detail::kLostEdge), all(g.outside),
              first_of);
    map.notes.push_back("Labels: the feature (FID) whose part lies outside; small parts are circled.");
  } else {
    add_layer(map, context("计入分区 counted zones", kCountedFill, kCountedEdge), all(g.counted), no_label);
    add_layer(map, highlight("未计入 other zones (not counted)", detail::kLostFill, detail::kLostEdge),
              all(g.uncounted), first_of);
    map.notes.push_back("Labels: the zone of each feature not counted.");
  }
}

void draw_conflicts(MapSpec& map, const CheckGeometries& g) {
  add_layer(map, highlight("重叠 (overlaps)", detail::kLostFill, detail::kLostEdge), all(g.overlaps),
            [](const CheckPiece& p) { return p.first + " × " + p.second; });
  add_layer(map, highlight("位于其内 (inside)", kInsideFill, kInsideEdge), all(g.inside), first_of);
  add_layer(map, highlight("空隙 (gaps)", kGapFill, kGapEdge), all(g.gaps), no_label);
  map.notes.push_back("The conflict pieces alone, labelled by feature (key or FID); small pieces are circled.");
}

}  // namespace

std::optional<MapSpec> map_of_check(const CheckResult& r) {
  if (!r.geometries) return std::nullopt;
  const CheckGeometries& g = *r.geometries;
  MapSpec map;
  map.title = fmt::format("{} — {}", r.name, r.passed ? "达标" : "未达标");
  map.subtitle = {r.layer, fmt::format("{}: {} ({}{})", kind_name(r.kind), detail::check_figure(r.value, r),
                                       r.comparison == "<=" ? "≤ " : "≥ ", detail::check_figure(r.threshold, r))};
  map.crs = g.crs;
  map.method = "figures in " + detail::check_unit_text(g.unit);
  switch (r.kind) {
    case CheckKind::NotReduced: draw_not_reduced(map, g, r); break;
    case CheckKind::NatureUnchanged:
    case CheckKind::FunctionNotLowered: draw_reclassified(map, g, r); break;
    case CheckKind::MinShare:
    case CheckKind::ShareOfZones: draw_share(map, g, r); break;
    case CheckKind::NoOverlap:
    case CheckKind::MaxInside:
    case CheckKind::NoGaps: draw_conflicts(map, g); break;
  }
  if (map.layers.empty()) return std::nullopt;
  return map;
}

std::vector<std::string> check_maps_svg(const std::vector<CheckResult>& results) {
  std::vector<std::string> maps(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].passed) continue;
    if (std::optional<MapSpec> map = map_of_check(results[i])) maps[i] = render_map_svg(*map);
  }
  return maps;
}

std::string check_map_path(const std::string& path, std::size_t number) {
  const std::filesystem::path p(path);
  std::filesystem::path numbered = p;
  numbered.replace_filename(fmt::format("{}-{}{}", p.stem().string(), number, p.extension().string()));
  return numbered.string();
}

void check_check_map_targets(const std::string& path, std::size_t checks, const std::vector<std::string>& inputs) {
  map_format_of(path);  // the extension once, named as the user typed it
  for (std::size_t n = 1; n <= checks; ++n) check_map_target(check_map_path(path, n), inputs);
}

std::vector<std::string> write_check_maps(const std::vector<CheckResult>& results, const std::string& path,
                                          const std::vector<std::string>& inputs) {
  std::vector<std::string> written;
  try {
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (results[i].passed) continue;
      std::optional<MapSpec> map = map_of_check(results[i]);
      if (!map) continue;
      const std::string target = check_map_path(path, i + 1);
      render_map(*map, target, inputs);
      written.push_back(target);
    }
  } catch (...) {
    // No partial set: the maps this call wrote go too.
    for (const std::string& w : written) {
      std::error_code ignored;
      std::filesystem::remove(w, ignored);
    }
    throw;
  }
  return written;
}

}  // namespace redline
