#include "redline/overlay/tabulate.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "overlay/cover_overlaps.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "overlay/overlay_inputs.h"
#include "util/work_loop.h"
#include "redline/geom/ops.h"

namespace redline {

namespace {

using detail::Piece;
using detail::PieceMatcher;
using detail::PieceSet;
using detail::Relation;

using Worker = detail::MatchWorker;

// Returns the area of the common part of t and c without copying either when one covers the other.
double overlap_area(const Piece& t, const Piece& c, Relation r, double grid, const AreaCalculator& calc) {
  switch (r) {
    case Relation::Disjoint: return 0.0;
    case Relation::TargetInside: return calc.area(*t.geometry);
    case Relation::CoverInside: return calc.area(*c.geometry);
    case Relation::Crossing: return calc.area(intersection(*t.geometry, *c.geometry, grid));
  }
  return 0.0;
}

// Adds `a` to the entry of `key` in a short list of (key, area), keeping first-seen order.
void add_to(std::vector<std::pair<std::size_t, double>>& list, std::size_t key, double a) {
  if (a <= 0) return;
  for (auto& [k, v] : list) {
    if (k == key) {
      v += a;
      return;
    }
  }
  list.emplace_back(key, a);
}

// A zone or class key: (missing, text). Features whose value is null or NaN share the key
// (true, ""), apart from empty text (false, "") and sorted after every value.
using Key = std::pair<bool, std::string>;

// Returns the key of every feature and a dense id per distinct key.
std::pair<std::vector<Key>, std::vector<std::size_t>> keys_of(const Layer& layer, std::optional<std::size_t> field) {
  std::vector<Key> keys(layer.features.size());
  std::vector<std::size_t> ids(layer.features.size());
  std::map<Key, std::size_t> seen;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    if (field) {
      const Value& v = layer.features[i].values[*field];
      keys[i] = is_missing(v) ? Key{true, ""} : Key{false, to_string(v)};
    }
    ids[i] = seen.emplace(keys[i], seen.size()).first->second;
  }
  return {std::move(keys), std::move(ids)};
}

}  // namespace

TabulateResult tabulate(const Layer& zones, const Layer& classes, const TabulateOptions& options) {
  const EngineOptions& eo = options.engine;
  std::optional<std::size_t> zone_index;
  std::size_t class_index = 0;
  const detail::OverlayInputs in(zones, classes, eo, [&] {
    if (options.class_field.empty()) {
      throw UsageError("tabulate needs a class field", classes.where(), Hint{HintKind::ClassField, ""});
    }
    if (!options.zone_field.empty()) zone_index = zones.field_index(options.zone_field);
    class_index = classes.field_index(options.class_field);
  });
  TabulateResult r;
  r.zones_origin = origin_of(zones);
  r.classes_origin = origin_of(classes);
  in.describe_frame(r);
  r.zone_field = options.zone_field;
  r.class_field = options.class_field;
  r.zones_repair_delta_m2 = in.first_repair_delta_m2();
  r.classes_repair_delta_m2 = in.second_repair_delta_m2();
  const double grid = in.grid();
  const PieceSet& zp = in.first_pieces();
  const PieceSet& cp = in.second_pieces();
  const std::vector<Key> zone_keys = keys_of(zones, zone_index).first;
  // Named references, not a structured binding: C++17 does not let lambdas capture those
  // (GCC allows it, clang refuses).
  const auto class_keys_and_ids = keys_of(classes, class_index);
  const std::vector<Key>& class_keys = class_keys_and_ids.first;
  const std::vector<std::size_t>& class_ids = class_keys_and_ids.second;

  // Pass A: each class piece against the zone pieces; per zone feature, the area inside. This
  // adds up the class features' overlaps, which is exact for features that overlap no other of
  // their class; the others are found next and redone in pass B.
  std::vector<std::vector<std::pair<std::size_t, double>>> by_class_piece(cp.size());
  detail::run_workers<Worker>(
      cp.size(), eo.threads, eo.progress, "overlaying",
      [&] { return Worker{in.area_calculator(), PieceMatcher(zp)}; },
      [&](std::size_t k, Worker& w) {
        const Piece& t = cp[k];
        try {
          w.matcher.set_target(t);
          for (std::size_t j : zp.query(t.envelope)) {
            const Relation rel = w.matcher.relate(j);
            if (rel == Relation::Disjoint) continue;
            add_to(by_class_piece[k], zp[j].feature, overlap_area(t, zp[j], rel, grid, w.calc));
          }
        } catch (const Error& e) {
          rethrow_with_location(e, classes.where(classes.features[t.feature].fid));
        }
      });

  // Only class features with area inside some zone can overlap there.
  std::vector<char> inside_zones(classes.features.size(), 0);
  for (std::size_t k = 0; k < cp.size(); ++k) {
    if (!by_class_piece[k].empty()) inside_zones[cp[k].feature] = 1;
  }
  const detail::FeatureOverlaps class_overlaps =
      detail::find_feature_overlaps(cp, eo.threads, eo.progress, class_ids, inside_zones);
  r.overlapping_class_features = class_overlaps.features;
  r.overlapping_zone_features = detail::find_feature_overlaps(zp, eo.threads, {}).features;
  const std::vector<char>& dirty = class_overlaps.overlapping;

  // Pass B: each zone piece against the overlapping class features, unioned per class.
  std::vector<std::vector<std::pair<std::size_t, double>>> by_zone_piece(zp.size());
  if (class_overlaps.features > 0) {
    detail::run_workers<Worker>(
        zp.size(), eo.threads, eo.progress, "overlaying overlapping classes",
        [&] { return Worker{in.area_calculator(), PieceMatcher(cp)}; },
        [&](std::size_t k, Worker& w) {
          const Piece& z = zp[k];
          w.matcher.set_target(z);
          std::map<std::size_t, std::vector<std::pair<std::size_t, Relation>>> hits;  // class id -> pieces
          for (std::size_t j : cp.query(z.envelope)) {
            if (!dirty[cp[j].feature]) continue;
            const Relation rel = w.matcher.relate(j);
            if (rel != Relation::Disjoint) hits[class_ids[cp[j].feature]].emplace_back(j, rel);
          }
          for (const auto& [cls, list] : hits) {
            const std::size_t first = cp[list[0].first].feature;
            const bool one_feature = std::all_of(list.begin(), list.end(),
                                                 [&](const auto& h) { return cp[h.first].feature == first; });
            double a = 0.0;
            if (one_feature) {
              for (const auto& [j, rel] : list) a += overlap_area(z, cp[j], rel, grid, w.calc);
            } else {
              std::vector<GeometryView> parts;
              for (const auto& h : list) parts.push_back(*cp[h.first].geometry);
              a = w.calc.area(intersection(*z.geometry, union_all(parts, grid), grid));
            }
            add_to(by_zone_piece[k], cls, a);
          }
        });
  }

  // Zone areas.
  const std::vector<double> zone_area = in.feature_areas(zp, zones);

  // Accumulate in a fixed order: zone features, then class pieces, then zone pieces.
  std::map<Key, TabulateZone> zone_totals;
  for (std::size_t i = 0; i < zones.features.size(); ++i) {
    TabulateZone& z = zone_totals[zone_keys[i]];
    z.null_key = zone_keys[i].first;
    z.zone = zone_keys[i].second;
    ++z.features;
    z.area_m2 += zone_area[i];
  }
  std::map<std::pair<Key, Key>, double> cells;
  std::vector<Key> class_key_of_id(class_keys.size());
  for (std::size_t i = 0; i < class_keys.size(); ++i) class_key_of_id[class_ids[i]] = class_keys[i];
  for (std::size_t k = 0; k < cp.size(); ++k) {
    if (dirty[cp[k].feature]) continue;  // counted in pass B
    for (const auto& [zf, a] : by_class_piece[k]) cells[{zone_keys[zf], class_keys[cp[k].feature]}] += a;
  }
  for (std::size_t k = 0; k < zp.size(); ++k) {
    for (const auto& [cls, a] : by_zone_piece[k]) cells[{zone_keys[zp[k].feature], class_key_of_id[cls]}] += a;
  }
  for (const auto& [key, a] : cells) {
    TabulateZone& z = zone_totals[key.first];
    z.classified_m2 += a;
    TabulateCell cell{key.first.second, key.second.second, a, z.area_m2 > 0 ? 100.0 * a / z.area_m2 : 0.0};
    cell.zone_null = key.first.first;
    cell.class_null = key.second.first;
    r.cells.push_back(std::move(cell));
  }
  for (auto& [key, z] : zone_totals) r.zones.push_back(std::move(z));
  return r;
}

}  // namespace redline
