// compute_drift() on small hand-made versions (tests/data/drift/versions.gpkg, written by
// tests/oracles/drift_make_data.py) and on the sample county.
//
// Expected figures come from the GeoPandas/pyproj oracle, e.g.
//   /usr/bin/python3 tests/oracles/drift_geopandas.py tests/data/drift/versions.gpkg:base tests/data/drift/versions.gpkg:edited --key BSM --class-field HXLX
// (printed in ha; written here in m²).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "redline/crs/crs.h"
#include "redline/drift/drift.h"
#include "redline/drift/drift_writer.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

const std::string kVersions = test::data_path("drift/versions.gpkg");
// The features tests/oracles/drift_make_data.py changes between `base` and `edited`.
const std::string kRemoved = "36073321000005", kReclassified = "36073321000007", kExpanded = "36073321000010",
                  kShrunk = "36073321000003", kAdded = "36073321000015";

Layer versions(const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(kVersions, o);
}

const FeatureDrift* change_of(const DriftResult& r, const std::string& key) {
  for (const FeatureDrift& f : r.changes) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const Reclassification* reclass_of(const DriftResult& r, const std::string& from, const std::string& to) {
  for (const Reclassification& rc : r.reclassified) {
    if (rc.from == from && rc.to == to) return &rc;
  }
  return nullptr;
}

// Tolerances: the oracle measures the exact set differences with floating-point overlays; the
// edge-by-edge measure of re-exported features may exceed each of gained and lost by the folds
// at vertices (shift² per vertex, ~1e-7 m² here).
constexpr double kAreaTol = 1e-3;  // m²

TEST(Drift, RoundingToOneMillimetreIsAllNoise) {
  DriftOptions o;
  o.key_field = "BSM";
  DriftResult r = compute_drift(versions("base"), versions("rounded"), o);
  // Oracle (base → rounded): gained 0.650647 m², lost 0.596154 m², every piece noise.
  EXPECT_NEAR(r.before_m2, 558160.145024, kAreaTol);
  EXPECT_NEAR(r.after_m2, 558160.199595, kAreaTol);
  EXPECT_NEAR(r.gained_m2, 0.650647, kAreaTol);
  EXPECT_NEAR(r.lost_m2, 0.596154, kAreaTol);
  EXPECT_EQ(r.gained_real_m2(), 0.0);
  EXPECT_EQ(r.lost_real_m2(), 0.0);
  EXPECT_EQ(r.gained_noise_m2, r.gained_m2);
  EXPECT_EQ(r.lost_noise_m2, r.lost_m2);
  EXPECT_EQ(r.gained_pieces, 0u);
  EXPECT_EQ(r.lost_pieces, 0u);
  EXPECT_EQ(r.features.matched, 14u);
  EXPECT_EQ(r.features.modified, 0u);
  EXPECT_TRUE(r.changes.empty());
  // Recognised without a single overlay; shifts are at most √2/2 mm.
  EXPECT_EQ(r.work.within_shift, 14u);
  EXPECT_EQ(r.work.overlaid, 0u);
  EXPECT_LE(r.work.max_shift, 0.000708);
}

TEST(Drift, IdenticalVersionsCostNothing) {
  DriftResult r = compute_drift(versions("base"), versions("base"), {});
  EXPECT_EQ(r.work.identical, 14u);
  EXPECT_EQ(r.work.overlaid, 0u);
  EXPECT_EQ(r.gained_m2, 0.0);
  EXPECT_EQ(r.lost_m2, 0.0);
  EXPECT_EQ(r.delta_m2(), 0.0);
  EXPECT_EQ(r.features.matched, 14u);
  EXPECT_TRUE(r.changes.empty());
}

TEST(Drift, RoundingMeasuredByOverlaysGivesTheSameNoise) {
  DriftOptions o;
  o.key_field = "BSM";
  o.fast_shift = 0;  // every feature through OverlayNG
  DriftResult r = compute_drift(versions("base"), versions("rounded"), o);
  EXPECT_EQ(r.work.overlaid, 28u);
  EXPECT_NEAR(r.gained_m2, 0.650647, kAreaTol);
  EXPECT_NEAR(r.lost_m2, 0.596154, kAreaTol);
  EXPECT_EQ(r.gained_real_m2(), 0.0);
  EXPECT_EQ(r.lost_real_m2(), 0.0);
  EXPECT_EQ(r.features.modified, 0u);
}

TEST(Drift, RemovedAndAddedPolygons) {
  DriftOptions o;
  o.key_field = "BSM";
  DriftResult r = compute_drift(versions("base"), versions("edited"), o);
  // Oracle (base → edited): gained 79522.315894 m² (2 real pieces, 0.605159 m² noise),
  // lost 42660.120993 m² (2 real pieces, 0.655832 m² noise).
  EXPECT_NEAR(r.after_m2, 595022.339959, kAreaTol);
  EXPECT_NEAR(r.gained_m2, 79522.315894, kAreaTol);
  EXPECT_NEAR(r.lost_m2, 42660.120993, kAreaTol);
  EXPECT_NEAR(r.gained_noise_m2, 0.605159, kAreaTol);
  EXPECT_NEAR(r.lost_noise_m2, 0.655832, kAreaTol);
  EXPECT_EQ(r.gained_pieces, 2u);
  EXPECT_EQ(r.lost_pieces, 2u);
  EXPECT_EQ(r.features.added, 1u);
  EXPECT_EQ(r.features.removed, 1u);
  const FeatureDrift* removed = change_of(r, kRemoved);
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->change, FeatureChange::Removed);
  EXPECT_EQ(removed->after_fid, -1);
  EXPECT_NEAR(removed->before_m2, 38822.408927, kAreaTol);  // pyproj geodesic area of the block
  const FeatureDrift* added = change_of(r, kAdded);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->change, FeatureChange::Added);
  EXPECT_EQ(added->before_fid, -1);
  EXPECT_NEAR(added->after_m2, 39733.359645, kAreaTol);
}

TEST(Drift, KeyMatchingTellsGeometryFromAttributeChanges) {
  DriftOptions o;
  o.key_field = "BSM";
  DriftResult r = compute_drift(versions("base"), versions("edited"), o);
  EXPECT_EQ(r.features.matched_by, "key");
  EXPECT_EQ(r.features.matched, 13u);
  EXPECT_EQ(r.features.modified, 3u);
  EXPECT_EQ(r.features.modified_geometry, 2u);
  EXPECT_EQ(r.features.modified_attributes, 1u);
  EXPECT_EQ(r.features.modified_both, 0u);
  EXPECT_EQ(r.changes.size(), 5u);  // 3 modified, 1 added, 1 removed; the re-exported 10 are unchanged

  const FeatureDrift* expanded = change_of(r, kExpanded);
  ASSERT_NE(expanded, nullptr);
  EXPECT_EQ(expanded->change, FeatureChange::Geometry);
  // pyproj geodesic areas: 39974.547559 m² before, 79762.920189 m² after.
  EXPECT_NEAR(expanded->delta_m2(), 79762.920189 - 39974.547559, kAreaTol);
  EXPECT_GT(expanded->gained_m2, 39000.0);  // the block it took in (~3.98 ha)
  EXPECT_EQ(expanded->lost_m2, 0.0);        // its old boundary moved by noise only

  const FeatureDrift* shrunk = change_of(r, kShrunk);
  ASSERT_NE(shrunk, nullptr);
  EXPECT_EQ(shrunk->change, FeatureChange::Geometry);
  EXPECT_NEAR(shrunk->delta_m2(), 36023.259299 - 39860.435999, kAreaTol);
  EXPECT_EQ(shrunk->gained_m2, 0.0);

  const FeatureDrift* reclassified = change_of(r, kReclassified);
  ASSERT_NE(reclassified, nullptr);
  EXPECT_EQ(reclassified->change, FeatureChange::Attributes);
  EXPECT_EQ(reclassified->changed_fields, std::vector<std::string>{"HXLX"});
}

TEST(Drift, ReclassificationFromTo) {
  DriftOptions o;
  o.key_field = "BSM";
  o.class_field = "HXLX";
  // rounded → edited: the same coordinates where nothing changed, so no noise at all.
  DriftResult r = compute_drift(versions("rounded"), versions("edited"), o);
  ASSERT_EQ(r.reclassified.size(), 1u);
  EXPECT_EQ(r.reclassified[0].from, "水源涵养");
  EXPECT_EQ(r.reclassified[0].to, "水土保持");
  EXPECT_NEAR(r.reclassified[0].m2, 39961.982044, kAreaTol);  // oracle: intersection, class differs
  EXPECT_EQ(r.reclassified[0].noise_m2, 0.0);
  EXPECT_EQ(r.work.identical, 11u);

  // base → edited: the same real area, and the 1 mm slivers where classes meet as noise.
  DriftResult n = compute_drift(versions("base"), versions("edited"), o);
  const Reclassification* real = reclass_of(n, "水源涵养", "水土保持");
  ASSERT_NE(real, nullptr);
  EXPECT_NEAR(real->m2, 39961.915208, kAreaTol);
  EXPECT_NEAR(real->noise_m2, 0.051641, kAreaTol);
  const Reclassification* sliver = reclass_of(n, "水土保持", "生物多样性维护");
  ASSERT_NE(sliver, nullptr);
  EXPECT_EQ(sliver->m2, 0.0);
  EXPECT_NEAR(sliver->noise_m2, 0.119130, kAreaTol);
  EXPECT_NEAR(n.reclassified_m2(), 39961.915208, kAreaTol);
}

TEST(Drift, WithoutKeyFeaturesAreMatchedByGeometry) {
  DriftResult r = compute_drift(versions("base"), versions("edited"), {});
  EXPECT_EQ(r.features.matched_by, "geometry");
  EXPECT_EQ(r.features.matched, 13u);  // 11 within the shift, the expanded and shrunk by overlap
  EXPECT_EQ(r.features.added, 1u);
  EXPECT_EQ(r.features.removed, 1u);
  EXPECT_EQ(r.features.modified_geometry, 2u);
  EXPECT_EQ(r.features.modified_attributes, 1u);
  EXPECT_NEAR(r.gained_m2, 79522.315894, kAreaTol);
  EXPECT_NEAR(r.lost_m2, 42660.120993, kAreaTol);
}

TEST(Drift, ThreadCountDoesNotChangeFigures) {
  DriftOptions o;
  o.key_field = "BSM";
  o.class_field = "HXLX";
  Layer before = versions("base"), after = versions("edited");
  std::map<unsigned, DriftResult> runs;
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    o.threads = threads;
    runs.emplace(threads, compute_drift(before, after, o));
  }
  const DriftResult& one = runs.at(1);
  for (const auto& [threads, r] : runs) {
    SCOPED_TRACE(threads);
    EXPECT_EQ(r.gained_m2, one.gained_m2);
    EXPECT_EQ(r.lost_m2, one.lost_m2);
    EXPECT_EQ(r.gained_noise_m2, one.gained_noise_m2);
    EXPECT_EQ(r.lost_noise_m2, one.lost_noise_m2);
    EXPECT_EQ(r.before_m2, one.before_m2);
    ASSERT_EQ(r.reclassified.size(), one.reclassified.size());
    for (std::size_t k = 0; k < r.reclassified.size(); ++k) {
      EXPECT_EQ(r.reclassified[k].m2, one.reclassified[k].m2);
      EXPECT_EQ(r.reclassified[k].noise_m2, one.reclassified[k].noise_m2);
    }
  }
}

TEST(Drift, AfterInAnotherCrsIsTransformedFirst) {
  DriftOptions o;
  o.key_field = "BSM";
  // base_cm117 is base in EPSG:4548, the same projection without the zone prefix.
  DriftResult r = compute_drift(versions("base"), versions("base_cm117"), o);
  EXPECT_EQ(r.gained_real_m2(), 0.0);
  EXPECT_EQ(r.lost_real_m2(), 0.0);
  EXPECT_LT(r.gained_m2, 1e-4);
  EXPECT_EQ(r.features.modified, 0u);
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes[0].find("EPSG:4548"), std::string::npos);
}

TEST(Drift, GeographicLayersAreComparedInMetres) {
  DriftOptions o;
  o.key_field = "BSM";
  // base and edited in CGCS2000 degrees: the same figures as in Gauss-Krüger (oracle on the
  // projected layers: gained 79522.315894 m², lost 42660.120993 m²), up to the few 1e-5 m²
  // by which straight edges in one projection differ from straight edges in another.
  DriftResult r = compute_drift(versions("base_4490"), versions("edited_4490"), o);
  EXPECT_NEAR(r.gained_m2, 79522.315894, 0.01);
  EXPECT_NEAR(r.lost_m2, 42660.120993, 0.01);
  EXPECT_NEAR(r.gained_noise_m2, 0.605159, 0.01);
  EXPECT_EQ(r.gained_pieces, 2u);
  EXPECT_TRUE(r.crs.is_projected());
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes[0].find("in degrees"), std::string::npos);
}

TEST(Drift, NothingInCommon) {
  DriftOptions o;
  o.key_field = "BSM";
  DriftResult r = compute_drift(versions("base"), versions("far"), o);
  EXPECT_NEAR(r.lost_m2, r.before_m2, kAreaTol);
  EXPECT_NEAR(r.gained_m2, r.after_m2, kAreaTol);
  EXPECT_EQ(r.features.removed, 14u);
  EXPECT_EQ(r.features.added, 1u);
}

// A layer built in memory from WKT, in EPSG:4527.
Layer wkt_layer(const std::vector<std::string>& wkts) {
  Layer layer;
  layer.source = "memory";
  layer.name = "test";
  layer.crs = Crs::from_user_input("EPSG:4527");
  for (std::size_t i = 0; i < wkts.size(); ++i) {
    layer.features.push_back(Feature{static_cast<std::int64_t>(i + 1), Geometry::from_wkt(wkts[i]), {}, {}});
  }
  return layer;
}

TEST(Drift, OverlapWithinAVersionCountsOnce) {
  // Two AFTER squares of 100 m overlapping by half, where BEFORE has one square of the first.
  // Gained is the union minus BEFORE: the 50 m x 100 m strip, once. pyproj geodesic areas:
  // union 14997.160181 m², first square 9998.105707 m², second 9998.107868 m².
  const std::string a = "POLYGON((39412345 2831234,39412445 2831234,39412445 2831334,39412345 2831334,39412345 2831234))";
  const std::string b = "POLYGON((39412395 2831234,39412495 2831234,39412495 2831334,39412395 2831334,39412395 2831234))";
  DriftResult r = compute_drift(wkt_layer({a}), wkt_layer({a, b}), {});
  EXPECT_NEAR(r.gained_m2, 14997.160181 - 9998.105707, 1e-3);
  EXPECT_EQ(r.gained_pieces, 1u);
  EXPECT_EQ(r.lost_m2, 0.0);
  // after − before is not gained − lost here: AFTER counts the overlap twice in its sum.
  EXPECT_NEAR(r.after_m2, 9998.105707 + 9998.107868, 1e-3);
}

TEST(Drift, UnknownFieldsAndBadTolerancesAreUsageErrors) {
  Layer before = versions("base"), after = versions("edited");
  DriftOptions o;
  o.key_field = "NOPE";
  EXPECT_THROW(compute_drift(before, after, o), UsageError);
  o = {};
  o.class_field = "NOPE";
  EXPECT_THROW(compute_drift(before, after, o), UsageError);
  o = {};
  o.sliver_width = 0;
  EXPECT_THROW(compute_drift(before, after, o), UsageError);
  o = {};
  o.sliver_area = -1;
  EXPECT_THROW(compute_drift(before, after, o), UsageError);
}

TEST(Drift, WritesRealPiecesAsGainedLostAndReclassifiedLayers) {
  DriftOptions o;
  o.key_field = "BSM";
  o.class_field = "HXLX";
  o.collect_geometries = true;
  DriftResult r = compute_drift(versions("base"), versions("edited"), o);
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

// The sample's two red-line versions, against the oracle:
//   /usr/bin/python3 tests/oracles/drift_geopandas.py samples/huichang/huichang.gpkg:redline samples/huichang/huichang.gpkg:redline_2024 --key BSM --class-field HXLX
TEST(Drift, SampleRedlineVersionsAgreeWithGeoPandas) {
  const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
  ASSERT_TRUE(std::filesystem::exists(sample)) << "committed sample missing: " << sample;
  ReadOptions ro;
  ro.layer = "redline";
  Layer before = read_layer(sample, ro);
  ro.layer = "redline_2024";
  Layer after = read_layer(sample, ro);
  DriftOptions o;
  o.key_field = "BSM";
  o.class_field = "HXLX";
  DriftResult r = compute_drift(before, after, o);
  constexpr double ha = 1e4, tol = 0.01 * ha;  // the bar: 0.01 ha (measured: < 0.07 m²)
  EXPECT_NEAR(r.before_m2, 75606.015778 * ha, tol);
  EXPECT_NEAR(r.after_m2, 76005.177268 * ha, tol);
  EXPECT_NEAR(r.gained_m2, 2279.460613 * ha, tol);
  EXPECT_NEAR(r.lost_m2, 1880.299123 * ha, tol);
  EXPECT_NEAR(r.gained_noise_m2, 0.012408 * ha, tol);
  EXPECT_NEAR(r.lost_noise_m2, 0.012238 * ha, tol);
  EXPECT_EQ(r.gained_pieces, 8u);
  EXPECT_EQ(r.lost_pieces, 2u);
  const Reclassification* a = reclass_of(r, "水土保持", "水源涵养");
  const Reclassification* b = reclass_of(r, "水土保持", "生物多样性维护");
  const Reclassification* c = reclass_of(r, "水源涵养", "水土保持");
  ASSERT_TRUE(a && b && c);
  EXPECT_NEAR(a->m2, 1225.752268 * ha, tol);
  EXPECT_NEAR(b->m2, 1012.023072 * ha, tol);
  EXPECT_NEAR(c->m2, 747.757179 * ha, tol);
  EXPECT_NEAR(r.reclassified_m2(), (1225.752268 + 1012.023072 + 747.757179) * ha, tol);
  EXPECT_EQ(r.features.matched, 56u);
  EXPECT_EQ(r.features.added, 7u);
  EXPECT_EQ(r.features.removed, 2u);
  EXPECT_EQ(r.features.modified_geometry, 1u);
  EXPECT_EQ(r.features.modified_attributes, 3u);
  // The re-exported polygons are recognised without overlay.
  EXPECT_EQ(r.work.within_shift, 55u);
}

}  // namespace
}  // namespace redline
