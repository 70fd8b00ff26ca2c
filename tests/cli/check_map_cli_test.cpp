// `redline check --map FILE.png|svg|pdf` as a person would use it, and as a hostile one would:
// one map per failing check, numbered by the check's number in the report, each named on
// stderr; none when every check passes; a target that is (or whose numbered names are) an
// input, another output of the run, a folder, a FIFO, /dev/null or of an unknown format is
// refused with one line before any work, leaving the inputs byte-identical and no map behind.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "support/test_support.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

// A private copy of the sample (GeoPackage and rules), so the test can tell it was left alone.
std::string sample_copy(const std::string& dir) {
  for (const char* name : {"huichang.gpkg", "indicators.toml"}) {
    fs::copy_file(test::source_path(std::string("samples/huichang/") + name), dir + "/" + name,
                  fs::copy_options::overwrite_existing);
  }
  return dir + "/indicators.toml";
}

std::vector<std::string> check_args(const std::string& rules, std::vector<std::string> more) {
  std::vector<std::string> args{"check", rules, "--threads", "2"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<std::string> map_files(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("maps", 0) == 0) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

unsigned be32(const std::string& bytes, std::size_t at) {
  unsigned v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

constexpr int kFailing[] = {4, 5, 7, 9, 11, 12, 13, 14};  // the sample's 8 未达标 checks

TEST(CheckMapCli, OneNumberedMapPerFailingCheckNamedOnStderr) {
  const std::string dir = test::work_dir("check_map_cli_sample");
  const std::string rules = sample_copy(dir);
  const test::CliResult plain = test::run_cli(check_args(rules, {}));
  ASSERT_EQ(plain.exit_code, 1) << plain.err;
  const test::CliResult r = test::run_cli(check_args(rules, {"--map", dir + "/maps.png"}));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, plain.out);  // the report is unchanged
  std::vector<std::string> expected;
  for (int n : kFailing) {
    const std::string path = dir + "/maps-" + std::to_string(n) + ".png";
    EXPECT_TRUE(test::contains(r.err, "redline: map written: " + path + "\n")) << r.err;
    const std::string bytes = test::read_file(path);
    ASSERT_GT(bytes.size(), 24u) << path;
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
    EXPECT_EQ(be32(bytes, 16), 1754u);
    EXPECT_EQ(be32(bytes, 20), 1240u);
    expected.push_back("maps-" + std::to_string(n) + ".png");
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(map_files(dir), expected);  // nothing for a check that passed, no temporary
  EXPECT_FALSE(test::contains(r.err, "error")) << r.err;
  // The same maps, byte for byte, for any thread count.
  fs::create_directory(dir + "/one");
  ASSERT_EQ(test::run_cli({"check", rules, "--threads", "1", "--map", dir + "/one/maps.png"}).exit_code, 1);
  for (int n : kFailing) {
    const std::string name = "/maps-" + std::to_string(n) + ".png";
    EXPECT_EQ(test::read_file(dir + "/one" + name), test::read_file(dir + name)) << name;
  }

  // SVG, with the GeoPackage of conflicts and the HTML report in the same run: each parses.
  const test::CliResult all = test::run_cli(
      check_args(rules, {"--map", dir + "/maps.svg", "--out", dir + "/c.gpkg", "--report", dir + "/r.html"}));
  ASSERT_EQ(all.exit_code, 1) << all.err;
  EXPECT_TRUE(fs::exists(dir + "/c.gpkg"));
  EXPECT_TRUE(fs::exists(dir + "/r.html"));
  for (int n : kFailing) {
    const std::string path = dir + "/maps-" + std::to_string(n) + ".svg";
    const std::string command =
        "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])\" " + path;
    EXPECT_EQ(std::system(command.c_str()), 0) << path;
  }
}

TEST(CheckMapCli, TheQuickFormMapsItsOneCheckAndNothingWhenItPasses) {
  const std::string dir = test::work_dir("check_map_cli_quick");
  sample_copy(dir);
  const std::string gpkg = dir + "/huichang.gpkg";
  const std::string original = test::read_file(gpkg);
  auto quick = [&](const std::string& baseline, const std::string& map) {
    return test::run_cli({"check", "not-reduced", gpkg, "--layer", "redline_2024", "--previous", gpkg,
                          "--previous-layer", "redline", "--key", "BSM", "--baseline", baseline, "--threads", "2",
                          "--map", map});
  };
  const test::CliResult failed = quick("80000ha", dir + "/maps.pdf");
  ASSERT_EQ(failed.exit_code, 1) << failed.err;
  EXPECT_TRUE(test::contains(failed.err, "map written: " + dir + "/maps-1.pdf")) << failed.err;
  EXPECT_EQ(test::read_file(dir + "/maps-1.pdf").substr(0, 5), "%PDF-");
  const test::CliResult passed = quick("70000ha", dir + "/maps-pass.png");
  ASSERT_EQ(passed.exit_code, 0) << passed.err;
  EXPECT_FALSE(test::contains(passed.err, "map written")) << passed.err;
  EXPECT_EQ(map_files(dir), std::vector<std::string>{"maps-1.pdf"});
  EXPECT_EQ(test::read_file(gpkg), original);
}

struct Refusal {
  std::string name;
  std::vector<std::string> args;  // after the rules
  int exit_code;
  std::string message;  // part of the one line
};

TEST(CheckMapCli, HostileTargetsAreRefusedBeforeAnyWork) {
  const std::string dir = test::work_dir("check_map_cli_hostile");
  const std::string rules = sample_copy(dir);
  const std::string gpkg = dir + "/huichang.gpkg";
  const std::string original = test::read_file(gpkg), original_rules = test::read_file(rules);
  // Numbered names that are taken: check 3's map is the input (a link to it), check 5's a
  // folder, check 2's a FIFO, check 4's the HTML report of the same run (a link to it).
  fs::create_symlink(gpkg, dir + "/input-3.png");
  fs::create_directory(dir + "/folder-5.png");
  ASSERT_EQ(::mkfifo((dir + "/fifo-2.svg").c_str(), 0644), 0);
  test::run_cli(check_args(rules, {"--report", dir + "/report.html"}));
  ASSERT_TRUE(fs::exists(dir + "/report.html"));
  const std::string report = test::read_file(dir + "/report.html");
  fs::create_symlink(dir + "/report.html", dir + "/clash-4.png");
  fs::create_directory(dir + "/locked");
  fs::permissions(dir + "/locked", fs::perms::owner_read | fs::perms::owner_exec);
  const std::vector<Refusal> cases = {
      {"input", {"--map", dir + "/input.png"}, 2, "input"},
      {"gpkg", {"--map", gpkg}, 2, "a map is written as .png, .svg or .pdf"},
      {"folder", {"--map", dir + "/folder.png"}, 2, "folder"},
      {"fifo", {"--map", dir + "/fifo.svg"}, 2, "FIFO"},
      {"dev_null", {"--map", "/dev/null"}, 2, "a map is written as .png, .svg or .pdf"},
      {"extension", {"--map", dir + "/maps.jpg"}, 2, "a map is written as .png, .svg or .pdf"},
      {"report", {"--map", dir + "/clash.png", "--report", dir + "/report.html"}, 2, "report.html"},
      {"locked", {"--map", dir + "/locked/maps.png"}, 3, "read-only"},
  };
  for (const Refusal& c : cases) {
    const test::CliResult r = test::run_cli(check_args(rules, c.args));
    EXPECT_EQ(r.exit_code, c.exit_code) << c.name << ": " << r.err;
    const std::string line = test::errors_only(r.err);
    EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << c.name << ": " << r.err;
    EXPECT_TRUE(test::contains(line, c.message)) << c.name << ": " << line;
    EXPECT_TRUE(r.out.empty()) << c.name;  // refused before any check ran
  }
  EXPECT_EQ(test::read_file(gpkg), original);
  EXPECT_EQ(test::read_file(rules), original_rules);
  EXPECT_EQ(test::read_file(dir + "/report.html"), report);
  EXPECT_TRUE(fs::is_symlink(dir + "/input-3.png"));
  EXPECT_TRUE(fs::is_directory(dir + "/folder-5.png"));
  EXPECT_TRUE(fs::is_empty(dir + "/locked"));
  // No map of any name was written.
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "huichang.gpkg" || name == "indicators.toml" || name == "report.html" ||
                name == "input-3.png" || name == "folder-5.png" || name == "fifo-2.svg" || name == "clash-4.png" ||
                name == "locked")
        << name;
  }
  fs::permissions(dir + "/locked", fs::perms::owner_all);
}

// -o/--output naming the file of another output of the same command (the report would replace the
// map, the page or the GeoPackage, or be replaced by it): refused before any work.
TEST(CheckMapCli, OutputNamingAnotherOutputIsRefused) {
  const std::string dir = test::work_dir("check_map_cli_output_clash");
  const std::string rules = sample_copy(dir);
  const std::string gpkg = dir + "/huichang.gpkg";
  const std::string original = test::read_file(gpkg);
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"--report", check_args(rules, {"--report", dir + "/r.html", "-o", dir + "/./r.html"})},
      {"--map", check_args(rules, {"--map", dir + "/maps.png", "--output", dir + "/maps-4.png"})},
      {"--out", check_args(rules, {"--out", dir + "/c.gpkg", "-o", dir + "/c.gpkg"})},
      {"--out", {"drift", gpkg, gpkg, "--before-layer", "redline", "--after-layer", "redline_2024", "--out",
                 dir + "/d.gpkg", "-o", dir + "/d.gpkg"}},
      {"--map", {"drift", gpkg, gpkg, "--before-layer", "redline", "--after-layer", "redline_2024", "--map",
                 dir + "/d.svg", "-o", dir + "/d.svg"}},
      {"--out", {"qa", gpkg, "--layer", "redline", "--out", dir + "/qa.gpkg", "-o", dir + "/qa.gpkg"}},
  };
  for (const auto& [flag, args] : cases) {
    const test::CliResult r = test::run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << flag << ": " << r.err;
    const std::string line = test::errors_only(r.err);
    EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(test::contains(line, "--output names the same file as " + flag)) << line;
    EXPECT_TRUE(r.out.empty());
  }
  EXPECT_EQ(test::read_file(gpkg), original);
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "huichang.gpkg" || name == "indicators.toml") << name << " was written";
  }
}

}  // namespace
}  // namespace redline
