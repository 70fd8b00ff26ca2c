#include "redline/overlay/tabulate.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "overlay/cover_overlaps.h"
#include "overlay/feature_outlines.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "overlay/overlay_inputs.h"
#include "overlay/repair_delta.h"
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

// The classes layer without its features: what names them, their CRS and fields.
Layer header_of(const Layer& layer) {
  Layer h;
  std::tie(h.source, h.name, h.driver) = std::tie(layer.source, layer.name, layer.driver);
  std::tie(h.geometry, h.crs, h.fields) = std::tie(layer.geometry, layer.crs, layer.fields);
  return h;
}

// The key of feature `f` under `field`.
Key key_of(const Feature& f, std::optional<std::size_t> field) {
  if (!field) return Key{};
  const Value& v = f.values[*field];
  return is_missing(v) ? Key{true, ""} : Key{false, to_string(v)};
}

// Returns the key of every feature of `layer`.
std::vector<Key> keys_of(const Layer& layer, std::optional<std::size_t> field) {
  std::vector<Key> keys;
  keys.reserve(layer.features.size());
  for (const Feature& f : layer.features) keys.push_back(key_of(f, field));
  return keys;
}

}  // namespace

// The zones, prepared once; per class feature with area inside a zone, what pass A found.
struct TabulateStream::Impl {
  const Layer& zones;
  Layer classes;  // header: no features
  TabulateOptions options;
  std::optional<std::size_t> zone_index;
  std::size_t class_index = 0;
  std::optional<detail::OverlayInputs> in;
  // The whole outlines of the zone features cut into pieces: a class piece inside or apart from
  // the whole feature is settled once, whatever cut lines cross it.
  std::optional<detail::FeatureOutlines> zone_outlines;
  bool compare_boxes = false;  // the classes are in the working CRS: their boxes meet the zones'
  std::vector<Key> zone_keys;
  std::size_t overlapping_zone_features = 0;
  double classes_repair_delta_m2 = 0.0;

  // The keys of the kept class features by dense id, in first-seen order.
  std::map<Key, std::size_t> class_id_of_key;
  std::vector<Key> class_key_of_id;

  // The kept class features (those with area inside some zone), in layer order: borrowed from
  // the caller (tabulate()) or taken from a batch (owned).
  std::deque<Feature> owned;
  std::vector<const Feature*> kept;
  std::vector<std::size_t> kept_class;  // class id
  // Per kept feature, pass A's (zone feature, area) of its pieces, in piece order.
  std::vector<std::vector<std::pair<std::size_t, double>>> kept_areas;
  // Pass A's workers, kept from batch to batch: the zone pieces' segments and prepared
  // geometries are built once for the whole stream. Declared after `in`, whose pieces they
  // borrow, so destroyed before it.
  std::vector<std::unique_ptr<Worker>> pass_a_workers;

  Impl(const Layer& zones_layer, const Layer& classes_layer, const TabulateOptions& o)
      : zones(zones_layer), classes(header_of(classes_layer)), options(o) {
    in.emplace(zones, classes, options.engine, [&] {
      if (options.class_field.empty()) {
        throw UsageError("tabulate needs a class field", classes.where(), Hint{HintKind::ClassField, ""});
      }
      if (!options.zone_field.empty()) zone_index = zones.field_index(options.zone_field);
      class_index = classes.field_index(options.class_field);
    });
    compare_boxes = classes.crs.equivalent_to(in->crs());
    zone_outlines.emplace(in->first_pieces(), options.engine.threads);
    zone_keys = keys_of(zones, zone_index);
    overlapping_zone_features = detail::find_feature_overlaps(in->first_pieces(), options.engine.threads, {}).features;
  }

  // Pass A over `batch`: each class piece against the zone pieces; per zone feature, the area
  // inside. This adds up the class features' overlaps, which is exact for features that
  // overlap no other of their class; the others are found in finish() and redone in pass B.
  // With `take`, the kept features are moved out of it (it is `batch`); else they are borrowed.
  void add(const std::vector<Feature>& batch, std::vector<Feature>* take) {
    const EngineOptions& eo = options.engine;
    classes_repair_delta_m2 = detail::repair_delta_m2(classes, batch, in->method(), classes_repair_delta_m2);
    const PieceSet& zp = in->first_pieces();
    const double grid = in->grid();
    std::vector<const Feature*> features;
    features.reserve(batch.size());
    for (const Feature& f : batch) features.push_back(&f);
    std::vector<std::vector<std::pair<std::size_t, double>>> by_piece;
    std::vector<std::size_t> first_piece(batch.size() + 1, 0);
    {
      const PieceSet cp(classes, features, in->crs(), eo.max_piece_vertices, grid, eo.threads);
      by_piece.resize(cp.size());
      detail::run_workers_keeping<Worker>(
          // A streamed batch reports nothing: its count would restart with every batch, and the
          // stream's "reading" progress already runs over the whole layer as batches are taken.
          cp.size(), eo.threads, take ? ProgressFn{} : eo.progress, "overlaying", pass_a_workers,
          [&] { return Worker{in->area_calculator(), PieceMatcher(zp)}; },
          [&](std::size_t k, Worker& w) {
            const Piece& t = cp[k];
            try {
              w.matcher.set_target(t);
              // What the segment test said of this piece against each cut zone feature's whole
              // outline, asked once per feature. Inside: its area is added once; apart: the
              // feature's pieces are skipped; anything else: they are related one by one.
              thread_local std::vector<std::pair<std::size_t, detail::PairClass>> wholes;
              wholes.clear();
              for (std::size_t j : zp.query(t.envelope)) {
                const std::size_t zone = zp[j].feature;
                if (const detail::SegmentPolygon* outline = zone_outlines->of(zone)) {
                  auto at = std::find_if(wholes.begin(), wholes.end(), [&](const auto& entry) { return entry.first == zone; });
                  if (at == wholes.end()) {
                    const detail::PairClass whole = w.matcher.classify_outline(*outline);
                    if (whole == detail::PairClass::TargetInside) add_to(by_piece[k], zone, w.calc.area(*t.geometry));
                    at = wholes.insert(wholes.end(), {zone, whole});
                  }
                  if (at->second == detail::PairClass::Disjoint || at->second == detail::PairClass::TargetInside) continue;
                }
                const Relation rel = w.matcher.relate(j);
                if (rel == Relation::Disjoint) continue;
                add_to(by_piece[k], zp[j].feature, overlap_area(t, zp[j], rel, grid, w.calc));
              }
            } catch (const Error& e) {
              rethrow_with_location(e, classes.where(batch[t.feature].fid));
            }
          });
      for (std::size_t i = 0; i < batch.size(); ++i) first_piece[i] = cp.pieces_of(i).first;
      first_piece[batch.size()] = cp.size();
    }  // the batch's pieces (and transformed copies) are dropped here
    for (std::size_t i = 0; i < batch.size(); ++i) {
      std::vector<std::pair<std::size_t, double>> areas;
      for (std::size_t k = first_piece[i]; k < first_piece[i + 1]; ++k) {
        areas.insert(areas.end(), by_piece[k].begin(), by_piece[k].end());
      }
      if (areas.empty()) continue;  // no area inside any zone: dropped
      Key key = key_of(batch[i], class_index);
      const auto [at, is_new] = class_id_of_key.emplace(key, class_id_of_key.size());
      if (is_new) class_key_of_id.push_back(std::move(key));
      const std::size_t id = at->second;
      if (take) {
        Feature& f = (*take)[i];
        // Only the geometry and the class are needed from here on (the repair is measured).
        owned.push_back(Feature{f.fid, std::move(f.geometry), {}, Geometry()});
        kept.push_back(&owned.back());
      } else {
        kept.push_back(&batch[i]);
      }
      kept_class.push_back(id);
      kept_areas.push_back(std::move(areas));
    }
  }

  TabulateResult finish(const ReadReport& classes_report) {
    const EngineOptions& eo = options.engine;
    TabulateResult r;
    r.zones_origin = origin_of(zones);
    r.classes_origin = origin_of(classes);
    r.classes_origin.read = classes_report;
    in->describe_frame(r);
    r.zone_field = options.zone_field;
    r.class_field = options.class_field;
    r.zones_repair_delta_m2 = in->first_repair_delta_m2();
    r.classes_repair_delta_m2 = classes_repair_delta_m2;
    r.overlapping_zone_features = overlapping_zone_features;
    const double grid = in->grid();
    const PieceSet& zp = in->first_pieces();

    // Only class features with area inside some zone (the kept ones) can overlap there.
    const PieceSet cp(classes, kept, in->crs(), eo.max_piece_vertices, grid, eo.threads);
    const detail::FeatureOverlaps class_overlaps = detail::find_feature_overlaps(cp, eo.threads, eo.progress, kept_class);
    r.overlapping_class_features = class_overlaps.features;
    const std::vector<char>& dirty = class_overlaps.overlapping;

    // Pass B: each zone piece against the overlapping class features, unioned per class.
    std::vector<std::vector<std::pair<std::size_t, double>>> by_zone_piece(zp.size());
    if (class_overlaps.features > 0) {
      detail::run_workers<Worker>(
          zp.size(), eo.threads, eo.progress, "overlaying overlapping classes",
          [&] { return Worker{in->area_calculator(), PieceMatcher(cp)}; },
          [&](std::size_t k, Worker& w) {
            const Piece& z = zp[k];
            w.matcher.set_target(z);
            std::map<std::size_t, std::vector<std::pair<std::size_t, Relation>>> hits;  // class id -> pieces
            for (std::size_t j : cp.query(z.envelope)) {
              if (!dirty[cp[j].feature]) continue;
              const Relation rel = w.matcher.relate(j);
              if (rel != Relation::Disjoint) hits[kept_class[cp[j].feature]].emplace_back(j, rel);
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
    const std::vector<double> zone_area = in->feature_areas(zp, zones);

    // Accumulate in a fixed order: zone features, then class features (their pieces in order),
    // then zone pieces.
    std::map<Key, TabulateZone> zone_totals;
    for (std::size_t i = 0; i < zones.features.size(); ++i) {
      TabulateZone& z = zone_totals[zone_keys[i]];
      z.null_key = zone_keys[i].first;
      z.zone = zone_keys[i].second;
      ++z.features;
      z.area_m2 += zone_area[i];
    }
    std::map<std::pair<Key, Key>, double> cells;
    for (std::size_t f = 0; f < kept.size(); ++f) {
      if (dirty[f]) continue;  // counted in pass B
      const Key& class_key = class_key_of_id[kept_class[f]];
      for (const auto& [zf, a] : kept_areas[f]) cells[{zone_keys[zf], class_key}] += a;
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
};

TabulateStream::TabulateStream(const Layer& zones, const Layer& classes, const TabulateOptions& options)
    : impl_(std::make_unique<Impl>(zones, classes, options)) {}

TabulateStream::~TabulateStream() = default;

bool TabulateStream::may_touch_zones(const Envelope& box) const {
  if (!impl_->compare_boxes) return true;
  return !impl_->in->first_pieces().query(box).empty();
}

void TabulateStream::add(std::vector<Feature> features) { impl_->add(features, &features); }

TabulateResult TabulateStream::finish(const ReadReport& classes_report) { return impl_->finish(classes_report); }

TabulateResult tabulate(const Layer& zones, const std::string& classes_path, const ReadOptions& classes_read,
                        const TabulateOptions& options, std::size_t batch_size) {
  // The prefilter needs the TabulateStream, which needs the classes' CRS and fields: the stream
  // settles those as it opens and reads nothing before its first batch is asked for.
  std::optional<TabulateStream> t;  // declared before the stream: outlives the stream's workers
  LayerStream stream(classes_path, classes_read, batch_size);
  t.emplace(zones, stream.layer(), options);
  stream.set_keep_envelope([&t](const Envelope& box) { return t->may_touch_zones(box); });
  while (std::optional<FeatureBatch> batch = stream.next()) t->add(std::move(batch->features));
  ReadReport report = stream.layer().report;
  if (report.filtered_out > 0) {
    report.notes.push_back(fmt::format(
        "{} of {} features lie away from every zone (their bounding boxes meet none): counted, but not validated, "
        "repaired or overlaid; the counts of invalid and repaired features are of the other {}",
        report.filtered_out, report.features, report.features - report.filtered_out));
  }
  return t->finish(report);
}

TabulateResult tabulate(const Layer& zones, const Layer& classes, const TabulateOptions& options) {
  TabulateStream::Impl t(zones, classes, options);
  t.add(classes.features, nullptr);  // the whole layer as one batch, borrowed
  return t.finish(classes.report);
}

}  // namespace redline
