// interiors_may_overlap() and classify_pair(): false (or a definite class) only when GEOS agrees.
// Cases by hand, then every neighbouring pair of the sample county against GEOS relate.
#include <geos_c.h>  // the oracle: GEOS relate, called by the test itself
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "overlay/interiors_overlap.h"
#include "redline/io/layer.h"
#include "redline/io/source_info.h"
#include "support/test_support.h"

namespace redline::detail {
namespace {

bool overlap(const char* a, const char* b) {
  return interiors_may_overlap(Geometry::from_wkt(a), Geometry::from_wkt(b));
}

TEST(InteriorsOverlap, NeighboursSharingAnEdgeDoNotOverlap) {
  EXPECT_FALSE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 0,20 0,20 10,10 10,10 0))"));
  // GK-sized coordinates, the shared edge drawn in the other direction, a shared diagonal
  EXPECT_FALSE(overlap("POLYGON((39500000.123 2800000.456,39500100.789 2800003.2,39500050.5 2800090.75,39500000.123 2800000.456))",
                       "POLYGON((39500100.789 2800003.2,39500150.25 2800080.5,39500050.5 2800090.75,39500100.789 2800003.2))"));
}

TEST(InteriorsOverlap, CornerContactDoesNotOverlap) {
  EXPECT_FALSE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 10,20 10,20 20,10 20,10 10))"));
}

TEST(InteriorsOverlap, CrossingBoundariesOverlap) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((5 5,15 5,15 15,5 15,5 5))"));
}

TEST(InteriorsOverlap, ContainmentOverlaps) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((2 2,4 2,4 4,2 4,2 2))"));
  EXPECT_TRUE(overlap("POLYGON((2 2,4 2,4 4,2 4,2 2))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"));
}

TEST(InteriorsOverlap, IdenticalPolygonsOverlap) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,0 10,10 10,10 0,0 0))"));
}

TEST(InteriorsOverlap, HalfOfASquareOnItsVerticesOverlaps) {
  // No vertex strictly inside, no crossing: only the diagonal's midpoint tells.
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,10 0,10 10,0 0))"));
}

TEST(InteriorsOverlap, PolygonInAHoleDoesNotOverlap) {
  EXPECT_FALSE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2))",
                       "POLYGON((2 2,8 2,8 8,2 8,2 2))"));
}

TEST(InteriorsOverlap, OverlapAlongAPartlySharedEdgeIsFound) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 5,5 5,5 10,0 10,0 5))"));
}

}  // namespace
}  // namespace redline::detail

namespace redline::detail {
namespace {

PairClass classify(const char* target, const char* cover) {
  return classify_pair(Geometry::from_wkt(target), Geometry::from_wkt(cover));
}

TEST(ClassifyPair, ParcelAlongTheInsideOfTheBoundaryIsInside) {
  // The parcel shares its west and south edges with the zone: GEOS's prepared covers() would
  // need a full relate here.
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,50 0,50 50,0 50,0 0))"),
            PairClass::Unknown);  // the zone's edge 0..50 only partly shared: "ask GEOS"
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,10 0,50 0,50 50,0 50,0 10,0 0))"),
            PairClass::TargetInside);
}

TEST(ClassifyPair, NeighbourOutsideIsDisjoint) {
  EXPECT_EQ(classify("POLYGON((10 0,20 0,20 10,10 10,10 0))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
            PairClass::Disjoint);
}

TEST(ClassifyPair, ContainmentBothWays) {
  EXPECT_EQ(classify("POLYGON((2 2,4 2,4 4,2 4,2 2))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"), PairClass::TargetInside);
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((2 2,4 2,4 4,2 4,2 2))"), PairClass::CoverInside);
}

TEST(ClassifyPair, CoverWithAHoleInsideTheTargetDoesNotCoverIt) {
  // All of the target's vertices lie inside the cover's shell, but the cover's hole lies in the
  // target's interior.
  EXPECT_EQ(classify("POLYGON((1 1,9 1,9 9,1 9,1 1))", "POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,6 4,6 6,4 6,4 4))"),
            PairClass::Crossing);
}

TEST(ClassifyPair, IdenticalIsInside) {
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,0 10,10 10,10 0,0 0))"),
            PairClass::TargetInside);
}

TEST(ClassifyPair, CrossingBoundariesAreLeftToGeos) {
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((5 5,15 5,15 15,5 15,5 5))"), PairClass::Unknown);
}

}  // namespace
}  // namespace redline::detail

// ---- Against GEOS relate -------------------------------------------------------------------
// The pre-test may say "maybe" (interiors_may_overlap() true, PairClass::Unknown) as often as it
// likes; its definite answers must be right. The oracle is GEOS's relate, called here through
// the GEOS C API in a context of the test's own, on geometries parsed from the same WKT the
// pre-test sees: nothing of the library's GEOS code stands between the two.

namespace redline::detail {
namespace {

// What GEOS relate says of a pair (a, b).
struct Truth {
  std::string matrix;  // DE-9IM of relate(a, b)
  bool interiors_meet() const { return matrix[0] != 'F'; }
  // a within b, boundary contact allowed: a's interior and boundary miss b's exterior.
  bool a_in_b() const { return matrix[2] == 'F' && matrix[5] == 'F'; }
  bool b_in_a() const { return matrix[6] == 'F' && matrix[7] == 'F'; }
};

class GeosOracle {
 public:
  GeosOracle() : handle_(GEOS_init_r()), reader_(GEOSWKTReader_create_r(handle_)) {}
  ~GeosOracle() {
    for (GEOSGeometry* g : owned_) GEOSGeom_destroy_r(handle_, g);
    GEOSWKTReader_destroy_r(handle_, reader_);
    GEOS_finish_r(handle_);
  }
  GeosOracle(const GeosOracle&) = delete;
  GeosOracle& operator=(const GeosOracle&) = delete;

  // Parses `wkt`; the geometry lives as long as the oracle.
  const GEOSGeometry* read(const std::string& wkt) {
    GEOSGeometry* g = GEOSWKTReader_read_r(handle_, reader_, wkt.c_str());
    if (g) owned_.push_back(g);
    return g;
  }
  bool is_valid(const GEOSGeometry* g) { return GEOSisValid_r(handle_, g) == 1; }
  Truth relate(const GEOSGeometry* a, const GEOSGeometry* b) {
    char* m = GEOSRelate_r(handle_, a, b);
    Truth t{m ? std::string(m) : std::string()};
    GEOSFree_r(handle_, m);
    return t;
  }

 private:
  GEOSContextHandle_t handle_;
  GEOSWKTReader* reader_;
  std::vector<GEOSGeometry*> owned_;
};

const char* name(PairClass c) {
  switch (c) {
    case PairClass::Disjoint: return "Disjoint";
    case PairClass::TargetInside: return "TargetInside";
    case PairClass::CoverInside: return "CoverInside";
    case PairClass::Crossing: return "Crossing";
    case PairClass::Unknown: return "Unknown";
  }
  return "?";
}

// "" when `answer` (for target a, cover b) agrees with GEOS, else what is wrong.
std::string wrong_class(PairClass answer, const Truth& t) {
  bool right = true;
  switch (answer) {
    case PairClass::Disjoint: right = !t.interiors_meet(); break;
    case PairClass::TargetInside: right = t.interiors_meet() && t.a_in_b(); break;
    case PairClass::CoverInside: right = t.interiors_meet() && t.b_in_a(); break;
    case PairClass::Crossing: right = t.interiors_meet() && !t.a_in_b() && !t.b_in_a(); break;
    case PairClass::Unknown: break;
  }
  return right ? "" : std::string(name(answer)) + " but relate is " + t.matrix;
}

Truth swapped(const Truth& t) {  // relate(b, a) is the transpose of relate(a, b)
  const std::string& m = t.matrix;
  return Truth{{m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]}};
}

struct Checked {
  PairClass forward, backward;  // classify_pair(a, b), classify_pair(b, a)
  bool may_overlap;
  std::vector<std::string> wrong;           // a wrong "apart", Disjoint or Inside; entry points differ
  std::vector<std::string> wrong_crossing;  // a wrong Crossing
};

// Asks both entry points (plain geometries and prepared segments) about (a, b) and checks every
// definite answer against GEOS.
Checked check_pair(const Geometry& a, const Geometry& b, SegmentPolygon& sa, SegmentPolygon& sb,
                   const Truth& t) {
  Checked c;
  c.may_overlap = interiors_may_overlap(a, b);
  c.forward = classify_pair(a, b);
  c.backward = classify_pair(b, a);
  if (!c.may_overlap && t.interiors_meet()) c.wrong.push_back("interiors_may_overlap false but relate is " + t.matrix);
  if (interiors_may_overlap(sa, sb) != c.may_overlap) c.wrong.push_back("prepared interiors_may_overlap differs");
  if (classify_pair(sa, sb) != c.forward) c.wrong.push_back("prepared classify_pair(a, b) differs");
  if (classify_pair(sb, sa) != c.backward) c.wrong.push_back("prepared classify_pair(b, a) differs");
  // The entry point for a cover shared between threads (its index built beforehand, only read).
  sa.build_index();
  sb.build_index();
  if (classify_pair(sa, std::as_const(sb)) != c.forward) c.wrong.push_back("classify_pair(a, shared b) differs");
  if (classify_pair(sb, std::as_const(sa)) != c.backward) c.wrong.push_back("classify_pair(b, shared a) differs");
  if (std::string w = wrong_class(c.forward, t); !w.empty()) {
    (c.forward == PairClass::Crossing ? c.wrong_crossing : c.wrong).push_back("classify_pair(a, b): " + w);
  }
  if (std::string w = wrong_class(c.backward, swapped(t)); !w.empty()) {
    (c.backward == PairClass::Crossing ? c.wrong_crossing : c.wrong).push_back("classify_pair(b, a): " + w);
  }
  return c;
}

// A hand-made pair: the pre-test's answers, checked against GEOS as the sample's are.
Checked hand_pair(const char* a_wkt, const char* b_wkt) {
  GeosOracle geos;
  const GEOSGeometry* ga = geos.read(a_wkt);
  const GEOSGeometry* gb = geos.read(b_wkt);
  EXPECT_TRUE(ga && gb && geos.is_valid(ga) && geos.is_valid(gb)) << a_wkt << " / " << b_wkt;
  Geometry a = Geometry::from_wkt(a_wkt), b = Geometry::from_wkt(b_wkt);
  SegmentPolygon sa(a), sb(b);
  Checked c = check_pair(a, b, sa, sb, geos.relate(ga, gb));
  for (const std::string& w : c.wrong) ADD_FAILURE() << a_wkt << " / " << b_wkt << ": " << w;
  for (const std::string& w : c.wrong_crossing) ADD_FAILURE() << a_wkt << " / " << b_wkt << ": " << w;
  return c;
}

TEST(ClassifyPair, ASharedCoverWithoutItsIndexIsAnInternalError) {
  // A cover shared between threads must be indexed first: building the index lazily from
  // several threads at once would race.
  SegmentPolygon target(Geometry::from_wkt("POLYGON((1 1,2 1,2 2,1 2,1 1))"));
  const SegmentPolygon cover(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))"));
  EXPECT_THROW(classify_pair(target, cover), InternalError);
  SegmentPolygon built(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))"));
  built.build_index();
  EXPECT_EQ(classify_pair(target, std::as_const(built)), PairClass::TargetInside);
}

TEST(InteriorsOverlapAgainstGeos, TouchingEdgeIsDisjoint) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 0,20 0,20 10,10 10,10 0))");
  EXPECT_FALSE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::Disjoint);
  EXPECT_EQ(c.backward, PairClass::Disjoint);
}

TEST(InteriorsOverlapAgainstGeos, SharedVertexIsDisjoint) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 10,20 10,20 20,10 20,10 10))");
  EXPECT_FALSE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::Disjoint);
  EXPECT_EQ(c.backward, PairClass::Disjoint);
}

TEST(InteriorsOverlapAgainstGeos, PolygonFillingAHoleIsDisjoint) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2))",
                              "POLYGON((2 2,8 2,8 8,2 8,2 2))");
  EXPECT_FALSE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::Disjoint);
  EXPECT_EQ(c.backward, PairClass::Disjoint);
}

TEST(InteriorsOverlapAgainstGeos, PolygonInsideAHoleWithoutContactIsDisjoint) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2))",
                              "POLYGON((3 3,7 3,7 7,3 7,3 3))");
  EXPECT_FALSE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::Disjoint);
  EXPECT_EQ(c.backward, PairClass::Disjoint);
}

TEST(InteriorsOverlapAgainstGeos, NestedIsInsideBothWays) {
  // Strictly inside, and inside sharing two whole edges with the outer polygon's boundary.
  for (const char* inner : {"POLYGON((2 2,4 2,4 4,2 4,2 2))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"}) {
    const char* outer = "POLYGON((0 0,10 0,50 0,50 50,0 50,0 10,0 0))";
    const Checked c = hand_pair(inner, outer);
    EXPECT_TRUE(c.may_overlap) << inner;
    EXPECT_EQ(c.forward, PairClass::TargetInside) << inner;
    EXPECT_EQ(c.backward, PairClass::CoverInside) << inner;
  }
}

TEST(InteriorsOverlapAgainstGeos, IdenticalIsInside) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,0 10,10 10,10 0,0 0))");
  EXPECT_TRUE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::TargetInside);
  EXPECT_EQ(c.backward, PairClass::TargetInside);
}

TEST(InteriorsOverlapAgainstGeos, CrossingBoundariesMayOverlapAndAreLeftToGeos) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((5 5,15 5,15 15,5 15,5 5))");
  EXPECT_TRUE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::Unknown);
  EXPECT_EQ(c.backward, PairClass::Unknown);
}

TEST(InteriorsOverlapAgainstGeos, InteriorsMeetingWithoutContainmentIsCrossing) {
  // No boundary crosses another: the square sits in the ring's hole's way, each polygon has
  // points outside the other.
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2))",
                              "POLYGON((1 1,9 1,9 9,1 9,1 1))");
  EXPECT_TRUE(c.may_overlap);
  EXPECT_EQ(c.forward, PairClass::Crossing);
  EXPECT_EQ(c.backward, PairClass::Crossing);
}

TEST(InteriorsOverlapAgainstGeos, HalfASquareOnItsVerticesIsInside) {
  const Checked c = hand_pair("POLYGON((0 0,10 0,10 10,0 0))", "POLYGON((0 0,10 0,10 10,0 10,0 0))");
  EXPECT_TRUE(c.may_overlap);
  EXPECT_NE(c.forward, PairClass::Disjoint);
  EXPECT_NE(c.forward, PairClass::CoverInside);
}

// A ring of the square [x0, x1]² with `n` vertices a side, counter-clockwise, as WKT text.
std::string dense_ring(double x0, double x1, int n) {
  std::string wkt = "(";
  auto point = [&](double x, double y) { wkt += std::to_string(x) + " " + std::to_string(y) + ","; };
  const double d = (x1 - x0) / n;
  for (int i = 0; i < n; ++i) point(x0 + d * i, x0);
  for (int i = 0; i < n; ++i) point(x1, x0 + d * i);
  for (int i = 0; i < n; ++i) point(x1 - d * i, x1);
  for (int i = 0; i < n; ++i) point(x0, x1 - d * i);
  return wkt + std::to_string(x0) + " " + std::to_string(x0) + ")";
}

TEST(InteriorsOverlapAgainstGeos, LargeCoverAnswersFromItsBandsAsGeosDoes) {
  // A red-line-sized piece: [0, 100]² with a hole [40, 60]², 400 + 80 vertices, so that its
  // segments are found through its band index and a target whose box meets none of them is
  // answered by one vertex. Each answer is checked against GEOS relate (hand_pair), both ways
  // and through both entry points, and is the one expected by hand.
  const std::string cover = "POLYGON(" + dense_ring(0, 100, 100) + "," + dense_ring(40, 60, 20) + ")";
  struct Case {
    const char* target;
    PairClass expected;
  };
  const Case cases[] = {
      {"POLYGON((10 10,20 10,20 20,10 20,10 10))", PairClass::TargetInside},  // deep inside
      {"POLYGON((45 45,55 45,55 55,45 55,45 45))", PairClass::Disjoint},      // in the hole, no contact
      {"POLYGON((200 200,210 200,210 210,200 210,200 200))", PairClass::Disjoint},  // beside its box
      {"POLYGON((0 0,1 0,1 1,0 1,0 0))", PairClass::TargetInside},            // in its corner, two shared edges
      {"POLYGON((40 40,41 40,41 41,40 41,40 40))", PairClass::Disjoint},      // in the hole's corner
      {"POLYGON((-10 40,5 40,5 60,-10 60,-10 40))", PairClass::Unknown},      // across its edge
      // Around it without contact: the cover lies inside the target (CoverInside, or left to GEOS).
      {"POLYGON((-5 -5,105 -5,105 105,-5 105,-5 -5))", PairClass::Unknown},
  };
  for (const Case& c : cases) {
    const Checked got = hand_pair(c.target, cover.c_str());
    if (c.expected == PairClass::Unknown) {
      EXPECT_NE(got.forward, PairClass::Disjoint) << c.target;
      EXPECT_NE(got.forward, PairClass::TargetInside) << c.target;
    } else {
      EXPECT_EQ(got.forward, c.expected) << c.target;
    }
    EXPECT_EQ(got.may_overlap, c.expected != PairClass::Disjoint) << c.target;
  }
}

// Every pair of polygons of the sample county, within and across its ten polygon layers, whose
// envelopes meet: 29978 pairs, counted independently of redline by
//   /usr/bin/python3 tests/oracles/interiors_overlap_pairs.py samples/huichang/huichang.gpkg
// Computed once per process (about 10 s in a Release build).
struct SampleVerdicts {
  std::size_t layers = 0, pairs = 0, meeting = 0;
  std::size_t said_apart = 0;  // interiors_may_overlap() false
  std::map<std::string, std::size_t> answers;  // classify_pair() both ways, by answer
  std::vector<std::string> wrong, wrong_crossing;
};

const SampleVerdicts& sample_verdicts() {
  static const SampleVerdicts verdicts = [] {
    SampleVerdicts v;
    const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
    if (!std::filesystem::exists(sample)) {
      v.wrong.push_back("committed sample missing: " + sample);
      return v;
    }
    struct Polygon {
      std::string where;  // layer:fid
      Geometry geometry;
      const GEOSGeometry* geos;
      Envelope envelope;
      SegmentPolygon segments;
    };
    static GeosOracle geos;  // owns the parsed geometries; lives with the verdicts
    std::vector<Polygon> polygons;
    for (const LayerInfo& info : inspect_source(sample).layers) {
      if (!info.polygonal) continue;  // shoreline_line is a line layer
      ++v.layers;
      ReadOptions options;
      options.layer = info.name;
      for (Feature& f : read_layer(sample, options).features) {
        if (f.geometry.is_empty()) continue;
        // Both sides see the same coordinates: the pre-test the geometry parsed back from this
        // text, GEOS the text itself.
        const std::string wkt = f.geometry.to_wkt();
        Polygon p{info.name + ":" + std::to_string(f.fid), Geometry::from_wkt(wkt), geos.read(wkt), {}, {}};
        if (!p.geos || !geos.is_valid(p.geos)) {  // the pre-test REQUIRES valid polygons
          v.wrong.push_back(p.where + ": not valid for GEOS");
          continue;
        }
        p.envelope = p.geometry.envelope();
        p.segments.assign(p.geometry);
        polygons.push_back(std::move(p));
      }
    }
    for (std::size_t i = 0; i < polygons.size(); ++i) {
      for (std::size_t j = i + 1; j < polygons.size(); ++j) {
        Polygon& a = polygons[i];
        Polygon& b = polygons[j];
        if (!a.envelope.intersects(b.envelope)) continue;
        ++v.pairs;
        const Truth t = geos.relate(a.geos, b.geos);
        if (t.matrix.size() != 9) {
          v.wrong.push_back(a.where + " / " + b.where + ": GEOS relate failed");
          continue;
        }
        if (t.interiors_meet()) ++v.meeting;
        const Checked c = check_pair(a.geometry, b.geometry, a.segments, b.segments, t);
        if (!c.may_overlap) ++v.said_apart;
        ++v.answers[name(c.forward)];
        ++v.answers[name(c.backward)];
        for (const std::string& w : c.wrong) v.wrong.push_back(a.where + " / " + b.where + ": " + w);
        for (const std::string& w : c.wrong_crossing) v.wrong_crossing.push_back(a.where + " / " + b.where + ": " + w);
      }
    }
    return v;
  }();
  return verdicts;
}

std::string first(const std::vector<std::string>& lines, std::size_t n = 10) {
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < n; ++i) text += "\n  " + lines[i];
  return text;
}

TEST(InteriorsOverlapAgainstGeos, SampleCountyMostlyDecidedAndNeverApartOrInsideWrongly) {
  const SampleVerdicts& v = sample_verdicts();
  ASSERT_EQ(v.layers, 12u);      // ogrinfo -so: 13 layers, shoreline_line the one of lines
  ASSERT_EQ(v.pairs, 39001u);    // tests/oracles/interiors_overlap_pairs.py
  EXPECT_TRUE(v.wrong.empty()) << v.wrong.size() << " wrong answer(s):" << first(v.wrong);

  // "Maybe" is always right, so answering it always would pass the test above: the pre-test
  // must also decide. Measured on 2026-11-23 (29978 pairs, 11112 with meeting interiors):
  // interiors_may_overlap() false for 18797 pairs (62.7 %); classify_pair(), asked both ways,
  // Disjoint 37594, TargetInside 5444, CoverInside 5318, Crossing 298, Unknown 11302 of 59956
  // answers (80.7 % Disjoint or Inside). With the farmland and urban layers (2026-11-24, 39001
  // pairs): 65.8 % said apart, 82.9 % decided. Bounds a little below, for changes that cost a few.
  EXPECT_GE(static_cast<double>(v.said_apart) / v.pairs, 0.60) << v.said_apart << " of " << v.pairs;
  const auto count = [&](const char* k) { return v.answers.count(k) ? v.answers.at(k) : 0; };
  const std::size_t decided = count("Disjoint") + count("TargetInside") + count("CoverInside");
  EXPECT_GE(static_cast<double>(decided) / (2 * v.pairs), 0.78) << decided << " of " << 2 * v.pairs;
  // Each definite kind appears: a pre-test that lost one would not show here otherwise.
  EXPECT_GT(count("TargetInside"), 1000u);
  EXPECT_GT(count("CoverInside"), 1000u);
  // Pairs said apart can only be pairs whose interiors GEOS says do not meet.
  EXPECT_LE(v.said_apart, v.pairs - v.meeting);
}

// Crossing promises that the interiors meet and neither polygon lies within the other. Today it
// is wrong for 131 sample pairs (262 answers), always in the same way: the probe at the middle
// of an edge is the rounded midpoint, and for an edge that runs within ~1e-8 m of the other's
// boundary the rounding can put it on the other side (county:1 / parcels:135: a parcel inside the
// county, its edge ending on a county vertex, is "Crossing"). The overlay treats Crossing as
// "ask GEOS" (piece_matcher.cpp), so no figure is wrong; the pre-test's promise is. This test
// fails until the midpoint probe accounts for its rounding (or Crossing stops being a promise).
TEST(InteriorsOverlapAgainstGeos, SampleCountyNeverCrossingWrongly) {
  const SampleVerdicts& v = sample_verdicts();
  ASSERT_EQ(v.pairs, 39001u) << first(v.wrong);  // the pairs were all asked
  EXPECT_TRUE(v.wrong_crossing.empty()) << v.wrong_crossing.size() << " wrong Crossing answer(s):"
                                        << first(v.wrong_crossing);
}

TEST(InteriorsOverlapAgainstGeos, RoundedMidpointNearTheBoundaryIsNotCrossing) {
  // Cut from the sample (county:1 / parcels:135): the target's edge from (39385858.29507192
  // 2836645.408628309), just inside the cover's edge, to the cover's vertex (39386034.30745156
  // 2836643.899081241). Its exact midpoint is inside the cover, its rounded midpoint outside
  // (exact rational orientation, Python fractions). GEOS: 2FF10F212, within.
  const Checked c = hand_pair(
      "POLYGON((39385858.29507192 2836645.408628309,39386034.30745156 2836643.899081241,"
      "39385878.29507192 2836605.408628309,39385858.29507192 2836645.408628309))",
      "POLYGON((39385838.13687163 2836645.581512468,39386034.30745156 2836643.899081241,"
      "39385936.22216159 2836444.7402968546,39385838.13687163 2836645.581512468))");
  EXPECT_TRUE(c.may_overlap);
  EXPECT_TRUE(c.forward == PairClass::TargetInside || c.forward == PairClass::Unknown) << name(c.forward);
  EXPECT_TRUE(c.backward == PairClass::CoverInside || c.backward == PairClass::Unknown) << name(c.backward);
}

}  // namespace
}  // namespace redline::detail
