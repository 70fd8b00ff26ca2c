#pragma once
// redline::GeoPackageWriter: result layers written to a GeoPackage that QGIS opens.
//
// The file is written under a temporary name beside the target and renamed over it only by
// commit(), so a run that fails leaves no half-written output and an existing file stays
// intact until the new one is complete. Geometries are written as MultiPolygon (a layer QGIS
// can style as one type); attributes keep their types; text is UTF-8.
//
// Example usage:
//   redline::GeoPackageWriter out("result.gpkg");
//   out.begin_layer("inside", layer.crs, layer.fields);
//   for (const auto& f : features) out.add_feature(f.geometry, f.values);
//   out.commit();
#include <memory>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/io/feature.h"

namespace redline {

class GeoPackageWriter {
 public:
  /// Prepares to write `path` (".gpkg"). Throws OutputError when the folder is not writable.
  explicit GeoPackageWriter(std::string path);
  /// Removes the temporary file unless commit() succeeded.
  ~GeoPackageWriter();
  GeoPackageWriter(const GeoPackageWriter&) = delete;
  GeoPackageWriter& operator=(const GeoPackageWriter&) = delete;

  /// Starts a new layer; later add_feature() calls go to it. `fields` gives names and types of
  /// the values passed to add_feature(). Throws OutputError (e.g. a duplicate layer name).
  void begin_layer(const std::string& name, const Crs& crs, const std::vector<Field>& fields);
  /// Adds a feature to the current layer. Null or empty geometries are written as empty.
  /// REQUIRES: values.size() == fields.size() of the current layer.
  void add_feature(const Geometry& geometry, const std::vector<Value>& values);
  /// Finishes the file and renames it to the target path. Throws OutputError.
  void commit();

  /// Returns the target path.
  const std::string& path() const noexcept { return path_; }

 private:
  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
