// Label placement: greedy, first come first placed, no two labels overlap.
#include "report/map_drawing.h"

namespace redline::detail {

bool LabelPlacer::try_place(const PageBox& box) {
  if (!box.inside(frame_)) return false;
  for (const PageBox& other : placed_) {
    if (box.overlaps(other)) return false;
  }
  placed_.push_back(box);
  return true;
}

}  // namespace redline::detail
