// for_each_path (redline/geom/paths.h): shells, holes, lines and points in order, part numbers,
// empty parts, early stop, and the scratch copy a visitor may change.
#include "redline/geom/paths.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redline {
namespace {

struct Seen {
  PathRole role;
  std::size_t part, ring, size;
  double x0, y0;
};

std::vector<Seen> walk(const Geometry& g) {
  std::vector<Seen> seen;
  for_each_path(g, [&](const PathView& p) {
    seen.push_back({p.role, p.part, p.ring, p.size, p.x(0), p.y(0)});
    return true;
  });
  return seen;
}

TEST(ForEachPath, PolygonGivesShellThenHolesClosed) {
  const Geometry g = Geometry::from_wkt(
      "POLYGON((0 0,10 0,10 10,0 10,0 0),(1 1,2 1,2 2,1 1),(5 5,6 5,6 6,5 5))");
  const std::vector<Seen> s = walk(g);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].role, PathRole::Shell);
  EXPECT_EQ(s[0].ring, 0u);
  EXPECT_EQ(s[0].size, 5u);  // closed: last == first
  EXPECT_EQ(s[1].role, PathRole::Hole);
  EXPECT_EQ(s[1].ring, 1u);
  EXPECT_EQ(s[1].x0, 1.0);
  EXPECT_EQ(s[2].role, PathRole::Hole);
  EXPECT_EQ(s[2].ring, 2u);
  EXPECT_EQ(s[2].x0, 5.0);
  for (const Seen& e : s) EXPECT_EQ(e.part, 0u);
}

TEST(ForEachPath, RingsAreClosedAndVerticesInOrder) {
  const Geometry g = Geometry::from_wkt("POLYGON((0 0,4 0,4 3,0 0))");
  std::vector<double> xy;
  for_each_path(g, [&](const PathView& p) {
    xy.assign(p.xy, p.xy + 2 * p.size);
    return true;
  });
  EXPECT_EQ(xy, (std::vector<double>{0, 0, 4, 0, 4, 3, 0, 0}));
}

TEST(ForEachPath, MultiPolygonPartsAreNumberedAndEmptyPartsCounted) {
  // Part 1 is empty: it is skipped but still counted, so part numbers match num_parts()/part().
  const Geometry g = Geometry::from_wkt(
      "GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 0)),POLYGON EMPTY,"
      "POLYGON((5 5,6 5,6 6,5 5),(5.1 5.05,5.2 5.05,5.2 5.1,5.1 5.05)))");
  const std::vector<Seen> s = walk(g);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].part, 0u);
  EXPECT_EQ(s[1].part, 2u);
  EXPECT_EQ(s[1].role, PathRole::Shell);
  EXPECT_EQ(s[2].part, 2u);
  EXPECT_EQ(s[2].role, PathRole::Hole);
  EXPECT_EQ(s[2].ring, 1u);
}

TEST(ForEachPath, MultiPolygonPartIndexMatchesPart) {
  const Geometry g = Geometry::from_wkt(
      "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)),((9 9,10 9,10 10,9 9)))");
  const std::vector<Seen> s = walk(g);
  ASSERT_EQ(s.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(s[i].part, i);
    EXPECT_EQ(s[i].role, PathRole::Shell);
    EXPECT_EQ(s[i].x0, g.part(i).envelope().min_x);
  }
}

TEST(ForEachPath, LinesAndPointsOfACollection) {
  const Geometry g = Geometry::from_wkt(
      "GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,3 4,5 5),MULTIPOINT((7 8),(9 10)))");
  const std::vector<Seen> s = walk(g);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].role, PathRole::Point);
  EXPECT_EQ(s[0].size, 1u);
  EXPECT_EQ(s[0].x0, 1.0);
  EXPECT_EQ(s[0].y0, 2.0);
  EXPECT_EQ(s[1].role, PathRole::Line);
  EXPECT_EQ(s[1].size, 3u);
  EXPECT_EQ(s[2].role, PathRole::Point);
  EXPECT_EQ(s[2].x0, 7.0);
  EXPECT_EQ(s[3].x0, 9.0);
  EXPECT_EQ(s[0].part, 0u);
  EXPECT_EQ(s[1].part, 1u);
  EXPECT_EQ(s[2].part, 2u);
  EXPECT_EQ(s[3].part, 3u);
}

TEST(ForEachPath, VisitorStopsTheWalk) {
  const Geometry g = Geometry::from_wkt(
      "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)),((9 9,10 9,10 10,9 9)))");
  int calls = 0;
  const bool finished = for_each_path(g, [&](const PathView&) { return ++calls < 2; });
  EXPECT_FALSE(finished);
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(for_each_path(g, [](const PathView&) { return true; }));
}

TEST(ForEachPath, NullAndEmptyHaveNoPath) {
  int calls = 0;
  auto count = [&](const PathView&) { return ++calls, true; };
  EXPECT_TRUE(for_each_path(Geometry(), count));
  EXPECT_TRUE(for_each_path(Geometry::from_wkt("MULTIPOLYGON EMPTY"), count));
  EXPECT_TRUE(for_each_path(Geometry::from_wkt("POLYGON EMPTY"), count));
  EXPECT_EQ(calls, 0);
}

TEST(ForEachPath, ChangingTheScratchCopyLeavesTheGeometryAlone) {
  const Geometry g = Geometry::from_wkt("POLYGON((0 0,4 0,4 3,0 0))");
  const std::string before = g.to_wkt();
  for_each_path(g, [](const PathView& p) {
    for (std::size_t i = 0; i < 2 * p.size; ++i) p.xy[i] = 1e6;
    return true;
  });
  EXPECT_EQ(g.to_wkt(), before);
  EXPECT_DOUBLE_EQ(g.planar_area(), 6.0);
}

}  // namespace
}  // namespace redline
