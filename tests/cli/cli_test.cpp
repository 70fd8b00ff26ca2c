// The `redline` binary as users run it: exit codes, messages, output formats, and inputs left
// byte-identical. Expected areas come from the oracles in tests/oracles/ or by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/version.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::data_path;
using test::run_cli;
using test::snapshot_files;

using test::contains;

double relative_difference(double value, double expected) {
  return std::fabs(value - expected) / std::fabs(expected);
}

// Runs redline on the shapefile tests/data/DIR/STEM.shp and checks that every file of it
// (.shp, .shx, .dbf, .prj, .cpg) is byte-identical afterwards.
CliResult run_on_shapefile(const std::string& dir, const std::string& stem,
                           std::vector<std::string> args) {
  const auto before = snapshot_files(data_path(dir), stem);
  EXPECT_GE(before.size(), 3u) << "no shapefile " << dir << "/" << stem;
  args.insert(args.begin() + 1, data_path(dir + "/" + stem + ".shp"));
  CliResult result = run_cli(args);
  EXPECT_EQ(snapshot_files(data_path(dir), stem), before) << stem << " was modified";
  return result;
}

nlohmann::json parse_json(const CliResult& r) {
  try {
    return nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << "not JSON (" << e.what() << "): " << r.out << r.err;
    return nlohmann::json::object();
  }
}

// /usr/bin/python3 tests/oracles/authalic_area_exact.py layer tests/data/area/parcels_4490.shp
// (the parcels of parcels_4527.shp on PROJ's lon/lat, geodesic areas evaluated with 40 digits;
// see tests/measure/area_test.cpp), by FID. GeographicLib's Planimeter
// (tests/oracles/area_planimeter.py ... --geographic) gives the same to its rounding, <= 5.5e-5 m².
constexpr double kParcelsExact[12] = {
    1670.8077333011672436, 2018.2470493467425472, 1866.403617835577283,  1758.3463333703137332,
    836.16966321543961584, 1272.2815164135317397, 1661.1175833115242591, 1161.8958913467115914,
    1603.3492071019533205, 481.94692156392827817, 1932.4078935960777052, 1049.6984190740995213};
// Their sum. Planimeter's "total" of the same command, 17312.671711229781, is 1.2e-4 m² (7e-9
// relative) below it: Karney's double rounding of ~3e-5 m² per edge, which redline's figure
// does not share.
constexpr double kParcelsTotal = 17312.671829477066838;

// make_test_data.py gives feature k the type HXLX[k % 3].
const char* const kTypes[3] = {"水源涵养", "生物多样性维护", "水土保持"};
double type_total_m2(int type) {
  double sum = 0.0;
  for (int k = type; k < 12; k += 3) sum += kParcelsExact[k];
  return sum;
}

TEST(CliArea, MissingPrjExitsTwoNamingFileAndSuggestingCrs) {
  const CliResult r = run_on_shapefile("io", "noprj_zone39", {"area"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, data_path("io/noprj_zone39.shp"))) << r.err;
  EXPECT_TRUE(contains(r.err, "--assume-crs EPSG:4527")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliArea, MissingPrjWithAssumedCrsMeasures) {
  const CliResult r =
      run_on_shapefile("io", "noprj_zone39", {"area", "--assume-crs", "EPSG:4527", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = parse_json(r);
  EXPECT_LE(relative_difference(j["total"].get<double>(), kParcelsTotal / 1e4), 1e-9);
}

TEST(CliArea, AssumedCrsAsProjString) {
  const CliResult r = run_on_shapefile(
      "io", "noprj_zone39",
      {"area", "--assume-crs",
       "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m",
       "--format", "json", "--unit", "m2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LE(relative_difference(parse_json(r)["total"].get<double>(), kParcelsTotal), 1e-9);
}

TEST(CliArea, GbkWithoutCpgGroupsByChineseField) {
  const CliResult r = run_on_shapefile(
      "io", "gbk_nocpg", {"area", "--encoding", "GBK", "--by", "红线类型", "--unit", "m2", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = parse_json(r);
  EXPECT_EQ(j["group_field"], "红线类型");
  ASSERT_EQ(j["groups"].size(), 3u);
  for (int t = 0; t < 3; ++t) {
    bool found = false;
    for (const auto& g : j["groups"]) {
      if (g["key"] == kTypes[t]) {
        found = true;
        EXPECT_LE(relative_difference(g["area"].get<double>(), type_total_m2(t)), 1e-9) << kTypes[t];
      }
    }
    EXPECT_TRUE(found) << kTypes[t] << " missing from " << r.out;
  }

  const CliResult table = run_on_shapefile("io", "gbk_nocpg", {"area", "--encoding", "GBK", "--by", "红线类型"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  for (const char* type : kTypes) EXPECT_TRUE(contains(table.out, type)) << table.out;
}

TEST(CliArea, GbkWithoutEncodingExitsTwoWithHint) {
  const CliResult r = run_on_shapefile("io", "gbk_nocpg", {"area"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "gbk_nocpg.shp")) << r.err;
  EXPECT_TRUE(contains(r.err, "--encoding GBK")) << r.err;
}

TEST(CliArea, SelfIntersectionRepairedWithAreaChangeReported) {
  // tests/data/io/bowtie.shp, by hand (make_test_data.py): the square is 10 000 m²; the bow
  // tie's lobes are 5000 + 2500 m² and its ring as drawn has a shoelace area of 2500 m², so
  // repair adds 5000 m². Planar, so that the figures are exact.
  const CliResult r = run_on_shapefile("io", "bowtie", {"area", "--method", "planar", "--unit", "m2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "17500.00")) << r.out;
  EXPECT_TRUE(contains(r.out, "1 invalid polygon(s): 1 repaired, 0 skipped")) << r.out;
  EXPECT_TRUE(contains(r.out, "repair changed the area by +5000.0000 m²")) << r.out;
  EXPECT_TRUE(contains(r.out, "feature 1: Self-intersection at (39398100.000, 2822650.000)")) << r.out;

  const CliResult j = run_on_shapefile("io", "bowtie", {"area", "--method", "planar", "--unit", "m2", "--format", "json"});
  const nlohmann::json json = parse_json(j);
  EXPECT_DOUBLE_EQ(json["total"].get<double>(), 17500.0);
  EXPECT_DOUBLE_EQ(json["read"]["repair_delta"].get<double>(), 5000.0);
  EXPECT_EQ(json["read"]["repaired"], 1);
}

TEST(CliArea, SelfIntersectionSkippedOrFailedOnRequest) {
  const CliResult skip = run_on_shapefile(
      "io", "bowtie", {"area", "--method", "planar", "--unit", "m2", "--invalid", "skip", "--format", "json"});
  ASSERT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_DOUBLE_EQ(parse_json(skip)["total"].get<double>(), 10000.0);  // the square alone

  const CliResult fail = run_on_shapefile("io", "bowtie", {"area", "--invalid", "fail"});
  EXPECT_EQ(fail.exit_code, 2);
  EXPECT_TRUE(contains(fail.err, "bowtie.shp: layer bowtie: feature 1: invalid polygon")) << fail.err;
}

TEST(CliArea, EmptyLayerIsZeroNotAnError) {
  // Decision: a polygon layer without features is a valid delivery whose area is 0.
  const CliResult r = run_on_shapefile("io", "empty", {"area", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = parse_json(r);
  EXPECT_EQ(j["total"].get<double>(), 0.0);
  EXPECT_EQ(j["features"], 0);
}

TEST(CliArea, LineLayerExitsTwo) {
  const CliResult r = run_on_shapefile("io", "lines", {"area"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "lines.shp: layer lines:")) << r.err;
  EXPECT_TRUE(contains(r.err, "Line String")) << r.err;
}

TEST(CliArea, NonexistentPathExitsTwoNamingIt) {
  const std::string path = data_path("io/does_not_exist.shp");
  const CliResult r = run_cli({"area", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, path)) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(CliArea, TruncatedShapefileExitsTwo) {
  const CliResult r = run_on_shapefile("io", "truncated", {"area"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "truncated.shp: layer truncated: feature 7")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliArea, ErrorMessagesAreOneLine) {
  for (const char* stem : {"noprj_zone39", "lines", "truncated", "gbk_nocpg", "ldid87_gbk"}) {
    const CliResult r = run_on_shapefile("io", stem, {"area"});
    EXPECT_EQ(r.exit_code, 2) << stem;
    ASSERT_FALSE(r.err.empty()) << stem;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << stem << ": " << r.err;
  }
}

TEST(CliArea, JsonHasTheContractKeys) {
  const CliResult r = run_on_shapefile("area", "parcels_4527", {"area", "--by", "HXLX", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = parse_json(r);
  EXPECT_EQ(j["unit"], "ha");
  EXPECT_EQ(j["method"], "ellipsoidal");
  EXPECT_EQ(j["features"], 12);
  ASSERT_TRUE(j["total"].is_number());
  EXPECT_LE(relative_difference(j["total"].get<double>(), kParcelsTotal / 1e4), 1e-9);
  ASSERT_TRUE(j["groups"].is_array());
  ASSERT_EQ(j["groups"].size(), 3u);
  double sum = 0.0;
  for (const auto& g : j["groups"]) {
    ASSERT_TRUE(g.contains("key") && g.contains("area")) << g.dump();
    sum += g["area"].get<double>();
  }
  EXPECT_LE(relative_difference(sum, j["total"].get<double>()), 1e-12);  // the groups add up
  EXPECT_LE(relative_difference(sum, kParcelsTotal / 1e4), 1e-10);

  // Without --by there are no groups.
  const CliResult plain = run_on_shapefile("area", "parcels_4527", {"area", "--format", "json"});
  EXPECT_FALSE(parse_json(plain).contains("groups"));
}

TEST(CliArea, UnitsAndMethodsInJson) {
  const CliResult mu = run_on_shapefile("area", "parcels_4527", {"area", "--unit", "亩", "--format", "json"});
  ASSERT_EQ(mu.exit_code, 0) << mu.err;
  const nlohmann::json j = parse_json(mu);
  EXPECT_EQ(j["unit"], "mu");
  EXPECT_LE(relative_difference(j["total"].get<double>(), kParcelsTotal * 15 / 1e4), 1e-9);  // 15 亩/ha

  const CliResult survey = run_on_shapefile("area", "parcels_4527", {"area", "--method", "survey", "--format", "json"});
  EXPECT_EQ(parse_json(survey)["method"], "survey");

  const CliResult bad = run_on_shapefile("area", "parcels_4527", {"area", "--unit", "acre"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, "acre")) << bad.err;
}

TEST(CliArea, CsvWithBomForExcel) {
  const CliResult bom = run_on_shapefile("area", "parcels_4527", {"area", "--by", "HXLX", "--format", "csv", "--bom"});
  ASSERT_EQ(bom.exit_code, 0) << bom.err;
  ASSERT_GE(bom.out.size(), 3u);
  EXPECT_EQ(bom.out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(bom.out.substr(3, bom.out.find("\r\n") - 3), "HXLX,features,area (ha),%");
  EXPECT_TRUE(contains(bom.out, "\r\n生物多样性维护,4,")) << bom.out;

  const CliResult plain = run_on_shapefile("area", "parcels_4527", {"area", "--format", "csv"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.substr(0, plain.out.find("\r\n")), "source,layer,features,area (ha)");
  // 17312.67 m² = 1.73 ha (oracle total, rounded as official tables round).
  EXPECT_TRUE(contains(plain.out, ",parcels_4527,12,1.73\r\n")) << plain.out;
}

TEST(CliArea, MarkdownTable) {
  const CliResult r = run_on_shapefile("area", "parcels_4527", {"area", "--by", "HXLX", "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "| HXLX | features | area (ha) | % |")) << r.out;
  EXPECT_TRUE(contains(r.out, "| --- | ---: | ---: | ---: |")) << r.out;
  EXPECT_TRUE(contains(r.out, "| total | 12 | 1.73 | 100.00 |")) << r.out;
}

TEST(CliInfo, JsonDescribesALayerWithoutCrs) {
  const CliResult r = run_on_shapefile("io", "noprj_zone39", {"info", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = parse_json(r);
  EXPECT_EQ(j["driver"], "ESRI Shapefile");
  ASSERT_EQ(j["layers"].size(), 1u);
  const nlohmann::json& layer = j["layers"][0];
  EXPECT_EQ(layer["name"], "noprj_zone39");
  EXPECT_EQ(layer["features"], 12);
  EXPECT_TRUE(layer["crs"].is_null());
  EXPECT_EQ(layer["crs_suggestion"], "EPSG:4527");
  EXPECT_TRUE(layer["polygonal"].get<bool>());
  EXPECT_EQ(layer["fields"][1]["name"], "HXLX");
  ASSERT_EQ(layer["extent"].size(), 4u);
  EXPECT_DOUBLE_EQ(layer["extent"][0].get<double>(), 39397972.472);  // ogrinfo -so: Extent
}

TEST(CliInfo, JsonOfUndecodableFieldNamesIsValid) {
  const CliResult r = run_on_shapefile("io", "gbk_nocpg", {"info", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json layer = parse_json(r)["layers"][0];
  EXPECT_EQ(layer["fields"][1]["name"], "\\xBA\\xEC\\xCF\\xDF\\xC0\\xE0\\xD0\\xCD");  // 红线类型 in GBK
  EXPECT_TRUE(contains(layer["problem"].get<std::string>(), "--encoding GBK"));

  const CliResult gbk = run_on_shapefile("io", "gbk_nocpg", {"info", "--encoding", "GBK", "--format", "json"});
  ASSERT_EQ(gbk.exit_code, 0) << gbk.err;
  const nlohmann::json decoded = parse_json(gbk)["layers"][0];
  EXPECT_EQ(decoded["fields"][1]["name"], "红线类型");
  EXPECT_EQ(decoded["encoding"], "GBK");
  EXPECT_EQ(decoded["problem"], "");
}

TEST(CliInfo, ListsEveryLayerOfAGeoPackage) {
  const CliResult r = run_cli({"info", data_path("io/two_layers.gpkg"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = parse_json(r);
  ASSERT_EQ(j["layers"].size(), 2u);
  EXPECT_EQ(j["layers"][0]["name"], "parcels");
  EXPECT_EQ(j["layers"][1]["name"], "reserves");
  EXPECT_EQ(j["layers"][0]["epsg"], 4527);
}

TEST(CliArea, TwoLayersWithoutLayerOptionExitsTwoListingThem) {
  const CliResult r = run_cli({"area", data_path("io/two_layers.gpkg")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "parcels, reserves")) << r.err;
  const CliResult chosen = run_cli({"area", data_path("io/two_layers.gpkg"), "--layer", "reserves"});
  EXPECT_EQ(chosen.exit_code, 0) << chosen.err;
}

TEST(Cli, HelpVersionAndUnknownOptions) {
  const CliResult help = run_cli({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(contains(help.out, "area")) << help.out;
  EXPECT_TRUE(contains(help.out, "info")) << help.out;

  const CliResult area_help = run_cli({"area", "--help"});
  EXPECT_EQ(area_help.exit_code, 0);
  for (const char* option : {"--layer", "--by", "--method", "--unit", "--format", "--assume-crs",
                             "--encoding", "--invalid", "--bom"}) {
    EXPECT_TRUE(contains(area_help.out, option)) << option;
  }

  const CliResult version = run_cli({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("redline ") + redline::version() + "\n");

  EXPECT_EQ(run_cli({"area", data_path("area/parcels_4527.shp"), "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run_cli({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(run_cli({}).exit_code, 2);
  EXPECT_EQ(run_cli({"area"}).exit_code, 2);  // LAYER missing
  EXPECT_EQ(run_cli({"area", data_path("area/parcels_4527.shp"), "--method", "guess"}).exit_code, 2);
  EXPECT_EQ(run_cli({"area", data_path("area/parcels_4527.shp"), "--format", "xml"}).exit_code, 2);
}

TEST(CliArea, HuichangCountyMatchesOfficialFigureAndPlanimeter) {
  const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
  ASSERT_TRUE(std::filesystem::exists(sample)) << sample << " missing: run samples/generate";
  const CliResult r = run_cli({"area", sample, "--layer", "county", "--unit", "km2", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const double km2 = parse_json(r)["total"].get<double>();
  // Official area (domain.md, county plan): 2711.83 km².
  EXPECT_LE(relative_difference(km2, 2711.83), 1e-3);
  // /usr/bin/python3 tests/oracles/area_planimeter.py samples/huichang/huichang.gpkg --layer county --zone 39     -> total 2710694433.7085152 (m²)
  EXPECT_LE(relative_difference(km2, 2710694433.7085152 / 1e6), 1e-9);
}

}  // namespace
}  // namespace redline
