// Same answer for any thread count: area, coverage, tabulate and drift on the Huichang sample,
// read and computed with 1, 2 and 3 threads, give the same figures to the bit. The figures are
// compared as their JSON reports in m² (every double written round-trip, every feature listed),
// so a difference in the last bit of any figure fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "redline/drift/drift.h"
#include "redline/io/layer.h"
#include "redline/measure/area_summary.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/area_report.h"
#include "redline/report/coverage_report.h"
#include "redline/report/drift_report.h"
#include "redline/report/tabulate_report.h"
#include "support/test_support.h"

namespace redline {
namespace {

std::string sample() { return test::source_path("samples/huichang/huichang.gpkg"); }

Layer read(const std::string& layer, unsigned threads) {
  ReadOptions o;
  o.layer = layer;
  o.threads = threads;
  return read_layer(sample(), o);
}

// Every figure of the four jobs, as JSON text.
struct Figures {
  std::string area, coverage, tabulate, drift;
};

Figures run_all(unsigned threads) {
  Figures f;
  const Layer parcels = read("parcels", threads);
  const Layer redline = read("redline", threads);
  const Layer redline_2024 = read("redline_2024", threads);
  const Layer reserves = read("reserves", threads);

  AreaOptions ao;
  ao.group_field = "DLBM";
  ao.threads = threads;
  AreaReportOptions aro;
  aro.unit = AreaUnit::SquareMetre;
  aro.list_features = true;
  f.area = area_report_json(summarize_areas(parcels, ao), aro);

  CoverageOptions co;
  co.engine.threads = threads;
  CoverageReportOptions cro;
  cro.unit = AreaUnit::SquareMetre;
  cro.listing = FeatureListing::All;
  f.coverage = coverage_report_json(compute_coverage(parcels, redline, co), cro) +
               coverage_report_json(compute_coverage(reserves, redline, co), cro);

  TabulateOptions to;
  to.engine.threads = threads;
  to.class_field = "DLBM";
  TabulateReportOptions tro;
  tro.unit = AreaUnit::SquareMetre;
  f.tabulate = tabulate_report_json(tabulate(redline, parcels, to), tro);

  DriftOptions dro;
  dro.threads = threads;
  dro.key_field = "BSM";
  dro.class_field = "HXLX";
  f.drift = drift_report_json(compute_drift(redline, redline_2024, dro), AreaUnit::SquareMetre);
  return f;
}

TEST(ThreadCount, SameFiguresToTheBitForOneTwoAndThreeThreads) {
  ASSERT_TRUE(std::filesystem::exists(sample())) << "committed sample missing: " << sample();
  const Figures one = run_all(1);
  ASSERT_GT(one.area.size(), 10000u);  // every parcel listed
  for (unsigned threads : {2u, 3u}) {
    const Figures many = run_all(threads);
    EXPECT_EQ(one.area, many.area) << threads << " threads";
    EXPECT_EQ(one.coverage, many.coverage) << threads << " threads";
    EXPECT_EQ(one.tabulate, many.tabulate) << threads << " threads";
    EXPECT_EQ(one.drift, many.drift) << threads << " threads";
  }
}

}  // namespace
}  // namespace redline
