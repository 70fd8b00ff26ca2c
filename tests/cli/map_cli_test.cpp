// `--map FILE.png|svg|pdf` as a person would use it, and as a hostile one would: the map is
// written, the report on stdout is unchanged, and a target that is an input, a folder, a FIFO,
// an unknown format (exit 2), or in a folder that cannot be written (exit 3) is refused with one
// line before any work, leaving the inputs byte-identical and nothing behind.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

// A private copy of the sample, so the test can tell it was left alone.
std::string sample_copy(const std::string& dir) {
  const std::string copy = dir + "/huichang.gpkg";
  fs::copy_file(test::source_path("samples/huichang/huichang.gpkg"), copy, fs::copy_options::overwrite_existing);
  return copy;
}

std::vector<std::string> drift_args(const std::string& gpkg, const std::string& map) {
  std::vector<std::string> args{"drift", gpkg, gpkg, "--before-layer", "redline", "--after-layer", "redline_2024",
                                "--key", "BSM", "--class-field", "HXLX", "--threads", "2"};
  if (!map.empty()) {
    args.push_back("--map");
    args.push_back(map);
  }
  return args;
}

TEST(MapCli, DriftWritesEachFormatAndKeepsTheReport) {
  const std::string dir = test::work_dir("map_cli_formats");
  const std::string gpkg = sample_copy(dir);
  const test::CliResult plain = test::run_cli(drift_args(gpkg, ""));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  for (const std::string name : {"drift.png", "drift.svg", "drift.PDF"}) {
    const test::CliResult r = test::run_cli(drift_args(gpkg, dir + "/" + name));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, plain.out) << name;
    const std::string bytes = test::read_file(dir + "/" + name);
    if (name == "drift.png") {
      ASSERT_GT(bytes.size(), 24u);
      EXPECT_EQ(bytes.substr(1, 3), "PNG");
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
      };
      EXPECT_EQ(be32(16), 1754u);
      EXPECT_EQ(be32(20), 1240u);
    } else if (name == "drift.svg") {
      const std::string command =
          "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])\" " + dir + "/" + name;
      EXPECT_EQ(std::system(command.c_str()), 0);
    } else {
      EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
    }
  }
  // The same run gives the same PNG.
  const std::string first = test::read_file(dir + "/drift.png");
  ASSERT_EQ(test::run_cli(drift_args(gpkg, dir + "/drift.png")).exit_code, 0);
  EXPECT_EQ(test::read_file(dir + "/drift.png"), first);
}

TEST(MapCli, CoverageAndTabulateDrawTheirMaps) {
  const std::string dir = test::work_dir("map_cli_coverage");
  const std::string gpkg = sample_copy(dir);
  const std::string original = test::read_file(gpkg);
  const test::CliResult coverage = test::run_cli({"coverage", gpkg, "--layer", "parcels", "--id-field", "BSM",
                                                  "--within", gpkg, "--within-layer", "redline", "--threads", "2",
                                                  "--map", dir + "/coverage.svg"});
  ASSERT_EQ(coverage.exit_code, 0) << coverage.err;
  const std::string svg = test::read_file(dir + "/coverage.svg");
  EXPECT_TRUE(test::contains(svg, "<svg"));
  const std::string command =
      "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])\" " + dir + "/coverage.svg";
  EXPECT_EQ(std::system(command.c_str()), 0);
  // The conflicts' red (0.85, 0.12, 0.12) is in the SVG as cairo writes it.
  EXPECT_TRUE(test::contains(svg, "rgb(85%,12%,12%)")) << svg.substr(0, 2000);
  const test::CliResult tab = test::run_cli({"tabulate", gpkg, gpkg, "--layer", "redline", "--zone-field", "HXLX",
                                             "--classes-layer", "parcels", "--class-field", "DLBM", "--threads", "2",
                                             "--map", dir + "/tabulate.pdf"});
  ASSERT_EQ(tab.exit_code, 0) << tab.err;
  const std::string pdf = test::read_file(dir + "/tabulate.pdf");
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_TRUE(test::contains(pdf, "/Count 1"));
  // 3428 parcels drawn: far more than an empty page's few kilobytes.
  EXPECT_GT(pdf.size(), 100000u);
  // A line target has no coverage map: refused, exit 2.
  const test::CliResult lines = test::run_cli({"coverage", gpkg, "--layer", "shoreline_line", "--within", gpkg,
                                               "--within-layer", "redline", "--map", dir + "/lines.png"});
  EXPECT_EQ(lines.exit_code, 2) << lines.err;
  EXPECT_TRUE(test::contains(lines.err, "--map applies to polygon targets")) << lines.err;
  EXPECT_FALSE(fs::exists(dir + "/lines.png"));
  EXPECT_EQ(test::read_file(gpkg), original);
}

struct Refusal {
  std::string name;
  std::string map;
  int exit_code;
  std::string message;  // part of the one line
};

TEST(MapCli, HostileTargetsAreRefusedBeforeAnyWork) {
  const std::string dir = test::work_dir("map_cli_hostile");
  const std::string gpkg = sample_copy(dir);
  const std::string original = test::read_file(gpkg);
  // The input under a map's name: a symbolic link GDAL opens as the GeoPackage it points to.
  fs::create_symlink(gpkg, dir + "/input.png");
  fs::create_directory(dir + "/folder.png");
  ASSERT_EQ(::mkfifo((dir + "/fifo.svg").c_str(), 0644), 0);
  fs::create_directory(dir + "/locked");
  fs::permissions(dir + "/locked", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                       fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const std::vector<Refusal> cases = {
      {"input", dir + "/input.png", 2, "is the input"},
      {"gpkg_input", gpkg, 2, "a map is written as .png, .svg or .pdf"},
      {"folder", dir + "/folder.png", 2, "folder"},
      {"fifo", dir + "/fifo.svg", 2, "FIFO"},
      {"extension", dir + "/map.jpg", 2, "a map is written as .png, .svg or .pdf"},
      {"no_extension", dir + "/map", 2, "a map is written as .png, .svg or .pdf"},
      {"locked", dir + "/locked/map.png", 3, "read-only"},
      {"missing_folder", dir + "/missing/map.png", 3, "does not exist"},
  };
  for (const Refusal& c : cases) {
    std::vector<std::string> args = drift_args(c.name == "input" ? dir + "/input.png" : gpkg, c.map);
    const test::CliResult r = test::run_cli(args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.name << ": " << r.err;
    const std::string line = test::errors_only(r.err);
    EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << c.name << ": " << r.err;
    EXPECT_TRUE(test::contains(line, c.message)) << c.name << ": " << line;
    EXPECT_TRUE(r.out.empty()) << c.name;
  }
  EXPECT_EQ(test::read_file(gpkg), original);
  EXPECT_TRUE(fs::is_symlink(dir + "/input.png"));
  EXPECT_TRUE(fs::is_directory(dir + "/folder.png"));
  EXPECT_FALSE(fs::exists(dir + "/map.jpg"));
  EXPECT_FALSE(fs::exists(dir + "/map"));
  EXPECT_TRUE(fs::is_empty(dir + "/locked"));
  // Nothing else appeared: the copy, the link, the folders and the FIFO only.
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir)) entries += entry.path().empty() ? 0 : 1;
  EXPECT_EQ(entries, 5u);
  fs::permissions(dir + "/locked", fs::perms::owner_all);
}

}  // namespace
}  // namespace redline
