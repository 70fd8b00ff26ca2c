// read_layers(): the layers of one job read at the same time give, for any thread count, what
// read_layer() gives each read alone (the oracle here is read_layer() itself, one after the
// other); an error is the first failing input's, whole (kind, message, location), as reading one
// after the other would give it; warnings come on the calling thread in input order; no thread
// is left running.
#include <gtest/gtest.h>

#include <dirent.h>

#include <string>
#include <thread>
#include <vector>

#include "redline/io/read_layers.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::contains;
using test::data_path;
using test::source_path;

// Threads of this process now (/proc/self/task).
std::size_t running_threads() {
  std::size_t n = 0;
  if (DIR* dir = opendir("/proc/self/task")) {
    while (dirent* e = readdir(dir)) {
      if (e->d_name[0] != '.') ++n;
    }
    closedir(dir);
  }
  return n;
}

ReadOptions layer_options(const std::string& layer, unsigned threads) {
  ReadOptions o;
  o.layer = layer;
  o.threads = threads;
  return o;
}

void expect_same_layer(const Layer& got, const Layer& want) {
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.name, want.name);
  EXPECT_EQ(got.crs.label(), want.crs.label());
  EXPECT_EQ(got.report.features, want.report.features);
  EXPECT_EQ(got.report.invalid, want.report.invalid);
  EXPECT_EQ(got.report.repaired, want.report.repaired);
  EXPECT_EQ(got.report.notes, want.report.notes);
  ASSERT_EQ(got.features.size(), want.features.size());
  for (std::size_t i = 0; i < got.features.size(); ++i) {
    EXPECT_EQ(got.features[i].fid, want.features[i].fid);
    EXPECT_EQ(got.features[i].geometry.to_wkb(), want.features[i].geometry.to_wkb()) << "feature " << i;
    ASSERT_EQ(got.features[i].values.size(), want.features[i].values.size());
    for (std::size_t k = 0; k < got.features[i].values.size(); ++k) {
      EXPECT_EQ(to_string(got.features[i].values[k]), to_string(want.features[i].values[k]));
    }
  }
}

TEST(ReadLayers, GiveWhatReadLayerGivesEachForAnyThreadCount) {
  const std::string sample = source_path("samples/huichang/huichang.gpkg");
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    const std::vector<LayerRequest> requests = {{sample, layer_options("redline", threads)},
                                                {sample, layer_options("redline_2024", threads)},
                                                {data_path("io/bowtie.shp"), layer_options("", threads)}};
    const std::size_t threads_before = running_threads();
    const std::vector<Layer> layers = read_layers(requests);
    EXPECT_EQ(running_threads(), threads_before);
    ASSERT_EQ(layers.size(), 3u);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      expect_same_layer(layers[i], read_layer(requests[i].path, requests[i].options));
    }
    EXPECT_EQ(layers[0].features.size(), 58u);  // samples/huichang/README.md: 58 and 63 polygons
    EXPECT_EQ(layers[1].features.size(), 63u);
    EXPECT_EQ(layers[2].report.repaired, 1u);
  }
  EXPECT_TRUE(read_layers({}).empty());
}

// The error read_layer(path, options) throws alone: the oracle of what read_layers must throw.
Error error_alone(const std::string& path, const ReadOptions& options) {
  try {
    read_layer(path, options);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << path << " was read without an error";
  return Error(ErrorKind::Internal, "no error");
}

// Runs read_layers(requests) and returns the error it throws, checking that no thread is left.
template <typename E>
E error_of(const std::vector<LayerRequest>& requests) {
  const std::size_t threads_before = running_threads();
  try {
    read_layers(requests);
  } catch (const E& e) {
    EXPECT_EQ(running_threads(), threads_before);
    return e;
  } catch (const Error& e) {
    ADD_FAILURE() << "another kind of error: " << e.what();
    return E(e.reason(), e.where());
  }
  ADD_FAILURE() << "read_layers did not throw";
  return E("no error");
}

TEST(ReadLayers, AnErrorInEitherInputComesOutWholeWithItsLocation) {
  const std::string sample = source_path("samples/huichang/huichang.gpkg");
  const std::string truncated = data_path("io/truncated.shp");
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    const Error alone = error_alone(truncated, layer_options("", threads));
    ASSERT_EQ(alone.kind(), ErrorKind::Input);
    // Second input broken while the first is read, then the first broken while the second is.
    for (bool broken_first : {false, true}) {
      std::vector<LayerRequest> requests = {{sample, layer_options("parcels", threads)},
                                            {truncated, layer_options("", threads)}};
      if (broken_first) std::swap(requests[0], requests[1]);
      const InputError e = error_of<InputError>(requests);
      EXPECT_STREQ(e.what(), alone.what());
      EXPECT_EQ(e.where().file, truncated);
      EXPECT_EQ(e.where().feature, alone.where().feature);
      EXPECT_TRUE(contains(e.what(), "truncated")) << e.what();
    }
  }
}

TEST(ReadLayers, WhenBothInputsFailTheFirstInputsErrorWins) {
  ReadOptions fail;
  fail.invalid = InvalidPolicy::Fail;  // bowtie.shp's feature 1 is a bow tie
  const std::string bowtie = data_path("io/bowtie.shp"), two_layers = data_path("io/two_layers.gpkg");
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    fail.threads = threads;
    const InputError first = error_of<InputError>({{bowtie, fail}, {two_layers, layer_options("", threads)}});
    EXPECT_STREQ(first.what(), error_alone(bowtie, fail).what());
    EXPECT_EQ(first.where().feature, 1);
    const UsageError second = error_of<UsageError>({{two_layers, layer_options("", threads)}, {bowtie, fail}});
    EXPECT_STREQ(second.what(), error_alone(two_layers, layer_options("", threads)).what());
    EXPECT_EQ(second.hint().kind, HintKind::ChooseLayer);
  }
}

TEST(ReadLayers, WarningsAndProgressComeOnTheCallingThreadInInputOrder) {
  // repair_loss.gpkg: two repairs beyond the tolerance, warned (tests/oracles/make_hostile_data.py).
  const std::string loss = data_path("io/repair_loss.gpkg");
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    std::vector<std::string> warned;
    std::vector<std::thread::id> warned_on, progressed_on;
    std::size_t first_progress = 0, second_progress = 0;
    auto request = [&](const std::string& tag) {
      ReadOptions o = layer_options("", threads);
      o.warn = [&warned, &warned_on, tag](const std::string& w) {
        warned.push_back(tag + w);
        warned_on.push_back(std::this_thread::get_id());
      };
      o.progress = [&, tag](std::string_view, std::size_t, std::size_t) {
        ++(tag == "first: " ? first_progress : second_progress);
        progressed_on.push_back(std::this_thread::get_id());
      };
      return LayerRequest{loss, o};
    };
    const std::vector<Layer> layers = read_layers({request("first: "), request("second: ")});
    ASSERT_EQ(warned.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_EQ(warned[i].rfind(i < 2 ? "first: " : "second: ", 0), 0u) << warned[i];
      EXPECT_EQ(warned_on[i], std::this_thread::get_id());
    }
    EXPECT_TRUE(contains(warned[0], "feature 2")) << warned[0];
    EXPECT_TRUE(contains(warned[1], "feature 3")) << warned[1];
    EXPECT_EQ(warned[2].substr(8), warned[0].substr(7));  // the same words, second input
    // The first input's progress only.
    EXPECT_GE(first_progress, 1u);
    EXPECT_EQ(second_progress, 0u);
    for (std::thread::id id : progressed_on) EXPECT_EQ(id, std::this_thread::get_id());
  }
}

}  // namespace
}  // namespace redline
