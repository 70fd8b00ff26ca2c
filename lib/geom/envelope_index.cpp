#include "redline/geom/envelope_index.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

namespace redline {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

struct EnvelopeIndex::Impl {
  using Point = bg::model::point<double, 2, bg::cs::cartesian>;
  using Box = bg::model::box<Point>;
  using Value = std::pair<Box, std::size_t>;
  bgi::rtree<Value, bgi::rstar<16>> tree;
  explicit Impl(std::vector<Value> values) : tree(values.begin(), values.end()) {}  // packing
};

EnvelopeIndex::EnvelopeIndex(const std::vector<Envelope>& boxes) {
  std::vector<Impl::Value> values;
  values.reserve(boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Envelope& e = boxes[i];
    if (e.is_null) continue;
    values.emplace_back(Impl::Box({e.min_x, e.min_y}, {e.max_x, e.max_y}), i);
  }
  impl_ = std::make_unique<Impl>(std::move(values));
}

EnvelopeIndex::~EnvelopeIndex() = default;
EnvelopeIndex::EnvelopeIndex(EnvelopeIndex&&) noexcept = default;
EnvelopeIndex& EnvelopeIndex::operator=(EnvelopeIndex&&) noexcept = default;

std::vector<std::size_t> EnvelopeIndex::query(const Envelope& e) const {
  std::vector<std::size_t> out;
  if (e.is_null) return out;
  Impl::Box box({e.min_x, e.min_y}, {e.max_x, e.max_y});
  impl_->tree.query(bgi::intersects(box),
                    boost::iterators::make_function_output_iterator([&out](const Impl::Value& v) { out.push_back(v.second); }));
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t EnvelopeIndex::size() const { return impl_->tree.size(); }

}  // namespace redline
