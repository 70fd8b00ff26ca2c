// validate_check (lib/checks/validate_check.cpp): parameters that do not suit the kind.
//
// Sample figures: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
// (GeoPandas overlays, pyproj geodesic areas). Small-data figures: pyproj geodesic areas of the
// features of versions.gpkg (tests/oracles/drift_geopandas.py), summed by hand where noted.
#include <gtest/gtest.h>

#include <string>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"
#include "redline/error.h"

namespace redline {
namespace {

using namespace test;  // kSample, kVersions, details, not_reduced

TEST(ValidateCheck, ParametersMustSuitTheKind) {
  CheckSpec s = not_reduced(kVersions, "edited");  // no baseline, no previous
  EXPECT_THROW(validate_check(s), UsageError);
  s.kind = CheckKind::FunctionNotLowered;
  s.previous = LayerRef{kVersions, "base"};
  s.field = "HXLX";
  EXPECT_THROW(validate_check(s), UsageError);  // no order
  s.order = {"a", "b"};
  EXPECT_NO_THROW(validate_check(s));
  s.min_percent = 5;
  EXPECT_THROW(validate_check(s), UsageError);  // min_percent is not for this kind
}

}  // namespace
}  // namespace redline
