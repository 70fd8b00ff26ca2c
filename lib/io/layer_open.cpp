#include "io/layer_open.h"

#include <cmath>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "redline/io/layer.h"
#include "util/text.h"

namespace redline::detail {

namespace {
bool is_shapefile(const std::string& driver) { return driver == "ESRI Shapefile"; }
}  // namespace

OpenedLayer open_source(const std::string& path, const std::string& encoding) {
  OpenedLayer out;
  out.dataset = open_vector_readonly(path);
  out.driver = out.dataset->GetDriver() ? out.dataset->GetDriver()->GetDescription() : "";
  if (is_shapefile(out.driver)) {
    // The DBF's bytes as they are: redline decodes and checks them (AttributeDecoder).
    out.dataset = open_vector_readonly(path, {"ENCODING="});
  } else if (!encoding.empty()) {
    out.encoding_note = fmt::format("the encoding {} asked for is ignored: {} text is always UTF-8",
                                    encoding, out.driver);
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
      throw UsageError(fmt::format("the source has {} layers ({})", ds->GetLayerCount(), names()),
                       Location{path, "", std::nullopt, ""}, Hint{HintKind::ChooseLayer, ""});
    }
    out.layer = ds->GetLayer(0);
  } else {
    out.layer = ds->GetLayerByName(layer_name.c_str());
    if (!out.layer) {
      throw UsageError(fmt::format("no layer '{}' (layers: {})", layer_name, names()),
                       Location{path, "", std::nullopt, ""});
    }
  }
  out.encoding = settle_attribute_encoding(out.layer, out.driver, encoding);
  return out;
}

LayerGeometry require_layer_geometry(OGRLayer* layer, LayerGeometry wanted, const Location& where) {
  const OGRwkbGeometryType type = wkbFlatten(layer->GetGeomType());
  const std::string declared = OGRGeometryTypeToName(type);
  switch (type) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbSurface:
    case wkbPolyhedralSurface:
    case wkbTIN:
      if (wanted == LayerGeometry::Lines) {
        throw InputError(fmt::format("the layer holds polygons ({}), not lines: lengths are measured on "
                                     "lines; measure polygons by area (redline area)",
                                     declared),
                         where);
      }
      return LayerGeometry::Polygons;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
    case wkbCurve:
      if (wanted == LayerGeometry::Polygons) {
        throw InputError(fmt::format("the layer holds lines ({}), not polygons: areas are measured on "
                                     "polygons; measure lines by length (redline length, or measure = "
                                     "\"length\" in a check)",
                                     declared),
                         where);
      }
      return LayerGeometry::Lines;
    case wkbUnknown:  // mixed types: checked feature by feature
    case wkbGeometryCollection:
      return wanted == LayerGeometry::Lines ? LayerGeometry::Lines : LayerGeometry::Polygons;
    case wkbNone:
      throw InputError(fmt::format("the layer has no geometry (an attribute table): redline measures {}",
                                   wanted == LayerGeometry::Lines ? "lines" : "polygons"),
                       where);
    default:
      throw InputError(fmt::format("the layer holds {} geometries: redline measures {}", declared,
                                   wanted == LayerGeometry::Lines ? "lines" : "polygons"),
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

// A shapefile's .prj that GDAL silently ignored (not a CRS at all): returns why, in GDAL's or
// PROJ's words, or "" when the source has no such file.
static std::string unreadable_prj(const std::string& path) {
  if (path.size() < 4 || ascii_lower(path.substr(path.size() - 4)) != ".shp") return "";
  for (const char* ext : {".prj", ".PRJ"}) {
    std::ifstream in(path.substr(0, path.size() - 4) + ext, std::ios::binary);
    if (!in) continue;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    GdalErrorCollector errors;
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(text.c_str()) == OGRERR_NONE) return "";
    const std::string why = errors.last();
    return fmt::format("its {} file holds none GDAL can read{}", ext, why.empty() ? "" : ": " + why);
  }
  return "";
}

Crs resolve_crs(OGRLayer* layer, const std::string& assume, const Location& where,
                std::vector<std::string>& notes) {
  Crs declared;
  try {
    declared = source_crs(layer);
  } catch (const Error& e) {
    rethrow_with_location(e, where);  // a .prj GDAL reads but PROJ refuses
  }
  if (!assume.empty()) {
    Crs assumed;
    try {
      assumed = Crs::from_user_input(assume);
    } catch (const Error& e) {
      rethrow_with_location(e, where);  // which input it was meant for
    }
    if (declared.is_known() && !declared.equivalent_to(assumed)) {
      notes.push_back(fmt::format("the source declares {}; {} used as asked", declared.label(),
                                  assumed.label()));
    }
    return assumed;
  }
  const Envelope extent = layer_extent(layer);
  if (!declared.is_known()) {
    const CrsGuess guess = guess_crs(extent);
    const std::string prj = unreadable_prj(where.file);
    throw InputError(fmt::format("no coordinate reference system ({}): {}", prj.empty() ? "no .prj file?" : prj,
                                 guess.explanation),
                     where, Hint{HintKind::AssumeCrs, guess.suggestion});
  }
  // Whether the CRS fits the coordinates is checked on the geometries themselves
  // (coordinate_check.h), not on the extent a file header claims.
  return declared;
}

}  // namespace redline::detail

namespace redline {

std::vector<std::string> list_layers(const std::string& path) {
  detail::DatasetPtr ds = detail::open_vector_readonly(path);
  std::vector<std::string> names;
  for (int i = 0; i < ds->GetLayerCount(); ++i) names.emplace_back(ds->GetLayer(i)->GetName());
  return names;
}

}  // namespace redline
