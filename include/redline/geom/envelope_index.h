#pragma once
// redline::EnvelopeIndex: a static spatial index over bounding boxes (Boost.Geometry's R-tree,
// bulk-loaded with its packing algorithm). Built once, queried from any number of threads.
//
// Example usage:
//   std::vector<redline::Envelope> boxes = ...;    // one per feature
//   redline::EnvelopeIndex index(boxes);
//   for (std::size_t i : index.query(parcel.envelope())) { ... }
#include <cstddef>
#include <memory>
#include <vector>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

class REDLINE_EXPORT EnvelopeIndex {
 public:
  /// Indexes `boxes`; item i is boxes[i]. Null boxes are left out.
  explicit EnvelopeIndex(const std::vector<Envelope>& boxes);
  ~EnvelopeIndex();
  EnvelopeIndex(EnvelopeIndex&&) noexcept;
  EnvelopeIndex& operator=(EnvelopeIndex&&) noexcept;

  /// Returns the items whose box intersects `box`, in increasing order (so that results do
  /// not depend on the tree's layout).
  std::vector<std::size_t> query(const Envelope& box) const;
  /// Returns the number of items indexed.
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
