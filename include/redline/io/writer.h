#pragma once
// redline::GeoPackageWriter: result layers written to a GeoPackage that QGIS opens.
//
// Nothing is lost, whatever happens:
//  - the target is checked before anything is written (redline/io/output_path.h): never one of
//    the run's inputs, never a FIFO, device or folder, always a ".gpkg";
//  - the file is written under a hidden temporary name in the target's folder
//    (redline/io/temporary_files.h), removed on every failure and on SIGINT/SIGTERM/SIGHUP once
//    remove_temporaries_on_signals() was called;
//  - every write, the final commit and the close are checked; the finished file is read back
//    (its layers, feature counts and spatial indexes) and flushed to disk; only then is it
//    renamed over the target, so an existing file stays intact until the new one is complete.
// Geometries are written as MultiPolygon (a layer QGIS can style as one type); attributes keep
// their types; text is UTF-8. A replaced file's permissions are kept. A writer is used from one
// thread at a time; separate writers may run on separate threads.
//
// Example usage:
//   redline::GeoPackageWriter out("result.gpkg", {"parcels.shp", "redline.gpkg"});
//   out.begin_layer("inside", layer.crs, layer.fields);
//   for (const auto& f : features) out.add_feature(f.geometry, f.values);
//   out.commit();
#include <memory>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/io/feature.h"
#include "redline/io/output_path.h"

namespace redline {

class REDLINE_EXPORT GeoPackageWriter {
 public:
  /// Prepares to write `path` for a run that reads `inputs` (the paths it was given), and
  /// creates the temporary file. Throws UsageError when the target is refused
  /// (check_output_target()), OutputError when it cannot be written.
  GeoPackageWriter(std::string path, std::vector<std::string> inputs);
  /// Removes the temporary file unless commit() succeeded.
  ~GeoPackageWriter();
  GeoPackageWriter(const GeoPackageWriter&) = delete;
  GeoPackageWriter& operator=(const GeoPackageWriter&) = delete;

  /// Starts a new layer; later add_feature() calls go to it. `fields` gives names and types of
  /// the values passed to add_feature(). Throws OutputError (e.g. a duplicate layer name); after
  /// any OutputError the writer is spent: every later call throws, and nothing is written.
  void begin_layer(const std::string& name, const Crs& crs, const std::vector<Field>& fields);
  /// Adds a feature to the current layer. Null or empty geometries are written as empty.
  /// REQUIRES: values.size() == fields.size() of the current layer.
  void add_feature(GeometryView geometry, const std::vector<Value>& values);
  /// Finishes the file, checks it and renames it to the target path. Throws OutputError (the
  /// target is then untouched), or UsageError when the target became unsuitable meanwhile.
  void commit();

  /// Returns the target path.
  const std::string& path() const noexcept { return path_; }

 private:
  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
