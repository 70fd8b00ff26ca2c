#include "redline/io/writer.h"

#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "io/gdal_dataset.h"
#include "io/temporary_output.h"
#include "redline/error.h"
#include "redline/geom/geometry.h"

namespace redline {

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

// GDAL's failure message as part of a one-line error (its warnings, such as the one about the
// temporary's extension, would only mislead).
std::string gdal_says(const detail::GdalErrorCollector& errors) {
  std::string m = errors.last_failure();
  std::replace(m.begin(), m.end(), '\n', ' ');
  return m.empty() ? "" : ": " + m;
}
}  // namespace

struct GeoPackageWriter::Impl {
  std::vector<std::string> inputs;
  OutputTarget target;
  std::unique_ptr<detail::TemporaryOutput> temp;
  detail::DatasetPtr dataset;  // declared after temp: closed before the file is removed
  OGRLayer* layer = nullptr;
  std::size_t field_count = 0;
  std::size_t in_transaction = 0;
  bool failed = false;
  bool committed = false;
  std::vector<std::pair<std::string, GIntBig>> written;  // features per layer, to verify

  ~Impl() {
    // An abandoned file may fail to close cleanly: that is expected, and not worth a word.
    detail::GdalErrorCollector quiet;
    dataset.reset();
  }

  Location where(const std::string& layer_name = "") const { return Location{target.path, layer_name, std::nullopt, ""}; }

  // Marks the writer failed and throws; the destructor then removes the temporary.
  [[noreturn]] void fail(const std::string& what, const detail::GdalErrorCollector& errors,
                         const std::string& layer_name = "") {
    failed = true;
    throw OutputError(what + gdal_says(errors), where(layer_name));
  }

  void require_usable() const {
    if (failed) throw OutputError("an earlier write failed", where());
    if (committed) throw OutputError("the file is already complete", where());
  }

  void commit_transaction(const std::string& layer_name) {
    if (!in_transaction) return;
    detail::GdalErrorCollector errors;
    if (dataset->CommitTransaction() != OGRERR_NONE || errors.failure_count()) {
      fail("cannot write the features", errors, layer_name);
    }
    in_transaction = 0;
  }

  // Reopens the closed temporary read-only and checks that it holds what was written: a file
  // truncated or left without its spatial index by a failure GDAL did not report is refused.
  void verify() {
    detail::GdalErrorCollector errors;
    const char* drivers[] = {"GPKG", nullptr};
    detail::DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(temp->path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds) fail("the finished file cannot be read back", errors);
    for (const auto& [name, count] : written) {
      OGRLayer* l = ds->GetLayerByName(name.c_str());
      if (!l) fail("the finished file lacks its layer", errors, name);
      const GIntBig found = l->GetFeatureCount(TRUE);
      if (found != count) {
        fail(fmt::format("the finished file holds {} features instead of {}", found, count), errors, name);
      }
      if (!l->TestCapability(OLCFastSpatialFilter)) fail("the finished file lacks its spatial index", errors, name);
    }
    if (errors.failure_count()) fail("the finished file cannot be read back", errors);
  }
};

GeoPackageWriter::GeoPackageWriter(std::string path, std::vector<std::string> inputs)
    : path_(std::move(path)), impl_(std::make_unique<Impl>()) {
  impl_->inputs = std::move(inputs);
  impl_->target = check_output_target(path_, impl_->inputs);
  detail::ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw InternalError("GDAL has no GeoPackage driver");
  impl_->temp = std::make_unique<detail::TemporaryOutput>(impl_->target.resolved);
  detail::GdalErrorCollector errors;  // also takes GDAL's warning about the temporary's extension
  GDALDataset* ds = driver->Create(impl_->temp->path().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (ds) impl_->dataset.reset(ds);
  if (!ds || errors.failure_count()) impl_->fail("cannot create the GeoPackage", errors);
}

GeoPackageWriter::~GeoPackageWriter() = default;

void GeoPackageWriter::begin_layer(const std::string& name, const Crs& crs,
                                   const std::vector<Field>& fields) {
  impl_->require_usable();
  if (impl_->layer) impl_->commit_transaction(impl_->layer->GetName());
  OGRSpatialReference srs;
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  detail::GdalErrorCollector errors;
  if (crs.is_known() && srs.importFromWkt(crs.wkt().c_str()) != OGRERR_NONE) {
    impl_->fail("cannot write CRS " + crs.label(), errors, name);
  }
  const char* options[] = {"SPATIAL_INDEX=YES", nullptr};
  OGRLayer* layer = impl_->dataset->CreateLayer(name.c_str(), crs.is_known() ? &srs : nullptr,
                                                wkbMultiPolygon, const_cast<char**>(options));
  if (!layer || errors.failure_count()) impl_->fail("cannot create the layer", errors, name);
  for (const Field& f : fields) {
    OGRFieldDefn defn(f.name.c_str(), ogr_type(f.type));
    if (layer->CreateField(&defn) != OGRERR_NONE || errors.failure_count()) {
      impl_->fail("cannot create field '" + f.name + "'", errors, name);
    }
  }
  impl_->layer = layer;
  impl_->field_count = fields.size();
  impl_->written.emplace_back(name, 0);
}

void GeoPackageWriter::add_feature(GeometryView geometry, const std::vector<Value>& values) {
  impl_->require_usable();
  if (!impl_->layer) throw OutputError("add_feature() before begin_layer()", impl_->where());
  detail::GdalErrorCollector errors;
  const std::string layer_name = impl_->layer->GetName();
  if (impl_->in_transaction == 0 && impl_->dataset->StartTransaction() != OGRERR_NONE) {
    impl_->fail("cannot write the features", errors, layer_name);
  }
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
    const std::vector<unsigned char> wkb = geometry.to_wkb();
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE || !g) {
      throw InternalError("GDAL cannot read a GEOS geometry back");
    }
    feature.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(g));
  }
  ++impl_->in_transaction;  // started: committed or rolled back from here on
  if (impl_->layer->CreateFeature(&feature) != OGRERR_NONE || errors.failure_count()) {
    impl_->fail("cannot write a feature", errors, layer_name);
  }
  ++impl_->written.back().second;
  if (impl_->in_transaction >= kFeaturesPerTransaction) impl_->commit_transaction(layer_name);
}

void GeoPackageWriter::commit() {
  impl_->require_usable();
  if (impl_->layer) impl_->commit_transaction(impl_->layer->GetName());
  {
    // GDALClose() returns nothing in GDAL 3.6: failures while it flushes the file and builds
    // the spatial indexes are known only from the errors it raises.
    detail::GdalErrorCollector errors;
    impl_->dataset.reset();
    if (errors.failure_count()) impl_->fail("cannot finish the file", errors);
  }
  impl_->verify();
  // The target is checked again: what is at the path may have changed while the file was made.
  try {
    impl_->target = check_output_target(path_, impl_->inputs);
  } catch (const Error&) {
    impl_->failed = true;
    throw;
  }
  // A file that replaces another keeps its permissions.
  struct stat old {};
  if (::stat(impl_->target.resolved.c_str(), &old) == 0) ::chmod(impl_->temp->path().c_str(), old.st_mode & 07777);
  const std::string why = impl_->temp->rename_to(impl_->target.resolved);
  if (!why.empty()) {
    impl_->failed = true;
    throw OutputError(why, impl_->where());
  }
  impl_->committed = true;
}

}  // namespace redline
