#pragma once
// What the tests of the check kinds share: the data they read and how they read a result.
#include <string>

#include <nlohmann/json.hpp>

#include "redline/checks/check.h"
#include "support/test_support.h"

namespace redline::test {

inline const std::string kVersions = data_path("drift/versions.gpkg");
inline const std::string kSample = source_path("samples/huichang/huichang.gpkg");

/// The figures behind a result (CheckResult::details_json), parsed.
inline nlohmann::ordered_json details(const CheckResult& r) { return nlohmann::ordered_json::parse(r.details_json); }

/// A not-reduced check of `layer` of `path`, without thresholds.
inline CheckSpec not_reduced(const std::string& path, const std::string& layer) {
  CheckSpec s;
  s.kind = CheckKind::NotReduced;
  s.layer = {path, layer};
  return s;
}

/// The same, against the layer `previous_layer` of the same file.
inline CheckSpec not_reduced_since(const std::string& path, const std::string& layer, const std::string& previous_layer) {
  CheckSpec s = not_reduced(path, layer);
  s.previous = LayerRef{path, previous_layer};
  return s;
}

}  // namespace redline::test
