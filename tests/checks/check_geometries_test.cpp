// The geometry each check kind keeps for its map (CheckRunOptions::keep_geometries): the pieces
// behind the figure, compared with GeoPandas/shapely on the sample county.
//
// Oracle: /usr/bin/python3 tests/oracles/check_maps_oracle.py samples/huichang/huichang.gpkg
// (planar areas in m², lengths in m, EPSG:4527):
//   removed_m2 18809024.696 (the 2 features only in redline: BSM 36073321000039, ...57)
//   reclass_m2 29865429.333 (redline ∩ redline_2024 where HXLX differs)
//   wetlands_outside_m2 19282067.036, wetlands_inside_m2 30655986.760 (wetlands vs union(reserves))
//   shoreline_counted 104, shoreline_uncounted 25 (GNFQ in 岸线保护区, 岸线保留区 or not)
//   line_outside_m 178426.372 (shoreline_line not in the interior of union(redline): along its
//   boundary is outside)
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"

namespace redline {
namespace {

using namespace test;  // kSample, not_reduced_since

CheckResult kept(const CheckSpec& spec) {
  CheckRunOptions options;
  options.read.threads = 2;
  options.keep_geometries = true;
  return run_checks({spec}, options)[0];
}

// A min-share check of the sample's `layer` inside `within` that fails: it asks for 99 %.
CheckSpec min_share_of_99(const std::string& layer, const std::string& within) {
  CheckSpec s;
  s.kind = CheckKind::MinShare;
  s.layer = {kSample, layer};
  s.within = LayerRef{kSample, within};
  s.min_percent = 99;
  return s;
}

double planar_area(const std::vector<CheckPiece>& pieces) {
  return std::accumulate(pieces.begin(), pieces.end(), 0.0,
                         [](double sum, const CheckPiece& p) { return sum + p.piece.planar_area(); });
}

double figures(const std::vector<CheckPiece>& pieces) {
  return std::accumulate(pieces.begin(), pieces.end(), 0.0, [](double sum, const CheckPiece& p) { return sum + p.figure; });
}

TEST(CheckGeometries, NotKeptUnlessAsked) {
  CheckSpec s = not_reduced_since(kSample, "redline_2024", "redline");
  s.key = "BSM";
  CheckRunOptions options;
  options.read.threads = 2;
  EXPECT_FALSE(run_checks({s}, options)[0].geometries);
}

TEST(CheckGeometries, ConflictGeometriesOnlyKeepNoOtherKinds) {
  CheckSpec reduced = not_reduced_since(kSample, "redline_2024", "redline");
  reduced.key = "BSM";
  CheckSpec inside;
  inside.kind = CheckKind::MaxInside;
  inside.layer = {kSample, "mines"};
  inside.within = LayerRef{kSample, "redline"};
  inside.max_area_m2 = 0.0;
  CheckRunOptions options;
  options.read.threads = 2;
  options.keep_conflict_geometries = true;  // what --out needs: no copy of the red line
  const std::vector<CheckResult> r = run_checks({reduced, inside}, options);
  EXPECT_FALSE(r[0].geometries);
  ASSERT_TRUE(r[1].geometries);
  EXPECT_EQ(r[1].geometries->inside.size(), 6u);  // the 6 mines inside the red line (indicators.toml, check 14)
}

TEST(CheckGeometries, NotReducedKeepsTheRemovedFeaturesAsLost) {
  CheckSpec s = not_reduced_since(kSample, "redline_2024", "redline");
  s.key = "BSM";
  const CheckResult r = kept(s);
  ASSERT_TRUE(r.geometries);
  const CheckGeometries& g = *r.geometries;
  EXPECT_EQ(g.unit, "ha");
  EXPECT_TRUE(g.crs.label().find("4527") != std::string::npos) << g.crs.label();
  std::vector<CheckPiece> removed;
  for (const CheckPiece& p : g.lost) {
    EXPECT_TRUE(p.with == "removed" || p.with == "shrunk") << p.with;
    if (p.first == "36073321000039" || p.first == "36073321000057") removed.push_back({"", "", "", 0, p.piece.clone()});
  }
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_NEAR(planar_area(removed), 18809024.696, 1.0);
  // The lost pieces' figures are the details' "lost" (ha).
  EXPECT_NEAR(figures(g.lost), details(r)["lost"].get<double>(), 1e-6);
  // The 7 added features are gained, each under its own key.
  std::set<std::string> gained;
  for (const CheckPiece& p : g.gained) gained.insert(p.first);
  for (const char* bsm : {"36073321000059", "36073321000060", "36073321000061", "36073321000062", "36073321000063",
                          "36073321000064", "36073321000065"}) {
    EXPECT_TRUE(gained.count(bsm)) << bsm;
  }
  // The layer for context: every feature of redline_2024, by key.
  EXPECT_EQ(g.layer.size(), details(r)["features"].get<std::size_t>());
  EXPECT_TRUE(g.reclassified.empty() && g.overlaps.empty());
}

TEST(CheckGeometries, NotReducedWithoutAPreviousVersionKeepsTheLayer) {
  CheckSpec s = not_reduced(kSample, "redline");
  s.baseline_m2 = 1e12;  // fails: the map is the layer itself
  const CheckResult r = kept(s);
  EXPECT_FALSE(r.passed);
  ASSERT_TRUE(r.geometries);
  EXPECT_EQ(r.geometries->layer.size(), details(r)["features"].get<std::size_t>());
  EXPECT_TRUE(r.geometries->lost.empty() && r.geometries->gained.empty());
}

TEST(CheckGeometries, NatureUnchangedKeepsTheReclassifiedPieces) {
  CheckSpec s = not_reduced_since(kSample, "redline_2024", "redline");
  s.kind = CheckKind::NatureUnchanged;
  s.field = "HXLX";
  s.key = "BSM";
  const CheckResult r = kept(s);
  EXPECT_FALSE(r.passed);
  ASSERT_TRUE(r.geometries);
  const CheckGeometries& g = *r.geometries;
  ASSERT_FALSE(g.reclassified.empty());
  for (const CheckPiece& p : g.reclassified) {
    EXPECT_EQ(p.with, "changed");
    EXPECT_NE(p.first, p.second);
  }
  EXPECT_NEAR(planar_area(g.reclassified), 29865429.333, 30.0);  // 1e-6 of it: pieces cut on the 1 mm grid
  EXPECT_NEAR(figures(g.reclassified), r.value, 0.01);
}

TEST(CheckGeometries, FunctionNotLoweredMarksEachPieceByDirection) {
  CheckSpec s = not_reduced_since(kSample, "reserves_2024", "reserves");
  s.kind = CheckKind::FunctionNotLowered;
  s.field = "GNFQ";
  s.order = {"核心区", "缓冲区", "实验区"};
  s.key = "BSM";
  const CheckResult r = kept(s);
  ASSERT_TRUE(r.geometries);
  double lowered = 0.0;
  for (const CheckPiece& p : r.geometries->reclassified) {
    const auto rank = [&](const std::string& v) { return std::find(s.order.begin(), s.order.end(), v) - s.order.begin(); };
    EXPECT_EQ(p.with, rank(p.second) > rank(p.first) ? "lowered" : "raised") << p.first << " → " << p.second;
    if (p.with != "raised") lowered += p.figure;
  }
  EXPECT_GT(lowered, 0.0);
  EXPECT_NEAR(lowered, r.value, 0.01);  // the lowered pieces are the figure
}

TEST(CheckGeometries, MinShareKeepsTheWetlandsOutsideTheReserves) {
  const CheckResult r = kept(min_share_of_99("wetlands", "reserves"));
  EXPECT_FALSE(r.passed);
  ASSERT_TRUE(r.geometries);
  const CheckGeometries& g = *r.geometries;
  EXPECT_NEAR(planar_area(g.outside), 19282067.036, 20.0);
  EXPECT_NEAR(planar_area(g.inside), 30655986.760, 30.0);
  EXPECT_EQ(g.cover.size(), 7u);  // the reserves, for context
  EXPECT_NEAR(figures(g.inside), details(r)["inside"].get<double>(), 1e-6);
}

TEST(CheckGeometries, ShareOfZonesSplitsTheFeaturesByZone) {
  CheckSpec s;
  s.kind = CheckKind::ShareOfZones;
  s.layer = {kSample, "shoreline"};
  s.min_percent = 84.7;
  const CheckResult r = kept(s);
  ASSERT_TRUE(r.geometries);
  EXPECT_EQ(r.geometries->counted.size(), 104u);
  EXPECT_EQ(r.geometries->uncounted.size(), 25u);
  for (const CheckPiece& p : r.geometries->uncounted) {
    EXPECT_TRUE(p.first != "岸线保护区" && p.first != "岸线保留区") << p.first;
  }
}

TEST(CheckGeometries, MinShareByLengthKeepsTheLinesOutside) {
  CheckSpec s = min_share_of_99("shoreline_line", "redline");
  s.measure = CheckMeasure::Length;
  const CheckResult r = kept(s);
  ASSERT_TRUE(r.geometries);
  const CheckGeometries& g = *r.geometries;
  EXPECT_EQ(g.unit, "km");
  double outside_m = 0.0;
  for (const CheckPiece& p : g.outside) outside_m += p.piece.planar_length();
  EXPECT_NEAR(outside_m, 178426.372, 1.0);
  EXPECT_NEAR(figures(g.inside), details(r)["inside"].get<double>(), 1e-6);
}

}  // namespace
}  // namespace redline
