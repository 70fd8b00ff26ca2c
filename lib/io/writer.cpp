#include "redline/io/writer.h"

#include <geos_c.h>
#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "geom/geos_context.h"
#include "io/gdal_dataset.h"
#include "redline/error.h"
#include "redline/geom/geometry.h"

namespace redline {

struct GeoPackageWriter::Impl {
  std::string temp_path;
  detail::DatasetPtr dataset;
  OGRLayer* layer = nullptr;
  std::size_t field_count = 0;
  std::size_t in_transaction = 0;
  bool committed = false;
  GEOSWKBWriter* wkb = nullptr;

  ~Impl() {
    if (wkb) GEOSWKBWriter_destroy_r(geos_handle(), wkb);
  }
};

namespace {
constexpr std::size_t kFeaturesPerTransaction = 20000;

OGRFieldType ogr_type(FieldType t) {
  switch (t) {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::Text: return OFTString;
  }
  return OFTString;
}
}  // namespace

GeoPackageWriter::GeoPackageWriter(std::string path) : path_(std::move(path)), impl_(std::make_unique<Impl>()) {
  detail::ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw InternalError("GDAL has no GeoPackage driver");
  impl_->temp_path = fmt::format("{}.tmp-{}.gpkg", path_, ::getpid());
  std::remove(impl_->temp_path.c_str());
  detail::GdalErrorCollector errors;
  GDALDataset* ds = driver->Create(impl_->temp_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) {
    throw OutputError("cannot create the GeoPackage: " + errors.last(), Location{path_, "", std::nullopt, ""});
  }
  impl_->dataset.reset(ds);
  impl_->wkb = GEOSWKBWriter_create_r(geos_handle());
  GEOSWKBWriter_setByteOrder_r(geos_handle(), impl_->wkb, GEOS_WKB_NDR);
}

GeoPackageWriter::~GeoPackageWriter() {
  if (!impl_->committed) {
    impl_->dataset.reset();
    std::remove(impl_->temp_path.c_str());
  }
}

void GeoPackageWriter::begin_layer(const std::string& name, const Crs& crs,
                                   const std::vector<Field>& fields) {
  Location where{path_, name, std::nullopt, ""};
  if (impl_->in_transaction) {
    impl_->dataset->CommitTransaction();
    impl_->in_transaction = 0;
  }
  OGRSpatialReference srs;
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (crs.is_known() && srs.importFromWkt(crs.wkt().c_str()) != OGRERR_NONE) {
    throw OutputError("cannot write CRS " + crs.label(), where);
  }
  detail::GdalErrorCollector errors;
  const char* options[] = {"SPATIAL_INDEX=YES", nullptr};
  OGRLayer* layer = impl_->dataset->CreateLayer(name.c_str(), crs.is_known() ? &srs : nullptr,
                                                wkbMultiPolygon, const_cast<char**>(options));
  if (!layer) throw OutputError("cannot create layer: " + errors.last(), where);
  for (const Field& f : fields) {
    OGRFieldDefn defn(f.name.c_str(), ogr_type(f.type));
    if (layer->CreateField(&defn) != OGRERR_NONE) {
      throw OutputError("cannot create field '" + f.name + "': " + errors.last(), where);
    }
  }
  impl_->layer = layer;
  impl_->field_count = fields.size();
}

void GeoPackageWriter::add_feature(const Geometry& geometry, const std::vector<Value>& values) {
  if (!impl_->layer) throw OutputError("add_feature() before begin_layer()", Location{path_, "", std::nullopt, ""});
  if (impl_->in_transaction == 0) impl_->dataset->StartTransaction();
  OGRFeature feature(impl_->layer->GetLayerDefn());
  for (std::size_t i = 0; i < impl_->field_count && i < values.size(); ++i) {
    const int idx = static_cast<int>(i);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) feature.SetFieldNull(idx);
          else if constexpr (std::is_same_v<T, std::int64_t>) feature.SetField(idx, static_cast<GIntBig>(v));
          else if constexpr (std::is_same_v<T, double>) feature.SetField(idx, v);
          else feature.SetField(idx, v.c_str());
        },
        values[i]);
  }
  if (!geometry.is_null()) {
    std::size_t size = 0;
    std::unique_ptr<unsigned char, detail::GeosFree> bytes(
        GEOSWKBWriter_write_r(geos_handle(), impl_->wkb, geometry.get(), &size));
    detail::geos_check(bytes != nullptr, "writing WKB");
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(bytes.get(), nullptr, &g, size) != OGRERR_NONE || !g) {
      throw InternalError("GDAL cannot read a GEOS geometry back");
    }
    feature.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(g));
  }
  if (impl_->layer->CreateFeature(&feature) != OGRERR_NONE) {
    throw OutputError("cannot write a feature", Location{path_, impl_->layer->GetName(), std::nullopt, ""});
  }
  if (++impl_->in_transaction >= kFeaturesPerTransaction) {
    impl_->dataset->CommitTransaction();
    impl_->in_transaction = 0;
  }
}

void GeoPackageWriter::commit() {
  Location where{path_, "", std::nullopt, ""};
  if (impl_->in_transaction && impl_->dataset->CommitTransaction() != OGRERR_NONE) {
    throw OutputError("cannot finish writing", where);
  }
  impl_->in_transaction = 0;
  impl_->dataset.reset();  // closes and flushes the file
  if (std::rename(impl_->temp_path.c_str(), path_.c_str()) != 0) {
    std::remove(impl_->temp_path.c_str());
    throw OutputError("cannot rename the finished file into place", where);
  }
  impl_->committed = true;
}

}  // namespace redline
