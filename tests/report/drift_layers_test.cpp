// write_drift_layers(): the real pieces of a drift as three GeoPackage layers, on the small
// hand-made versions (tests/data/drift/versions.gpkg, written by tests/oracles/drift_make_data.py).
// Expected figures from the GeoPandas/pyproj oracle:
//   /usr/bin/python3 tests/oracles/drift_geopandas.py tests/data/drift/versions.gpkg:base tests/data/drift/versions.gpkg:edited --key BSM --class-field HXLX
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <variant>
#include <vector>

#include "redline/drift/drift.h"
#include "redline/io/layer.h"
#include "redline/report/drift_layers.h"
#include "support/test_support.h"

namespace redline {
namespace {

TEST(DriftLayers, WritesRealPiecesAsGainedLostAndReclassifiedLayers) {
  DriftOptions o;
  o.key_field = "BSM";
  o.class_field = "HXLX";
  o.collect_geometries = true;
  const std::string versions = test::data_path("drift/versions.gpkg");
  ReadOptions base, edited;
  base.layer = "base";
  edited.layer = "edited";
  DriftResult r = compute_drift(read_layer(versions, base), read_layer(versions, edited), o);
  const std::string path = test::work_dir("drift_out") + "/drift.gpkg";
  write_drift_layers(r, path, AreaUnit::Hectare);
  EXPECT_EQ(list_layers(path), (std::vector<std::string>{"gained", "lost", "reclassified"}));

  auto read = [&](const std::string& name) {
    ReadOptions ro;
    ro.layer = name;
    return read_layer(path, ro);
  };
  Layer gained = read("gained"), lost = read("lost"), reclassified = read("reclassified");
  ASSERT_EQ(gained.features.size(), 2u);
  ASSERT_EQ(lost.features.size(), 2u);
  ASSERT_EQ(reclassified.features.size(), 1u);
  const std::size_t change = gained.field_index("change"), area = gained.field_index("area_ha");
  std::multiset<std::string> gained_changes, lost_changes;
  double gained_ha = 0;
  for (const Feature& f : gained.features) {
    gained_changes.insert(std::get<std::string>(f.values[change]));
    gained_ha += std::get<double>(f.values[area]);
  }
  for (const Feature& f : lost.features) lost_changes.insert(std::get<std::string>(f.values[change]));
  EXPECT_EQ(gained_changes, (std::multiset<std::string>{"added", "expanded"}));
  EXPECT_EQ(lost_changes, (std::multiset<std::string>{"removed", "shrunk"}));
  EXPECT_NEAR(gained_ha, (79522.315894 - 0.605159) / 1e4, 1e-6);  // oracle: real gained pieces
  const Feature& rc = reclassified.features[0];
  EXPECT_EQ(std::get<std::string>(rc.values[reclassified.field_index("class_from")]), "水源涵养");
  EXPECT_EQ(std::get<std::string>(rc.values[reclassified.field_index("class_to")]), "水土保持");
}

}  // namespace
}  // namespace redline
