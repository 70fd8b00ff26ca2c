#include "redline/io/source_info.h"

#include <cmath>
#include <optional>

#include "crs/crs_plausibility.h"
#include "io/attribute_encoding.h"
#include "io/attribute_values.h"
#include "io/layer_open.h"
#include "io/layer_stream_impl.h"

namespace redline {

namespace {


LayerInfo inspect_layer(detail::OpenedLayer& opened, const std::string& path,
                        const InspectOptions& options) {
  OGRLayer* ogr = opened.layer;
  LayerInfo info;
  info.name = ogr->GetName();
  info.geometry_type = OGRGeometryTypeToName(ogr->GetGeomType());
  info.features = static_cast<std::size_t>(std::max<GIntBig>(0, ogr->GetFeatureCount(TRUE)));
  info.crs = detail::source_crs(ogr);
  info.extent = detail::layer_extent(ogr);
  if (!info.crs.is_known()) info.crs_guess = guess_crs(info.extent);
  const Envelope& e = info.extent;
  const bool finite = std::isfinite(e.min_x) && std::isfinite(e.min_y) && std::isfinite(e.max_x) &&
                      std::isfinite(e.max_y);  // a header's extent, which may be damaged
  try {
    if (const auto c = finite ? detail::find_crs_contradiction(info.crs, info.extent) : std::nullopt) {
      info.crs_contradiction = c->reason;
    }
  } catch (const Error& e) {
    info.crs_contradiction = e.reason();  // PROJ could not rebuild the CRS: say so, go on
  }
  info.encoding = opened.encoding.name;
  // A name that cannot be decoded (GBK without .cpg, an unknown encoding) is shown as bytes;
  // `problem` says why (reading refuses it). An unknown encoding asked for is a UsageError.
  std::optional<detail::AttributeDecoder> decoder;
  try {
    decoder.emplace(opened.encoding, Location{path, info.name, std::nullopt, ""});
  } catch (const InputError&) {
  }
  OGRFeatureDefn* defn = ogr->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn* fd = defn->GetFieldDefn(i);
    std::optional<std::string> name;
    try {
      if (decoder) name = decoder->decode(fd->GetNameRef(), Location{}, "field name");
    } catch (const InputError&) {
    }
    if (!name) {
      const bool foreign = opened.encoding.raw_bytes && !opened.encoding.name.empty();
      name = detail::escape_bytes(fd->GetNameRef(), foreign);
    }
    info.fields.push_back({*name, detail::field_type(fd->GetType()), fd->GetWidth(), fd->GetPrecision()});
  }
  ReadOptions read;
  read.encoding = options.encoding;
  read.invalid = InvalidPolicy::Skip;  // count, do not repair: info changes nothing
  read.threads = options.threads;
  read.geometry = LayerGeometry::Any;
  read.progress = options.progress;
  try {
    Layer layer = detail::read_opened_layer(opened, path, read, /*require_crs=*/false);
    info.polygonal = layer.geometry == LayerGeometry::Polygons;
    info.lines = layer.geometry == LayerGeometry::Lines;
    info.degenerate_lines = layer.report.degenerate_lines;
    info.null_geometries = layer.report.null_geometries;
    info.empty_geometries = layer.report.empty_geometries;
    info.invalid = layer.report.invalid;
    for (auto& is : layer.report.issues) {
      if (is.kind == FeatureIssue::Kind::NotPolygon || is.kind == FeatureIssue::Kind::NotLine) {
        ++info.not_polygon;
      }
      if (is.kind == FeatureIssue::Kind::Invalid || is.kind == FeatureIssue::Kind::NotPolygon ||
          is.kind == FeatureIssue::Kind::NotLine || is.kind == FeatureIssue::Kind::DegenerateLine) {
        info.issues.push_back(std::move(is));
      }
    }
  } catch (const Error& e) {
    // A dependency failing is not a property of the source: it stops the run.
    if (e.kind() == ErrorKind::Internal) throw;
    info.problem = e.reason();
    info.problem_hint = e.hint();
  }
  return info;
}

}  // namespace

SourceInfo inspect_source(const std::string& path, const InspectOptions& options) {
  SourceInfo out;
  out.path = path;
  if (!options.layer.empty()) {
    detail::OpenedLayer opened = detail::open_layer(path, options.layer, options.encoding);
    out.driver = opened.driver;
    out.layers.push_back(inspect_layer(opened, path, options));
    return out;
  }
  detail::OpenedLayer source = detail::open_source(path, options.encoding);
  out.driver = source.driver;
  for (int i = 0; i < source.dataset->GetLayerCount(); ++i) {
    detail::OpenedLayer opened;
    opened.layer = source.dataset->GetLayer(i);
    opened.driver = source.driver;
    opened.encoding = detail::settle_attribute_encoding(opened.layer, source.driver, options.encoding);
    out.layers.push_back(inspect_layer(opened, path, options));
  }
  return out;
}

}  // namespace redline
