#include "io/layer_open.h"

#include <cmath>

#include <fmt/format.h>

#include "util/text.h"

namespace redline::detail {

namespace {
bool is_shapefile(const std::string& driver) { return driver == "ESRI Shapefile"; }
}  // namespace

std::string layer_encoding(OGRLayer* layer, const std::string& driver,
                           const std::string& requested) {
  if (!is_shapefile(driver)) return "UTF-8";
  if (!requested.empty()) return requested;
  const char* detected = layer->GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
  return detected && *detected ? detected : "";
}

OpenedLayer open_source(const std::string& path, const std::string& encoding) {
  OpenedLayer out;
  out.dataset = open_vector_readonly(path);
  out.driver = out.dataset->GetDriver() ? out.dataset->GetDriver()->GetDescription() : "";
  if (!encoding.empty()) {
    if (is_shapefile(out.driver)) {
      // The shapefile driver decodes the DBF from this encoding instead of .cpg/LDID.
      out.dataset = open_vector_readonly(path, {"ENCODING=" + encoding});
    } else {
      out.encoding_note = fmt::format("--encoding {} ignored: {} text is always UTF-8", encoding,
                                      out.driver);
    }
  }
  return out;
}

OpenedLayer open_layer(const std::string& path, const std::string& layer_name,
                       const std::string& encoding) {
  OpenedLayer out = open_source(path, encoding);
  GDALDataset* ds = out.dataset.get();
  auto names = [ds] {
    std::string list;
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
      list += (list.empty() ? "" : ", ") + std::string(ds->GetLayer(i)->GetName());
    }
    return list;
  };
  if (ds->GetLayerCount() == 0) {
    throw InputError("the source holds no vector layer", Location{path, "", std::nullopt, ""});
  }
  if (layer_name.empty()) {
    if (ds->GetLayerCount() > 1) {
      throw UsageError(fmt::format("the source has {} layers ({}): choose one with --layer",
                                   ds->GetLayerCount(), names()),
                       Location{path, "", std::nullopt, ""});
    }
    out.layer = ds->GetLayer(0);
  } else {
    out.layer = ds->GetLayerByName(layer_name.c_str());
    if (!out.layer) {
      throw UsageError(fmt::format("no layer '{}' (layers: {})", layer_name, names()),
                       Location{path, "", std::nullopt, ""});
    }
  }
  out.encoding = layer_encoding(out.layer, out.driver, encoding);
  return out;
}

void require_polygon_layer(OGRLayer* layer, const Location& where) {
  const OGRwkbGeometryType type = wkbFlatten(layer->GetGeomType());
  switch (type) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbSurface:
    case wkbPolyhedralSurface:
    case wkbTIN:
    case wkbUnknown:  // mixed types: checked feature by feature
    case wkbGeometryCollection:
      return;
    case wkbNone:
      throw InputError("the layer has no geometry (an attribute table): redline measures polygons",
                       where);
    default:
      throw InputError(fmt::format("the layer holds {} geometries: redline measures polygons",
                                   OGRGeometryTypeToName(type)),
                       where);
  }
}

Envelope layer_extent(OGRLayer* layer) {
  Envelope e;
  OGREnvelope env;
  if (layer->GetExtent(&env, TRUE) == OGRERR_NONE) {
    e.min_x = env.MinX;
    e.min_y = env.MinY;
    e.max_x = env.MaxX;
    e.max_y = env.MaxY;
    e.is_null = false;
  }
  return e;
}

Crs source_crs(OGRLayer* layer) {
  const OGRSpatialReference* srs = layer->GetSpatialRef();
  if (!srs) return Crs();
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  if (srs->exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
    CPLFree(wkt);
    return Crs();
  }
  std::string text(wkt);
  CPLFree(wkt);
  return Crs::from_user_input(text);
}

Crs resolve_crs(OGRLayer* layer, const std::string& assume, const Location& where,
                std::vector<std::string>& notes) {
  Crs declared = source_crs(layer);
  if (!assume.empty()) {
    Crs assumed = Crs::from_user_input(assume);
    if (declared.is_known() && !declared.equivalent_to(assumed)) {
      notes.push_back(fmt::format("the source declares {}; {} used as asked", declared.label(),
                                  assumed.label()));
    }
    return assumed;
  }
  const Envelope extent = layer_extent(layer);
  if (!declared.is_known()) {
    const CrsGuess guess = guess_crs(extent);
    std::string advice = guess.suggestion.empty()
                             ? "pass the CRS with --assume-crs (e.g. --assume-crs EPSG:4527)"
                             : fmt::format("if so, pass --assume-crs {}", guess.suggestion);
    throw InputError(fmt::format("no coordinate reference system (no .prj file?): {}; {}",
                                 guess.explanation, advice),
                     where);
  }
  // Whether the CRS fits the coordinates is checked on the geometries themselves
  // (coordinate_check.h), not on the extent a file header claims.
  return declared;
}

}  // namespace redline::detail
