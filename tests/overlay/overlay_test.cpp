// overlay_layers() on tests/data/overlay/cases.gpkg: targets × cover. Expected figures:
// tests/oracles/overlay_small_oracle.py (GeoPandas overlay, pyproj.Geod areas), in m².
#include <gtest/gtest.h>

#include <string>

#include "redline/io/layer.h"
#include "redline/overlay/overlay.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

OverlayResult run(OverlayOp op) {
  OverlayOptions options;
  options.op = op;
  return overlay_layers(read_cases("targets"), read_cases("cover"), options);
}

TEST(Overlay, IntersectionHasOneFeaturePerOverlappingPair) {
  OverlayResult r = run(OverlayOp::Intersection);
  // Oracle: 6 pairs, 18700.439999 m²; the 0.4 mm re-export strip (0.04 m²) collapses on the
  // 1 mm grid, leaving 5 pairs and 18700.40 m².
  EXPECT_EQ(r.features.size(), 5u);
  EXPECT_EQ(r.from_both, 5u);
  EXPECT_NEAR(r.total_m2, 18700.439999 - 0.040000, 1e-3);
  // plain ∩ c1 first: A order, then B order
  ASSERT_TRUE(r.features[0].a && r.features[0].b);
  EXPECT_EQ(*r.features[0].a, 0u);
  EXPECT_EQ(*r.features[0].b, 0u);
  EXPECT_EQ(*r.features[1].b, 1u);
}

TEST(Overlay, IdentityAddsTheFirstLayersRemainder) {
  OverlayResult inter = run(OverlayOp::Intersection);
  OverlayResult diff = run(OverlayOp::Difference);
  OverlayResult ident = run(OverlayOp::Identity);
  EXPECT_EQ(diff.from_both, 0u);
  EXPECT_EQ(diff.a_only, 7u);  // every target keeps a part outside the cover
  EXPECT_EQ(ident.features.size(), inter.features.size() + diff.features.size());
  EXPECT_NEAR(ident.total_m2, inter.total_m2 + diff.total_m2, 1e-6);
  // Within 1 mm-grid effects, identity tiles the targets (sum of oracle target areas).
  const double targets = 9999.999999 + 8399.999987 + 9999.999950 + 10000.039861 + 10000.399728 +
                         5000.000005 + 9999.998962;
  // the plain target's overlaps with c1 and c2 overlap each other: 3000 m² counted twice
  EXPECT_NEAR(ident.total_m2, targets + 3000.0, 0.05);
}

TEST(Overlay, UnionAddsTheSecondLayersRemainder) {
  OverlayResult u = run(OverlayOp::Union);
  EXPECT_EQ(u.b_only, 6u);  // c1 and c2 lie wholly inside the plain square: no part outside
  EXPECT_EQ(u.a_only, 7u);
}

TEST(Overlay, UnknownOpIsAUsageError) {
  try {
    parse_overlay_op("xor");
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "unknown overlay operation 'xor' (expected intersection, difference, identity or union)");
  }
}

TEST(Overlay, OpNamesComeFromOneTable) {
  for (const OverlayOp op : {OverlayOp::Intersection, OverlayOp::Difference, OverlayOp::Identity, OverlayOp::Union}) {
    EXPECT_EQ(parse_overlay_op(overlay_op_name(op)), op);
  }
  EXPECT_EQ(parse_overlay_op("UNION"), OverlayOp::Union);  // any ASCII case, as before
  EXPECT_EQ(overlay_op_name(OverlayOp::Identity), "identity");
  EXPECT_EQ(overlay_op_choices(), "intersection, difference, identity or union");
  EXPECT_EQ(OverlayOptions().op, kDefaultOverlayOp);
  EXPECT_EQ(kDefaultOverlayOp, OverlayOp::Intersection);
}

}  // namespace
}  // namespace redline
