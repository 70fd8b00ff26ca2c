#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "geom/coordinate_scan.h"
#include "io/attribute_encoding.h"
#include "io/coordinate_check.h"
#include "io/gdal_dataset.h"
#include "io/layer_open.h"
#include "io/read_opened_layer.h"
#include "io/repair_audit.h"
#include "redline/error.h"
#include "redline/geom/validity.h"
#include "redline/io/layer.h"
#include "util/parallel.h"
#include "util/text.h"

namespace redline {

using detail::DatasetPtr;

InvalidPolicy parse_invalid_policy(const std::string& text) {
  const std::string t = detail::ascii_lower(text);
  if (t == "repair") return InvalidPolicy::Repair;
  if (t == "skip") return InvalidPolicy::Skip;
  if (t == "fail") return InvalidPolicy::Fail;
  if (t == "repair-strict") return InvalidPolicy::RepairStrict;
  throw UsageError(
      fmt::format("the invalid-polygon policy is repair, repair-strict, skip or fail, not '{}'", text));
}

std::string to_string(FeatureIssue::Kind kind) {
  switch (kind) {
    case FeatureIssue::Kind::NullGeometry: return "null geometry";
    case FeatureIssue::Kind::EmptyGeometry: return "empty geometry";
    case FeatureIssue::Kind::Invalid: return "invalid polygon";
    case FeatureIssue::Kind::NotPolygon: return "not a polygon";
    case FeatureIssue::Kind::Flattened: return "Z/M dropped";
    case FeatureIssue::Kind::Linearised: return "curve linearised";
  }
  return "issue";
}

std::size_t Layer::field_index(const std::string& field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return i;
  }
  std::string names;
  for (const auto& f : fields) names += (names.empty() ? "" : ", ") + f.name;
  throw UsageError(fmt::format("no field '{}' (fields: {})", field_name,
                               names.empty() ? "none" : names),
                   where());
}

Layer Layer::clone() const {
  Layer copy;
  copy.source = source;
  copy.name = name;
  copy.driver = driver;
  copy.crs = crs;
  copy.fields = fields;
  copy.report = report;
  copy.features.reserve(features.size());
  for (const Feature& f : features) {
    copy.features.push_back(Feature{f.fid, f.geometry.clone(), f.values, f.original.clone()});
  }
  return copy;
}

Location Layer::where(std::optional<std::int64_t> fid) const {
  return Location{source, name, fid, ""};
}

std::vector<std::string> list_layers(const std::string& path) {
  DatasetPtr ds = detail::open_vector_readonly(path);
  std::vector<std::string> names;
  for (int i = 0; i < ds->GetLayerCount(); ++i) names.emplace_back(ds->GetLayer(i)->GetName());
  return names;
}

namespace {

// One feature as GDAL gave it, before the (parallel) geometry work.
struct RawFeature {
  std::int64_t fid = 0;
  std::vector<unsigned char> wkb;  // empty for a null geometry
  std::vector<Value> values;
  bool flattened = false;
  bool linearised = false;
};

// The geometry work's outcome for one feature.
struct Checked {
  Geometry geometry;
  Geometry original;
  std::optional<FeatureIssue> issue;
  bool skip = false;
  bool measurable = false;  // a non-empty polygon, to validate
  Envelope envelope;        // of the geometry, for the layer-wide CRS check
  bool repair_beyond_tolerance = false;
};

void set_issue(Checked& out, std::int64_t fid, FeatureIssue::Kind kind, FeatureIssue::Action action,
               std::string reason) {
  FeatureIssue i;
  i.fid = fid;
  i.kind = kind;
  i.action = action;
  i.reason = std::move(reason);
  out.issue = std::move(i);
}

// Step 1: GEOS geometry from the bytes, its coordinates checked, made polygonal.
Checked parse_geometry(RawFeature& raw) {
  Checked out;
  if (raw.wkb.empty()) {
    set_issue(out, raw.fid, FeatureIssue::Kind::NullGeometry, FeatureIssue::Action::Counted,
              "no geometry");
    return out;
  }
  Geometry g = Geometry::from_wkb(raw.wkb.data(), raw.wkb.size());
  std::vector<unsigned char>().swap(raw.wkb);  // free as we go
  // Before anything measures or repairs it: GEOS takes NaN for a valid coordinate.
  detail::require_finite_coordinates(g);
  const std::string type = g.type_name();
  if (type != "Polygon" && type != "MultiPolygon") {
    Geometry poly = polygonal_part(g.clone());
    if (poly.is_empty() && !g.is_empty()) {
      set_issue(out, raw.fid, FeatureIssue::Kind::NotPolygon, FeatureIssue::Action::Skipped,
                "geometry is a " + type + ", not a polygon");
      out.skip = true;
      return out;
    }
    g = std::move(poly);
  }
  if (g.is_empty()) {
    set_issue(out, raw.fid, FeatureIssue::Kind::EmptyGeometry, FeatureIssue::Action::Counted,
              "empty geometry");
    out.geometry = std::move(g);
    return out;
  }
  out.envelope = detail::vertex_envelope(g);  // holes included: see vertex_envelope
  out.geometry = std::move(g);
  out.measurable = true;
  return out;
}

// Step 2, once the CRS is settled: validity, repair and what the repair did to the area.
void settle_geometry(Checked& out, const RawFeature& raw, const Crs& crs,
                     const ReadOptions& options) {
  if (!out.measurable) return;
  detail::require_flat_lonlat_rings(out.geometry, crs);
  const InvalidPolicy policy = options.invalid;
  const bool repair = policy == InvalidPolicy::Repair || policy == InvalidPolicy::RepairStrict;
  if (auto problem = find_invalidity(out.geometry)) {
    FeatureIssue::Action action = repair                       ? FeatureIssue::Action::Repaired
                                  : policy == InvalidPolicy::Skip ? FeatureIssue::Action::Skipped
                                                                  : FeatureIssue::Action::Counted;
    set_issue(out, raw.fid, FeatureIssue::Kind::Invalid, action, problem->reason);
    out.issue->x = problem->x;
    out.issue->y = problem->y;
    if (repair) {
      Geometry repaired = make_valid_polygonal(out.geometry);
      const detail::RepairAudit audit =
          detail::audit_repair(out.geometry, repaired, options.repair_tolerance_percent / 100.0);
      out.issue->area_before = audit.area_before;
      out.issue->area_after = audit.area_after;
      out.repair_beyond_tolerance = audit.beyond_tolerance;
      out.original = std::move(out.geometry);
      out.geometry = std::move(repaired);
    } else {
      out.skip = true;
    }
    return;
  }
  if (raw.flattened) {
    set_issue(out, raw.fid, FeatureIssue::Kind::Flattened, FeatureIssue::Action::Counted,
              "Z/M values dropped");
  } else if (raw.linearised) {
    set_issue(out, raw.fid, FeatureIssue::Kind::Linearised, FeatureIssue::Action::Counted,
              "curves replaced by line segments");
  }
}

Value read_value(OGRFeature& f, int i, const OGRFieldDefn& defn) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (defn.GetType()) {
    case OFTInteger:
    case OFTInteger64: return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal: return f.GetFieldAsDouble(i);
    default: return std::string(f.GetFieldAsString(i));
  }
}

FieldType field_type(OGRFieldType t) {
  switch (t) {
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    default: return FieldType::Text;
  }
}

}  // namespace

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

  detail::require_polygon_layer(ogr, here);
  layer.crs = require_crs ? detail::resolve_crs(ogr, options.assume_crs, here, layer.report.notes)
                          : detail::source_crs(ogr);

  // Attribute text: every field name and text value decoded and checked (attribute_encoding.h).
  detail::require_attribute_table(path, ogr, opened.driver, here);
  detail::AttributeDecoder decoder(opened.encoding, here);
  OGRFeatureDefn* defn = ogr->GetLayerDefn();
  const int field_count = defn->GetFieldCount();
  for (int i = 0; i < field_count; ++i) {
    const OGRFieldDefn* fd = defn->GetFieldDefn(i);
    Field field{decoder.decode(fd->GetNameRef(), here, "field name"), field_type(fd->GetType()),
                fd->GetWidth(), fd->GetPrecision()};
    layer.fields.push_back(std::move(field));
  }

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
    raw.values.reserve(field_count);
    for (int i = 0; i < field_count; ++i) {
      Value v = read_value(*f, i, *defn->GetFieldDefn(i));
      if (auto* s = std::get_if<std::string>(&v)) {
        Location at = layer.where(raw.fid);
        at.field = layer.fields[i].name;
        *s = decoder.decode(*s, at, "the value");
      }
      raw.values.push_back(std::move(v));
    }
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

  if (!(options.repair_tolerance_percent >= 0) || !std::isfinite(options.repair_tolerance_percent)) {
    throw UsageError(fmt::format("the repair tolerance must be a finite percentage of 0 or more, "
                                 "not {}",
                                 options.repair_tolerance_percent));
  }

  // Pass 2 (all cores): GEOS geometry, coordinates checked.
  std::vector<Checked> checked(raws.size());
  detail::parallel_for(raws.size(), options.threads, [&](std::size_t i) {
    try {
      checked[i] = parse_geometry(raws[i]);
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
      settle_geometry(checked[i], raws[i], layer.crs, options);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(raws[i].fid));
    }
  });

  ReadReport& report = layer.report;
  report.features = raws.size();
  std::vector<Error> loud_repairs;
  layer.features.reserve(raws.size());
  for (std::size_t i = 0; i < raws.size(); ++i) {
    Checked& c = checked[i];
    if (c.issue) {
      const FeatureIssue& is = *c.issue;
      switch (is.kind) {
        case FeatureIssue::Kind::NullGeometry: ++report.null_geometries; break;
        case FeatureIssue::Kind::EmptyGeometry: ++report.empty_geometries; break;
        case FeatureIssue::Kind::Invalid: ++report.invalid; break;
        case FeatureIssue::Kind::NotPolygon: break;
        case FeatureIssue::Kind::Flattened: ++report.flattened; break;
        case FeatureIssue::Kind::Linearised: ++report.linearised; break;
      }
      if (raws[i].linearised && is.kind != FeatureIssue::Kind::Linearised) ++report.linearised;
      if (raws[i].flattened && is.kind != FeatureIssue::Kind::Flattened) ++report.flattened;
      if (is.action == FeatureIssue::Action::Repaired) ++report.repaired;
      if (c.skip) ++report.skipped;
      const bool refuse = (is.kind == FeatureIssue::Kind::Invalid ||
                           is.kind == FeatureIssue::Kind::NotPolygon) &&
                          options.invalid == InvalidPolicy::Fail;
      if (refuse) {
        std::string at = is.x ? fmt::format(" at ({:.3f}, {:.3f})", *is.x, *is.y) : "";
        throw InputError(fmt::format("{}: {}{}", to_string(is.kind), is.reason, at), layer.where(is.fid),
                         Hint{HintKind::InvalidPolicy, ""});
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
      const std::string more = fmt::format("… and {} more repair(s) beyond the tolerance in {}",
                                           loud_repairs.size() - 10, describe(here));
      report.notes.push_back(more);
      if (options.warn) options.warn(more);
      break;
    }
    report.notes.push_back(fmt::format("feature {}: {}", *e.where().feature, e.reason()));
    if (options.warn) options.warn(e.what());
  }
  if (report.flattened) {
    report.notes.push_back(fmt::format("Z/M values dropped from {} feature(s): areas are 2D",
                                       report.flattened));
  }
  if (report.linearised) {
    report.notes.push_back(
        fmt::format("curves of {} feature(s) replaced by line segments", report.linearised));
  }
  return layer;
}

}  // namespace detail
}  // namespace redline
