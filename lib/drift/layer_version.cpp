#include "drift/layer_version.h"

#include "util/parallel.h"

namespace redline::detail {

LayerVersion prepare_version(const Layer& layer, std::optional<std::size_t> key_index,
                             std::optional<std::size_t> class_index, AreaMethod method, unsigned threads) {
  const std::size_t n = layer.features.size();
  LayerVersion s;
  s.layer = &layer;
  s.env.assign(n, Envelope{});
  s.m2.assign(n, 0.0);
  s.planar.assign(n, 0.0);
  s.key.assign(n, "");
  s.key_missing.assign(n, 0);
  s.klass.assign(n, "");
  s.rings.assign(n, {});
  s.partner.assign(n, kUnmatched);
  s.by_edges.assign(n, 0);
  auto make_calculator = [&] { return std::optional<AreaCalculator>(std::in_place, layer.crs, method); };
  parallel_for_with_state(n, threads, make_calculator,
                          [&](std::size_t i, std::optional<AreaCalculator>& calc, unsigned) {
    const Feature& f = layer.features[i];
    // Envelopes are also computed here, on one thread per feature, before any sharing.
    s.env[i] = f.geometry.envelope();
    try {
      s.m2[i] = calc->area(f.geometry);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(f.fid));
    }
    s.planar[i] = f.geometry.planar_area();
    s.key[i] = key_index ? to_string(f.values[*key_index]) : std::to_string(f.fid);
    if (key_index) {
      s.key_missing[i] = is_missing(f.values[*key_index]) ||
                         s.key[i].find_first_not_of(" \t") == std::string::npos;
      if (s.key_missing[i]) s.key[i].clear();
    }
    // A class that is null (or NaN) is "(null)", so that a change from '' to null is a change.
    if (class_index) s.klass[i] = is_missing(f.values[*class_index]) ? "(null)" : to_string(f.values[*class_index]);
    s.rings[i] = extract_rings(f.geometry);
  }, 64);
  s.index = std::make_unique<EnvelopeIndex>(s.env);
  return s;
}

}  // namespace redline::detail
