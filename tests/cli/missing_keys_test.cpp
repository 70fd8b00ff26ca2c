// NULL, '' and NaN keys are never merged silently: grouping (area, coverage, tabulate) keeps the
// features without a value in a "(null)" group of their own, apart from empty text, and says so;
// drift never matches features by a missing key, not even two NULLs. Data made by
// tests/oracles/make_attribute_data.py (keys.gpkg: NULL and '' distinct; null_keys.shp: NaN).
// Every square is 100 m x 100 m: 10 000 m² by hand with --method planar.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/checks/check.h"
#include "redline/drift/drift.h"
#include "redline/io/layer.h"
#include "redline/measure/area_summary.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/tabulate.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::data_path;
using test::run_cli;
using test::snapshot_files;

constexpr double kSquareM2 = 10000.0;  // 100 m x 100 m, planar, by hand

using test::contains;

const std::string kKeys = data_path("io/attributes/keys.gpkg");

Layer read(const std::string& layer_name) {
  ReadOptions o;
  o.layer = layer_name;
  return read_layer(kKeys, o);
}

nlohmann::json run_json(const std::vector<std::string>& args) {
  const auto before = snapshot_files(data_path("io/attributes"), "keys");
  const CliResult r = run_cli(args);
  EXPECT_EQ(snapshot_files(data_path("io/attributes"), "keys"), before) << "keys.gpkg was modified";
  EXPECT_EQ(r.exit_code, 0) << r.err;
  try {
    return nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << "not JSON (" << e.what() << "): " << r.out << r.err;
    return nlohmann::json::object();
  }
}

TEST(MissingKeys, AreaGroupsKeepNullApartFromEmptyText) {
  AreaOptions o;
  o.method = AreaMethod::Planar;
  o.group_field = "HXLX";
  const AreaSummary s = summarize_areas(read("before"), o);
  ASSERT_EQ(s.groups.size(), 3u);
  EXPECT_EQ(s.groups[0].key, "");  // empty text
  EXPECT_FALSE(s.groups[0].null_key);
  EXPECT_EQ(s.groups[1].key, "水源涵养");
  EXPECT_TRUE(s.groups[2].null_key);  // the null group, last
  for (const GroupArea& g : s.groups) {
    EXPECT_EQ(g.features, 1u);
    EXPECT_NEAR(g.m2, kSquareM2, 1e-6);
  }
}

TEST(MissingKeys, NanIsTheNullGroupNotATextNan) {
  // null_keys.shp: R = 1.5 / NaN / NaN.
  AreaOptions o;
  o.group_field = "R";
  const AreaSummary s = summarize_areas(read_layer(data_path("io/attributes/null_keys.shp")), o);
  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].key, "1.5");
  EXPECT_TRUE(s.groups[1].null_key);
  EXPECT_EQ(s.groups[1].features, 2u);
}

TEST(MissingKeys, AreaCliLabelsTheNullGroupAndSaysWhy) {
  const nlohmann::json j =
      run_json({"area", kKeys, "--layer", "before", "--by", "HXLX", "--method", "planar", "--unit", "m2", "--format",
                "json"});
  ASSERT_EQ(j["groups"].size(), 3u);
  EXPECT_EQ(j["groups"][0]["key"], "");
  EXPECT_TRUE(j["groups"][2]["key"].is_null());
  EXPECT_NEAR(j["groups"][2]["area"].get<double>(), kSquareM2, 1e-6);

  const CliResult table = run_cli({"area", kKeys, "--layer", "before", "--by", "HXLX"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(contains(table.out, "(null)")) << table.out;
  EXPECT_TRUE(contains(table.out, "(empty)")) << table.out;
  EXPECT_TRUE(contains(table.out, "1 feature(s) without a HXLX value (null or NaN)")) << table.out;
}

TEST(MissingKeys, CoverageGroupsKeepNullApart) {
  CoverageOptions o;
  o.engine.method = AreaMethod::Planar;
  o.group_field = "HXLX";
  const CoverageResult r = compute_coverage(read("before"), read("after"), o);
  ASSERT_EQ(r.groups.size(), 3u);
  EXPECT_TRUE(r.groups[2].null_key);
  EXPECT_EQ(r.groups[2].features, 1u);
  EXPECT_NEAR(r.groups[1].inside_m2, kSquareM2, 1e-6);  // 水源涵养: square 0 is in both layers
  EXPECT_NEAR(r.groups[2].inside_m2, 0.0, 1e-6);        // square 1: not in AFTER
}

TEST(MissingKeys, TabulateKeepsNullZonesAndClassesApart) {
  TabulateOptions o;
  o.engine.method = AreaMethod::Planar;
  o.zone_field = "HXLX";
  o.class_field = "HXLX";
  const Layer before = read("before");
  const TabulateResult r = tabulate(before, before, o);
  ASSERT_EQ(r.zones.size(), 3u);
  EXPECT_TRUE(r.zones[2].null_key);
  EXPECT_EQ(r.zones[2].features, 1u);
  ASSERT_EQ(r.cells.size(), 3u);  // each square in its own class only
  for (const TabulateCell& c : r.cells) {
    EXPECT_EQ(c.zone, c.class_key);
    EXPECT_EQ(c.zone_null, c.class_null);
    EXPECT_NEAR(c.area_m2, kSquareM2, 1e-6);
  }
  EXPECT_TRUE(r.cells[2].zone_null);

  const nlohmann::json j = run_json({"tabulate", kKeys, kKeys, "--layer", "before", "--classes-layer", "before",
                                     "--zone-field", "HXLX", "--class-field", "HXLX", "--format", "json"});
  ASSERT_EQ(j["rows"].size(), 3u);
  EXPECT_TRUE(j["rows"][2]["zone"].is_null());
  EXPECT_TRUE(j["rows"][2]["class"].is_null());
  EXPECT_EQ(j["rows"][0]["zone"], "");
}

TEST(MissingKeys, CheckByGroupKeepsNullApartFromTheEmptyTextBaseline) {
  // A baseline for the group '' (empty text) is checked against the one feature with HXLX '',
  // 10 000 m²: it fails. Merging the NULL feature into it would make 20 000 m² and pass.
  CheckSpec s;
  s.kind = CheckKind::NotReduced;
  s.layer = {kKeys, "before"};
  s.by = "HXLX";
  s.group_baselines_m2 = {{"", 15000.0}, {"水源涵养", 10000.0}};
  s.method = AreaMethod::Planar;
  s.unit = AreaUnit::SquareMetre;
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  const nlohmann::json details = nlohmann::json::parse(r.details_json);
  ASSERT_EQ(details["groups"].size(), 3u);
  const auto& empty = details["groups"][0];
  EXPECT_EQ(empty["group"], "");
  EXPECT_NEAR(empty["value"].get<double>(), kSquareM2, 1e-6);
  EXPECT_FALSE(empty["passed"].get<bool>());
  const auto& null_group = details["groups"][2];
  EXPECT_TRUE(null_group["group"].is_null());
  EXPECT_NEAR(null_group["value"].get<double>(), kSquareM2, 1e-6);
  ASSERT_FALSE(r.findings.empty());
  bool named = false;
  for (const std::string& f : r.findings) named |= contains(f, "HXLX = (empty): 10000.00 m²");
  EXPECT_TRUE(named) << r.findings[0];
}

TEST(MissingKeys, DriftNeverMatchesFeaturesByAMissingKey) {
  // Squares 1 and 2 of BEFORE (BSM NULL and '') are gone; squares 3 and 4 of AFTER (the same
  // keys) are new. Matching NULL with NULL and '' with '' would report two modified features.
  DriftOptions o;
  o.method = AreaMethod::Planar;
  o.key_field = "BSM";
  const DriftResult r = compute_drift(read("before"), read("after"), o);
  EXPECT_EQ(r.features.matched, 1u);
  EXPECT_EQ(r.features.modified, 0u);
  EXPECT_EQ(r.features.removed, 2u);
  EXPECT_EQ(r.features.added, 2u);
  EXPECT_EQ(r.features.missing_keys_before, 2u);
  EXPECT_EQ(r.features.missing_keys_after, 2u);
  EXPECT_EQ(r.features.duplicate_keys, 0u);
  EXPECT_NEAR(r.lost_m2, 2 * kSquareM2, 1e-6);
  EXPECT_NEAR(r.gained_m2, 2 * kSquareM2, 1e-6);
  bool noted = false;
  for (const std::string& n : r.notes) noted |= contains(n, "2 BEFORE and 2 AFTER feature(s) have no BSM value");
  EXPECT_TRUE(noted);

  const nlohmann::json j = run_json({"drift", kKeys, kKeys, "--before-layer", "before", "--after-layer", "after",
                                     "--key", "BSM", "--format", "json"});
  EXPECT_EQ(j["features"]["missing_keys_before"], 2);
  EXPECT_EQ(j["features"]["matched"], 1);
  EXPECT_EQ(j["features"]["removed"], 2);
}

TEST(MissingKeys, DriftTellsAValueThatBecameNullFromEmptyText) {
  // BEFORE's FID 3 has HXLX '' and AFTER's FID 2 has HXLX NULL: matched by geometry they would
  // not be (different squares), so compare a layer with itself read twice, then with the
  // attribute of one feature changed from '' to NULL.
  Layer before = read("before");
  Layer after = before.clone();
  const std::size_t hxlx = after.field_index("HXLX");
  after.features[2].values[hxlx] = std::monostate{};  // '' -> NULL
  DriftOptions o;
  o.method = AreaMethod::Planar;
  o.class_field = "HXLX";
  const DriftResult r = compute_drift(before, after, o);
  EXPECT_EQ(r.features.modified_attributes, 1u);
  // The class changed from '' to null: 10 000 m² reclassified, not "no change".
  ASSERT_EQ(r.reclassified.size(), 1u);
  EXPECT_EQ(r.reclassified[0].from, "");
  EXPECT_EQ(r.reclassified[0].to, "(null)");
  EXPECT_NEAR(r.reclassified[0].m2, kSquareM2, 1e-6);
}

}  // namespace
}  // namespace redline
