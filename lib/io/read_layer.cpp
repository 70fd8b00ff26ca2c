// read_layer(): the read loop. GDAL hands over each feature on one thread (attributes decoded,
// geometry bytes made 2D and linear); the geometry work runs on all cores
// (io/geometry_normalisation.h); then the report is tallied in FID order.
#include <algorithm>

#include <fmt/format.h>

#include "io/attribute_encoding.h"
#include "io/attribute_values.h"
#include "io/coordinate_check.h"
#include "io/gdal_dataset.h"
#include "io/geometry_normalisation.h"
#include "io/layer_open.h"
#include "io/read_opened_layer.h"
#include "io/repair_audit.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "util/parallel.h"

namespace redline {

using detail::NormalisedGeometry;
using detail::RawFeature;

Layer read_layer(const std::string& path, const ReadOptions& options) {
  detail::OpenedLayer opened = detail::open_layer(path, options.layer, options.encoding);
  return detail::read_opened_layer(opened, path, options, /*require_crs=*/true);
}

namespace detail {

Layer read_opened_layer(OpenedLayer& opened, const std::string& path, const ReadOptions& options,
                        bool require_crs) {
  OGRLayer* ogr = opened.layer;
  Layer layer;
  layer.source = path;
  layer.name = ogr->GetName();
  layer.driver = opened.driver;
  layer.report.encoding = opened.encoding.name;
  if (!opened.encoding_note.empty()) layer.report.notes.push_back(opened.encoding_note);
  const Location here = layer.where();

  layer.geometry = detail::require_layer_geometry(ogr, options.geometry, here);
  const LayerGeometry geometry = layer.geometry;
  layer.crs = require_crs ? detail::resolve_crs(ogr, options.assume_crs, here, layer.report.notes)
                          : detail::source_crs(ogr);

  // Attribute text: every field name and text value decoded and checked (attribute_encoding.h).
  detail::require_attribute_table(path, ogr, opened.driver, here);
  detail::AttributeDecoder decoder(opened.encoding, here);
  layer.fields = detail::read_fields(*ogr->GetLayerDefn(), decoder, here);

  // Pass 1 (GDAL, one thread): attributes and geometry bytes.
  std::vector<RawFeature> raws;
  const GIntBig announced = ogr->GetFeatureCount(FALSE);
  const std::size_t total = announced > 0 ? static_cast<std::size_t>(announced) : 0;
  raws.reserve(total);
  ogr->ResetReading();
  detail::GdalErrorCollector errors;
  for (;;) {
    const std::size_t failures_before = errors.failure_count();
    std::unique_ptr<OGRFeature> f(ogr->GetNextFeature());
    // A record GDAL cannot read (a truncated or damaged .shp) comes back with a null geometry
    // and a CE_Failure: refuse it rather than measure the feature as 0.
    if (errors.failure_count() != failures_before) {
      throw InputError("cannot be read: " + errors.last_failure() +
                           " (is the file truncated or damaged?)",
                       f ? layer.where(f->GetFID()) : here);
    }
    if (!f) break;
    RawFeature raw;
    raw.fid = f->GetFID();
    raw.values = detail::read_values(*f, layer.fields, decoder, layer.where(raw.fid));
    if (OGRGeometry* g = f->GetGeometryRef()) {
      if (OGR_GT_IsNonLinear(g->getGeometryType())) {
        OGRGeometry* linear = g->getLinearGeometry();
        f->SetGeometryDirectly(linear);
        g = f->GetGeometryRef();
        raw.linearised = true;
      }
      if (g->Is3D() || g->IsMeasured()) {
        g->flattenTo2D();
        g->setMeasured(FALSE);
        raw.flattened = true;
      }
      raw.wkb.resize(g->WkbSize());
      g->exportToWkb(wkbNDR, raw.wkb.data(), wkbVariantIso);
    }
    raws.push_back(std::move(raw));
    if (options.progress && raws.size() % 4096 == 0) options.progress("reading", raws.size(), total);
  }
  if (!errors.last().empty() && raws.size() < total) {
    throw InputError("reading stopped after " + std::to_string(raws.size()) + " of " +
                         std::to_string(total) + " features: " + errors.last(),
                     here);
  }
  // GDAL prints nothing (see ensure_gdal_registered): what it warned about while reading is
  // reported with the layer instead, once each.
  for (const std::string& warning : errors.warnings()) {
    auto& notes = layer.report.notes;
    if (std::find(notes.begin(), notes.end(), warning) == notes.end()) notes.push_back(warning);
  }
  if (options.progress) options.progress("reading", raws.size(), raws.size());

  check_read_options(options);

  // Pass 2 (all cores): GEOS geometry, coordinates checked.
  std::vector<NormalisedGeometry> checked(raws.size());
  detail::parallel_for(raws.size(), options.threads, [&](std::size_t i) {
    try {
      checked[i] = detail::normalise_geometry(raws[i], geometry);
    } catch (const Error& e) {
      throw InputError(e.reason(), layer.where(raws[i].fid));
    }
  });

  // The CRS against the coordinates as they are, not as a file header claims.
  {
    std::vector<detail::FeatureExtent> extents;
    extents.reserve(raws.size());
    for (std::size_t i = 0; i < raws.size(); ++i) {
      if (checked[i].measurable) extents.push_back({raws[i].fid, checked[i].envelope});
    }
    detail::check_crs_against_coordinates(layer.crs, extents, options.trust_crs, require_crs, here,
                                          layer.report.notes);
  }

  // Pass 3 (all cores): validity and repair.
  detail::parallel_for(raws.size(), options.threads, [&](std::size_t i) {
    try {
      detail::validate_geometry(checked[i], raws[i], layer.crs, options, geometry);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(raws[i].fid));
    }
  });

  ReadReport& report = layer.report;
  report.features = raws.size();
  std::vector<Error> loud_repairs;
  layer.features.reserve(raws.size());
  for (std::size_t i = 0; i < raws.size(); ++i) {
    NormalisedGeometry& c = checked[i];
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
      if (raws[i].linearised && is.kind != FeatureIssue::Kind::Linearised) ++report.linearised;
      if (raws[i].flattened && is.kind != FeatureIssue::Kind::Flattened) ++report.flattened;
      if (is.action == FeatureIssue::Action::Repaired) ++report.repaired;
      if (c.skip) ++report.skipped;
      const bool refuse = ((is.kind == FeatureIssue::Kind::Invalid ||
                            is.kind == FeatureIssue::Kind::NotPolygon ||
                            is.kind == FeatureIssue::Kind::NotLine) &&
                           options.invalid == InvalidPolicy::Fail) ||
                          (is.kind == FeatureIssue::Kind::DegenerateLine &&
                           (options.invalid == InvalidPolicy::Fail ||
                            options.invalid == InvalidPolicy::RepairStrict));
      if (refuse) {
        std::string at = is.x ? fmt::format(" at ({:.3f}, {:.3f})", *is.x, *is.y) : "";
        throw InputError(fmt::format("{}: {}{}", to_string(is.kind), is.reason, at), layer.where(is.fid),
                         Hint{HintKind::InvalidPolicy, ""});
      }
      if (is.kind == FeatureIssue::Kind::DegenerateLine && !c.skip) {
        // Kept as length 0: a decision the user must see, as a repair that destroyed area.
        loud_repairs.push_back(Error(ErrorKind::Input, is.reason + "; kept with length 0",
                                     layer.where(is.fid)));
      }
      if (c.repair_beyond_tolerance) {
        ++report.repairs_beyond_tolerance;
        const std::string what = fmt::format(
            "{} ({})", detail::describe_repair(*is.area_before, *is.area_after,
                                               options.repair_tolerance_percent / 100.0, layer.crs),
            is.reason);
        if (options.invalid == InvalidPolicy::RepairStrict) {
          throw InputError(what + "; refused under the strict repair policy",
                           layer.where(is.fid));
        }
        loud_repairs.push_back(Error(ErrorKind::Input, what, layer.where(is.fid)));
      }
      report.issues.push_back(std::move(*c.issue));
    }
    if (c.skip) continue;
    Feature f;
    f.fid = raws[i].fid;
    f.geometry = std::move(c.geometry);
    f.original = std::move(c.original);
    f.values = std::move(raws[i].values);
    layer.features.push_back(std::move(f));
  }
  // A repair that destroyed area is a decision the user must see, not a line among the notes.
  for (std::size_t i = 0; i < loud_repairs.size(); ++i) {
    const Error& e = loud_repairs[i];
    if (i == 10) {
      const std::string more =
          fmt::format("… and {} more {} in {}", loud_repairs.size() - 10,
                      geometry == LayerGeometry::Lines ? "degenerate line(s) kept with length 0"
                                                       : "repair(s) beyond the tolerance",
                      describe(here));
      report.notes.push_back(more);
      if (options.warn) options.warn(more);
      break;
    }
    report.notes.push_back(fmt::format("feature {}: {}", *e.where().feature, e.reason()));
    if (options.warn) options.warn(e.what());
  }
  if (report.flattened) {
    report.notes.push_back(fmt::format("Z/M values dropped from {} feature(s): {} are 2D",
                                       report.flattened,
                                       geometry == LayerGeometry::Lines ? "lengths" : "areas"));
  }
  if (report.linearised) {
    report.notes.push_back(
        fmt::format("curves of {} feature(s) replaced by line segments", report.linearised));
  }
  return layer;
}

}  // namespace detail
}  // namespace redline
