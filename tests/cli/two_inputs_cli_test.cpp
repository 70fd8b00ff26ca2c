// `redline drift` and `redline coverage` read their two inputs at the same time (io's
// read_layers) and share the work of both among the threads, costliest first: the output is
// the same bytes for any --threads; a broken input on either side is one clean error line naming
// it (exit 2), and the inputs are byte-identical afterwards.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::contains;
using test::data_path;
using test::run_cli;
using test::snapshot_files;
using test::source_path;

const std::string kSample = source_path("samples/huichang/huichang.gpkg");

std::vector<std::string> with_threads(std::vector<std::string> args, unsigned threads) {
  args.push_back("--threads");
  args.push_back(std::to_string(threads));
  return args;
}

TEST(TwoInputsCli, DriftAndCoverageGiveTheSameBytesForAnyThreadCount) {
  const std::vector<std::vector<std::string>> runs = {
      {"drift", kSample, kSample, "--before-layer", "redline", "--after-layer", "redline_2024", "--format", "json"},
      {"drift", kSample, kSample, "--before-layer", "redline", "--after-layer", "redline_2024", "--key", "BSM",
       "--class-field", "HXLX", "--features", "--format", "json"},
      {"coverage", kSample, "--layer", "reserves", "--id-field", "BSM", "--within", kSample, "--within-layer",
       "redline", "--format", "json"},
      {"coverage", kSample, "--layer", "mines", "--within", kSample, "--within-layer", "redline", "--format", "csv"}};
  for (const std::vector<std::string>& args : runs) {
    SCOPED_TRACE(args[0] + " " + args.back());
    const CliResult one = run_cli(with_threads(args, 1));
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_FALSE(one.out.empty());
    for (unsigned threads : {2u, 4u}) {
      const CliResult many = run_cli(with_threads(args, threads));
      EXPECT_EQ(many.exit_code, 0) << many.err;
      EXPECT_EQ(many.out, one.out) << threads << " threads";
    }
  }
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(TwoInputsCli, ABrokenInputOnEitherSideIsOneErrorNamingIt) {
  // tests/data/io/truncated.shp: a .shp cut short (tests/oracles/make_hostile_data.py).
  const std::string broken = data_path("io/truncated.shp");
  const auto broken_before = snapshot_files(data_path("io"), "truncated");
  const std::string sample_before = test::read_file(kSample);
  for (unsigned threads : {1u, 2u, 4u}) {
    for (bool broken_first : {true, false}) {
      const std::string first = broken_first ? broken : kSample, second = broken_first ? kSample : broken;
      const std::vector<std::vector<std::string>> runs = {
          {"drift", first, second, "--before-layer", broken_first ? "truncated" : "redline", "--after-layer",
           broken_first ? "redline_2024" : "truncated"},
          {"coverage", first, "--layer", broken_first ? "truncated" : "reserves", "--within", second,
           "--within-layer", broken_first ? "redline" : "truncated"}};
      for (const std::vector<std::string>& args : runs) {
        SCOPED_TRACE(args[0] + (broken_first ? ", broken first, " : ", broken second, ") + std::to_string(threads));
        const CliResult r = run_cli(with_threads(args, threads));
        EXPECT_EQ(r.exit_code, 2) << r.err;
        const std::vector<std::string> err = lines(r.err);
        ASSERT_EQ(err.size(), 1u) << r.err;
        EXPECT_EQ(err[0].rfind("redline: error: " + broken + ": layer truncated: ", 0), 0u) << err[0];
        EXPECT_TRUE(contains(err[0], "truncated or damaged")) << err[0];
        EXPECT_TRUE(r.out.empty()) << r.out;
      }
    }
  }
  EXPECT_EQ(snapshot_files(data_path("io"), "truncated"), broken_before);
  EXPECT_EQ(test::read_file(kSample), sample_before);
}

}  // namespace
}  // namespace redline
