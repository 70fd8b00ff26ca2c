#include "io/feature_batch_check.h"

#include <utility>

#include <fmt/format.h>

#include "io/repair_audit.h"
#include "io/wkb_envelope.h"
#include "util/parallel.h"

namespace redline::detail {

namespace {

// Features go to the workers in chunks of this many: geometry work varies a lot per feature.
constexpr std::size_t kChunk = 64;

bool is_kind_read(GeometryType type, LayerGeometry geometry) {
  return geometry == LayerGeometry::Lines
             ? type == GeometryType::LineString || type == GeometryType::MultiLineString
             : type == GeometryType::Polygon || type == GeometryType::MultiPolygon;
}

}  // namespace

FeatureBatchChecker::FeatureBatchChecker(const Layer& layer, const ReadOptions& options)
    : layer_(layer), options_(options) {}

NormalisedBatch FeatureBatchChecker::normalise(RawBatch raw) const {
  NormalisedBatch out;
  out.index = raw.index;
  out.raws = std::move(raw.features);
  const std::size_t n = out.raws.size();
  out.geometries.resize(n);
  out.filtered.assign(n, 0);
  const auto& keep = options_.keep_envelope;
  const LayerGeometry geometry = layer_.geometry;
  parallel_for(n, options_.threads, [&](std::size_t i) {
    RawFeature& r = out.raws[i];
    NormalisedGeometry& g = out.geometries[i];
    try {
      if (keep && !r.wkb.empty()) {
        // The common case, a polygon (or line) of finite coordinates, is judged on its bytes:
        // a feature left out is never built. Anything else takes the GEOS path below.
        const auto scan = scan_wkb(r.wkb.data(), r.wkb.size(), kMaxCoordinate);
        if (scan && is_kind_read(scan->type, geometry) && !scan->envelope.is_null &&
            !keep(scan->envelope)) {
          g.envelope = scan->envelope;
          g.measurable = true;
          out.filtered[i] = 1;
          std::vector<unsigned char>().swap(r.wkb);
          return;
        }
      }
      g = normalise_geometry(r, geometry);
      if (keep && g.measurable && !g.skip && !keep(g.envelope)) {
        out.filtered[i] = 1;
        g.geometry = Geometry();
        g.issue.reset();
      }
    } catch (const Error& e) {
      throw InputError(e.reason(), layer_.where(r.fid));
    }
  }, kChunk);
  return out;
}

void FeatureBatchChecker::add_extents(const NormalisedBatch& batch, LayerExtentCheck& check) {
  for (std::size_t i = 0; i < batch.raws.size(); ++i) {
    if (batch.geometries[i].measurable) check.add(batch.raws[i].fid, batch.geometries[i].envelope);
  }
}

CheckedBatch FeatureBatchChecker::validate(NormalisedBatch batch) const {
  const std::size_t n = batch.raws.size();
  const LayerGeometry geometry = layer_.geometry;
  parallel_for(n, options_.threads, [&](std::size_t i) {
    if (batch.filtered[i]) return;
    try {
      validate_geometry(batch.geometries[i], batch.raws[i], layer_.crs, options_, geometry);
    } catch (const Error& e) {
      rethrow_with_location(e, layer_.where(batch.raws[i].fid));
    }
  }, kChunk);

  CheckedBatch out;
  out.batch.index = batch.index;
  ReadReport& report = out.report;
  report.features = n;
  out.batch.features.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (batch.filtered[i]) {
      ++report.filtered_out;
      continue;
    }
    NormalisedGeometry& c = batch.geometries[i];
    const RawFeature& raw = batch.raws[i];
    if (c.issue) {
      const FeatureIssue& is = *c.issue;
      switch (is.kind) {
        case FeatureIssue::Kind::NullGeometry: ++report.null_geometries; break;
        case FeatureIssue::Kind::EmptyGeometry: ++report.empty_geometries; break;
        case FeatureIssue::Kind::Invalid: ++report.invalid; break;
        case FeatureIssue::Kind::NotPolygon: break;
        case FeatureIssue::Kind::NotLine: break;
        case FeatureIssue::Kind::DegenerateLine: ++report.degenerate_lines; break;
        case FeatureIssue::Kind::Flattened: ++report.flattened; break;
        case FeatureIssue::Kind::Linearised: ++report.linearised; break;
      }
      if (raw.linearised && is.kind != FeatureIssue::Kind::Linearised) ++report.linearised;
      if (raw.flattened && is.kind != FeatureIssue::Kind::Flattened) ++report.flattened;
      if (is.action == FeatureIssue::Action::Repaired) ++report.repaired;
      if (c.skip) ++report.skipped;
      const bool refuse = ((is.kind == FeatureIssue::Kind::Invalid ||
                            is.kind == FeatureIssue::Kind::NotPolygon ||
                            is.kind == FeatureIssue::Kind::NotLine) &&
                           options_.invalid == InvalidPolicy::Fail) ||
                          (is.kind == FeatureIssue::Kind::DegenerateLine &&
                           (options_.invalid == InvalidPolicy::Fail ||
                            options_.invalid == InvalidPolicy::RepairStrict));
      if (refuse) {
        std::string at = is.x ? fmt::format(" at ({:.3f}, {:.3f})", *is.x, *is.y) : "";
        throw InputError(fmt::format("{}: {}{}", to_string(is.kind), is.reason, at),
                         layer_.where(is.fid), Hint{HintKind::InvalidPolicy, ""});
      }
      if (is.kind == FeatureIssue::Kind::DegenerateLine && !c.skip) {
        // Kept as length 0: a decision the user must see, as a repair that destroyed area.
        out.loud_repairs.push_back(Error(ErrorKind::Input, is.reason + "; kept with length 0",
                                         layer_.where(is.fid)));
      }
      if (c.repair_beyond_tolerance) {
        ++report.repairs_beyond_tolerance;
        const std::string what = fmt::format(
            "{} ({})",
            describe_repair(*is.area_before, *is.area_after,
                            options_.repair_tolerance_percent / 100.0, layer_.crs),
            is.reason);
        if (options_.invalid == InvalidPolicy::RepairStrict) {
          throw InputError(what + "; refused under the strict repair policy", layer_.where(is.fid));
        }
        out.loud_repairs.push_back(Error(ErrorKind::Input, what, layer_.where(is.fid)));
      }
      report.issues.push_back(std::move(*c.issue));
    }
    if (c.skip) continue;
    Feature f;
    f.fid = raw.fid;
    f.geometry = std::move(c.geometry);
    f.original = std::move(c.original);
    f.values = std::move(batch.raws[i].values);
    out.batch.features.push_back(std::move(f));
  }
  return out;
}

void add_batch_report(ReadReport& into, ReadReport&& part) {
  into.features += part.features;
  into.null_geometries += part.null_geometries;
  into.empty_geometries += part.empty_geometries;
  into.invalid += part.invalid;
  into.repaired += part.repaired;
  into.skipped += part.skipped;
  into.degenerate_lines += part.degenerate_lines;
  into.flattened += part.flattened;
  into.linearised += part.linearised;
  into.repairs_beyond_tolerance += part.repairs_beyond_tolerance;
  into.filtered_out += part.filtered_out;
  into.issues.insert(into.issues.end(), std::make_move_iterator(part.issues.begin()),
                     std::make_move_iterator(part.issues.end()));
}

}  // namespace redline::detail
