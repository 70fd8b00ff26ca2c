// LayerStream (redline/io/layer_stream.h) against read_layer(): the same features, bytes and
// report for any thread count and batch size; the spatial prefilter; errors from the middle of a
// stream (tests/data/io/stream_faults.gpkg, made by tests/oracles/make_stream_test_data.py);
// a consumer or a progress function that throws stops the stream with no thread left running.
#include <gtest/gtest.h>

#include <dirent.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/io/layer_stream.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::contains;
using test::data_path;

struct Case {
  std::string path;
  ReadOptions options;
};

const std::string kSample = "samples/huichang/huichang.gpkg";

// `relative` to tests/data, or kSample.
Case make_case(const std::string& relative, const std::string& layer = "",
               InvalidPolicy invalid = kDefaultInvalidPolicy,
               LayerGeometry geometry = LayerGeometry::Polygons) {
  Case c{relative == kSample ? test::source_path(kSample) : data_path(relative), {}};
  c.options.layer = layer;
  c.options.invalid = invalid;
  c.options.geometry = geometry;
  return c;
}

// What a stream gives, collected, with the warnings it passed on.
struct Collected {
  Layer layer;
  std::vector<std::string> warnings;
  std::vector<std::size_t> batch_indexes;
};

Collected collect(const Case& c, unsigned threads, std::size_t batch_size) {
  Collected out;
  ReadOptions options = c.options;
  options.threads = threads;
  options.warn = [&out](const std::string& w) { out.warnings.push_back(w); };
  LayerStream stream(c.path, options, batch_size);
  while (auto batch = stream.next()) {
    out.batch_indexes.push_back(batch->index);
    for (Feature& f : batch->features) out.layer.features.push_back(std::move(f));
  }
  EXPECT_FALSE(stream.next()) << "a finished stream stays finished";
  const Layer& header = stream.layer();  // features empty; copied but for them
  out.layer.source = header.source;
  out.layer.name = header.name;
  out.layer.driver = header.driver;
  out.layer.geometry = header.geometry;
  out.layer.crs = header.crs;
  out.layer.fields = header.fields;
  out.layer.report = header.report;
  EXPECT_TRUE(header.features.empty());
  return out;
}

Collected read_whole(const Case& c, unsigned threads) {
  Collected out;
  ReadOptions options = c.options;
  options.threads = threads;
  options.warn = [&out](const std::string& w) { out.warnings.push_back(w); };
  out.layer = read_layer(c.path, options);
  return out;
}

std::vector<unsigned char> wkb(const Geometry& g) {
  return g.is_null() ? std::vector<unsigned char>{} : g.to_wkb();
}

// Every member of an issue, and every count of a report, as one comparable tuple.
auto issue_members(const FeatureIssue& i) {
  return std::tie(i.fid, i.kind, i.action, i.reason, i.x, i.y, i.area_before, i.area_after);
}
auto report_counts(const ReadReport& r) {
  return std::tie(r.features, r.null_geometries, r.empty_geometries, r.invalid, r.repaired, r.skipped,
                  r.degenerate_lines, r.flattened, r.linearised, r.repairs_beyond_tolerance,
                  r.filtered_out, r.encoding, r.notes);
}

void expect_same_report(const ReadReport& a, const ReadReport& b) {
  EXPECT_TRUE(report_counts(a) == report_counts(b));
  EXPECT_EQ(a.notes, b.notes);
  ASSERT_EQ(a.issues.size(), b.issues.size());
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    EXPECT_TRUE(issue_members(a.issues[i]) == issue_members(b.issues[i])) << "issue of fid " << a.issues[i].fid;
  }
}

void expect_same_layer(const Collected& a, const Collected& b) {
  EXPECT_EQ(a.layer.source, b.layer.source);
  EXPECT_EQ(a.layer.name, b.layer.name);
  EXPECT_EQ(a.layer.driver, b.layer.driver);
  EXPECT_EQ(a.layer.geometry, b.layer.geometry);
  EXPECT_EQ(a.layer.crs.wkt(), b.layer.crs.wkt());
  ASSERT_EQ(a.layer.fields.size(), b.layer.fields.size());
  for (std::size_t i = 0; i < a.layer.fields.size(); ++i) {
    EXPECT_EQ(a.layer.fields[i].name, b.layer.fields[i].name);
    EXPECT_EQ(a.layer.fields[i].type, b.layer.fields[i].type);
  }
  ASSERT_EQ(a.layer.features.size(), b.layer.features.size());
  for (std::size_t i = 0; i < a.layer.features.size(); ++i) {
    const Feature& fa = a.layer.features[i];
    const Feature& fb = b.layer.features[i];
    ASSERT_EQ(fa.fid, fb.fid) << "feature " << i;
    EXPECT_EQ(wkb(fa.geometry), wkb(fb.geometry)) << "fid " << fa.fid;
    EXPECT_EQ(wkb(fa.original), wkb(fb.original)) << "fid " << fa.fid;
    EXPECT_EQ(fa.values, fb.values) << "fid " << fa.fid;
  }
  expect_same_report(a.layer.report, b.layer.report);
  EXPECT_EQ(a.warnings, b.warnings);
}

// Layers that read: polygons with nulls, Z, repairs (loud ones too), lines, a county sample.
std::vector<Case> readable_cases() {
  return {make_case("io/null_geom.shp"),
          make_case("io/polygon_z.shp"),
          make_case("io/bowtie.shp"),
          make_case("io/bowtie.shp", "", InvalidPolicy::Skip),
          make_case("io/null_empty.gpkg"),
          make_case("io/repair_loss.gpkg"),
          make_case("io/lines.shp", "", kDefaultInvalidPolicy, LayerGeometry::Lines),
          make_case(kSample, "parcels"),
          make_case(kSample, "shoreline_line", kDefaultInvalidPolicy,
                    LayerGeometry::Lines)};
}

TEST(LayerStream, EqualsReadLayerForAnyThreadCountAndBatchSize) {
  for (const Case& c : readable_cases()) {
    SCOPED_TRACE(c.path + " " + c.options.layer);
    const Collected whole = read_whole(c, 1);
    ASSERT_FALSE(whole.layer.features.empty());
    expect_same_layer(read_whole(c, 2), whole);
    for (unsigned threads : {1u, 2u, 4u}) {
      for (std::size_t batch : {std::size_t{1}, std::size_t{7}, kDefaultStreamBatchSize}) {
        SCOPED_TRACE("threads " + std::to_string(threads) + ", batch " + std::to_string(batch));
        const Collected streamed = collect(c, threads, batch);
        expect_same_layer(streamed, whole);
        // Batches come numbered 0, 1, 2... and as many as the features need.
        const std::size_t features = whole.layer.report.features;
        ASSERT_EQ(streamed.batch_indexes.size(), (features + batch - 1) / batch);
        for (std::size_t i = 0; i < streamed.batch_indexes.size(); ++i) {
          EXPECT_EQ(streamed.batch_indexes[i], i);
        }
      }
    }
  }
}

TEST(LayerStream, LoudRepairsAreWarnedAsReadLayerWarnsThem) {
  // repair_loss.gpkg (make_test_data.py) holds repairs beyond the tolerance: read_layer warns.
  const Case c = make_case("io/repair_loss.gpkg");
  const Collected whole = read_whole(c, 1);
  ASSERT_FALSE(whole.warnings.empty());
  EXPECT_EQ(collect(c, 2, 1).warnings, whole.warnings);
}

TEST(LayerStream, HeaderIsKnownBeforeTheFirstBatch) {
  LayerStream stream(data_path("io/bowtie.shp"));
  EXPECT_EQ(stream.layer().name, "bowtie");
  EXPECT_TRUE(stream.layer().crs.is_known());
  EXPECT_TRUE(stream.layer().features.empty());
  EXPECT_EQ(stream.layer().report.features, 0u);
}

// --- errors from the middle of a stream ---------------------------------------------------------

struct Caught {
  bool thrown = false;
  ErrorKind kind = ErrorKind::Internal;
  std::string what;
  Location where;
  HintKind hint = HintKind::None;
};

Caught caught(const std::function<void()>& run) {
  Caught out;
  try {
    run();
  } catch (const Error& e) {
    out.thrown = true;
    out.kind = e.kind();
    out.what = e.what();
    out.where = e.where();
    out.hint = e.hint().kind;
  }
  return out;
}

void expect_same_error(const Caught& a, const Caught& b) {
  ASSERT_TRUE(a.thrown);
  ASSERT_TRUE(b.thrown);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.what, b.what);
  EXPECT_EQ(a.where.file, b.where.file);
  EXPECT_EQ(a.where.layer, b.where.layer);
  EXPECT_EQ(a.where.feature, b.where.feature);
  EXPECT_EQ(a.where.field, b.where.field);
  EXPECT_EQ(a.hint, b.hint);
}

Case faults(const std::string& layer, InvalidPolicy invalid = kDefaultInvalidPolicy) {
  return make_case("io/stream_faults.gpkg", layer, invalid);
}

std::vector<Case> failing_cases() {
  std::vector<Case> cases = {
      make_case("io/truncated.shp"),                     // a damaged record
      make_case("io/nan_vertex.shp"),                    // coordinates
      make_case("io/degrees_prj4539.shp"),               // CRS against coordinates
      make_case("io/zone39_prj4490.shp"),
      make_case("io/zone39_prj4526.shp"),
      make_case("io/bowtie.shp", "", InvalidPolicy::Fail),
      make_case("io/repair_loss.gpkg", "", InvalidPolicy::RepairStrict),
      make_case("io/wrapping_rings.gpkg", "pole"),
      faults("late_prefix"),
      faults("late_metres"),
      faults("late_far"),
      faults("late_bowtie", InvalidPolicy::Fail),
  };
  Case trusted = faults("late_metres");
  trusted.options.trust_crs = true;  // degrees beyond ±180° are refused even so
  cases.push_back(trusted);
  return cases;
}

TEST(LayerStream, ErrorsAreReadLayersForAnyThreadCountAndBatchSize) {
  for (const Case& c : failing_cases()) {
    SCOPED_TRACE(c.path + " " + c.options.layer);
    const Caught whole = caught([&] { read_whole(c, 1); });
    ASSERT_TRUE(whole.thrown);
    for (unsigned threads : {1u, 2u, 4u}) {
      for (std::size_t batch : {std::size_t{1}, std::size_t{3}, kDefaultStreamBatchSize}) {
        SCOPED_TRACE("threads " + std::to_string(threads) + ", batch " + std::to_string(batch));
        expect_same_error(caught([&] { collect(c, threads, batch); }), whole);
      }
    }
  }
}

// The expected words come from the data (make_stream_test_data.py), not from the code.
TEST(LayerStream, ContradictionInALaterBatchNamesTheWholeExtent) {
  // Batches of 1: the contradiction shows at fid 9, and fid 10 still widens the extent.
  const Caught prefix = caught([] { collect(faults("late_prefix"), 2, 1); });
  ASSERT_TRUE(prefix.thrown);
  EXPECT_EQ(prefix.kind, ErrorKind::Input);
  // fid 9 at easting 500 000, the others up to 39 500 900 + 1.
  EXPECT_TRUE(contains(prefix.what, "eastings run from 500000.000 to 39500901.000")) << prefix.what;
  EXPECT_FALSE(prefix.where.feature.has_value());

  const Caught metres = caught([] { collect(faults("late_metres"), 1, 3); });
  ASSERT_TRUE(metres.thrown);
  EXPECT_TRUE(contains(metres.what, "not degrees")) << metres.what;
  EXPECT_EQ(metres.where.feature, 8);  // the first feature beyond ±180°

  const Caught far = caught([] { collect(faults("late_far"), 2, 4); });
  ASSERT_TRUE(far.thrown);
  EXPECT_TRUE(contains(far.what, "far outside its area of use")) << far.what;

  const Caught bowtie = caught([] { collect(faults("late_bowtie", InvalidPolicy::Fail), 2, 2); });
  ASSERT_TRUE(bowtie.thrown);
  EXPECT_EQ(bowtie.where.feature, 7);
  EXPECT_EQ(bowtie.hint, HintKind::InvalidPolicy);
}

TEST(LayerStream, BatchesBeforeALateFaultAreHandedOverThenTheErrorStaysThrown) {
  ReadOptions options;
  options.layer = "late_bowtie";
  options.invalid = InvalidPolicy::Fail;
  options.threads = 2;
  LayerStream stream(data_path("io/stream_faults.gpkg"), options, 2);
  std::vector<std::int64_t> fids;
  std::string first, second;
  try {
    while (auto batch = stream.next()) {
      for (const Feature& f : batch->features) fids.push_back(f.fid);
    }
  } catch (const InputError& e) {
    first = e.what();
  }
  try {
    stream.next();
  } catch (const InputError& e) {
    second = e.what();
  }
  EXPECT_EQ(fids, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));  // batches 0-2; fid 7 in batch 3
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second);
}

// --- the spatial prefilter ----------------------------------------------------------------------

TEST(LayerStream, PrefilterLeavesOutAndCountsFeaturesOutsideTheBox) {
  const Case all = make_case(kSample, "parcels");
  const Layer whole = read_layer(all.path, all.options);
  // The oracle: each feature's envelope from its geometry as read_layer returns it.
  Envelope extent;
  for (const Feature& f : whole.features) extent.expand(f.geometry.envelope());
  Envelope box = extent;
  box.max_x = 0.5 * (extent.min_x + extent.max_x);
  std::vector<std::int64_t> expected;
  for (const Feature& f : whole.features) {
    if (!f.geometry.is_empty() && f.geometry.envelope().intersects(box)) expected.push_back(f.fid);
  }
  ASSERT_GT(expected.size(), 10u);
  ASSERT_LT(expected.size(), whole.features.size() - 10);

  Case filtered = all;
  filtered.options.keep_envelope = [box](const Envelope& e) { return e.intersects(box); };
  const Collected reference = read_whole(filtered, 1);
  std::vector<std::int64_t> kept;
  for (const Feature& f : reference.layer.features) kept.push_back(f.fid);
  EXPECT_EQ(kept, expected);
  EXPECT_EQ(reference.layer.report.filtered_out, whole.features.size() - expected.size());
  EXPECT_EQ(reference.layer.report.features, whole.report.features);
  for (unsigned threads : {1u, 2u, 4u}) {
    for (std::size_t batch : {std::size_t{5}, kDefaultStreamBatchSize}) {
      expect_same_layer(collect(filtered, threads, batch), reference);
    }
  }
}

// A prefilter set once the layer is open (from its CRS, say) filters as one given in the
// options does; once reading has begun it can no longer change.
TEST(LayerStream, PrefilterSetAfterOpeningFiltersAsTheOptionsOneAndNotAfterReadingBegan) {
  const Case all = make_case(kSample, "parcels");
  Envelope box;
  box.expand(read_layer(all.path, all.options).features.front().geometry.envelope());
  const auto keep = [box](const Envelope& e) { return e.intersects(box); };
  Case given = all;
  given.options.keep_envelope = keep;
  const Collected reference = read_whole(given, 1);
  ASSERT_GT(reference.layer.report.filtered_out, 0u);
  for (unsigned threads : {1u, 2u}) {
    ReadOptions options = all.options;
    options.threads = threads;
    LayerStream stream(all.path, options, 64);
    stream.set_keep_envelope(keep);
    std::vector<std::int64_t> fids;
    while (auto batch = stream.next()) {
      for (const Feature& f : batch->features) fids.push_back(f.fid);
      EXPECT_THROW(stream.set_keep_envelope(keep), InternalError);
    }
    std::vector<std::int64_t> expected;
    for (const Feature& f : reference.layer.features) expected.push_back(f.fid);
    EXPECT_EQ(fids, expected) << threads << " threads";
    EXPECT_EQ(stream.layer().report.filtered_out, reference.layer.report.filtered_out);
  }
}

// A feature the prefilter keeps is built from its bytes without scanning its coordinates a
// second time (the prefilter's scan found them finite and their envelope): it must come out as
// a read without a prefilter gives it, geometry, repair, values and report.
TEST(LayerStream, FeaturesThePrefilterKeepsAreReadAsWithoutOne) {
  for (const char* file : {"io/bowtie.shp", "io/null_geom.shp"}) {
    const Case plain = make_case(file);
    Case kept = plain;
    kept.options.keep_envelope = [](const Envelope&) { return true; };
    const Collected reference = read_whole(plain, 1);
    for (unsigned threads : {1u, 2u}) {
      SCOPED_TRACE(std::string(file) + ", " + std::to_string(threads) + " threads");
      expect_same_layer(collect(kept, threads, 3), reference);
    }
  }
  const Case plain = make_case(kSample, "parcels");
  Case kept = plain;
  kept.options.keep_envelope = [](const Envelope&) { return true; };
  expect_same_layer(collect(kept, 2, kDefaultStreamBatchSize), read_whole(plain, 1));
}

TEST(LayerStream, PrefilteredFeaturesAreNotValidatedButNullsAreKept) {
  Case c = make_case("io/bowtie.shp");
  c.options.keep_envelope = [](const Envelope&) { return false; };
  const Layer layer = read_layer(c.path, c.options);
  EXPECT_TRUE(layer.features.empty());
  EXPECT_EQ(layer.report.invalid, 0u);  // the bow-tie was left out before validation
  EXPECT_TRUE(layer.report.issues.empty());
  EXPECT_EQ(layer.report.filtered_out, layer.report.features);

  Case nulls = make_case("io/null_geom.shp");
  const Layer unfiltered = read_layer(nulls.path, nulls.options);
  nulls.options.keep_envelope = [](const Envelope&) { return false; };
  const Layer filtered = read_layer(nulls.path, nulls.options);
  ASSERT_GT(unfiltered.report.null_geometries, 0u);
  EXPECT_EQ(filtered.report.null_geometries, unfiltered.report.null_geometries);
  EXPECT_EQ(filtered.features.size(), unfiltered.report.null_geometries);
  EXPECT_EQ(filtered.report.filtered_out,
            unfiltered.report.features - unfiltered.report.null_geometries);
}

TEST(LayerStream, PrefilteredFeaturesStillTakePartInTheCrsCheck) {
  Case c = faults("late_prefix");
  const Caught whole = caught([&] { read_whole(c, 1); });
  c.options.keep_envelope = [](const Envelope&) { return false; };
  expect_same_error(caught([&] { collect(c, 2, 3); }), whole);
}

// --- stopping -----------------------------------------------------------------------------------

std::size_t thread_count() {
  std::size_t n = 0;
  if (DIR* dir = opendir("/proc/self/task")) {
    while (dirent* entry = readdir(dir)) n += entry->d_name[0] != '.';
    closedir(dir);
  }
  return n;
}

TEST(LayerStream, ConsumerThatThrowsStopsTheStreamWithNoThreadLeft) {
  const std::size_t before = thread_count();
  ReadOptions options;
  options.layer = "parcels";
  options.threads = 4;
  bool stopped = false;
  try {
    LayerStream stream(test::source_path(kSample), options, 16);
    ASSERT_TRUE(stream.next());
    throw std::runtime_error("the consumer gave up");
  } catch (const std::runtime_error&) {
    stopped = true;
  }
  EXPECT_TRUE(stopped);
  EXPECT_EQ(thread_count(), before);
}

TEST(LayerStream, ProgressThatThrowsCancelsTheStream) {
  const std::size_t before = thread_count();
  ReadOptions options;
  options.layer = "parcels";
  options.threads = 2;
  std::size_t calls = 0;
  options.progress = [&calls](std::string_view stage, std::size_t, std::size_t) {
    EXPECT_EQ(stage, "reading");
    if (++calls == 3) throw std::runtime_error("cancelled");
  };
  LayerStream stream(test::source_path(kSample), options, 16);
  std::size_t batches = 0;
  EXPECT_THROW(
      {
        while (stream.next()) ++batches;
      },
      std::runtime_error);
  EXPECT_EQ(batches, 2u);
  EXPECT_THROW(stream.next(), std::runtime_error);  // finished: the same error again
  EXPECT_EQ(calls, 3u);
  EXPECT_EQ(thread_count(), before + 0) << "threads joined once the stream failed";
}

TEST(LayerStream, DestroyedUnreadStartsNoThread) {
  const std::size_t before = thread_count();
  {
    LayerStream stream(data_path("io/bowtie.shp"));
  }
  EXPECT_EQ(thread_count(), before);
}

}  // namespace
}  // namespace redline
