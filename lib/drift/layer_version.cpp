#include "drift/layer_version.h"

#include "util/costliest_first.h"

namespace redline::detail {

namespace {

// Sizes every per-feature vector of `s` for `layer`, every feature unmatched.
void allocate(LayerVersion& s, const Layer& layer) {
  const std::size_t n = layer.features.size();
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
}

// Fills feature i of `s`; `calc` measures in s.layer's CRS.
void prepare_feature(LayerVersion& s, VersionFields fields, std::size_t i, const AreaCalculator& calc) {
  const Layer& layer = *s.layer;
  const Feature& f = layer.features[i];
  // Envelopes are also computed here, on one thread per feature, before any sharing.
  s.env[i] = f.geometry.envelope();
  try {
    s.m2[i] = calc.area(f.geometry);
  } catch (const Error& e) {
    rethrow_with_location(e, layer.where(f.fid));
  }
  s.planar[i] = f.geometry.planar_area();
  s.key[i] = fields.key ? to_string(f.values[*fields.key]) : std::to_string(f.fid);
  if (fields.key) {
    s.key_missing[i] = is_missing(f.values[*fields.key]) || s.key[i].find_first_not_of(" \t") == std::string::npos;
    if (s.key_missing[i]) s.key[i].clear();
  }
  // A class that is null (or NaN) is "(null)", so that a change from '' to null is a change.
  if (fields.klass) s.klass[i] = is_missing(f.values[*fields.klass]) ? "(null)" : to_string(f.values[*fields.klass]);
  s.rings[i] = extract_rings(f.geometry);
}

}  // namespace

std::pair<LayerVersion, LayerVersion> prepare_versions(const Layer& before, VersionFields before_fields,
                                                       const Layer& after, VersionFields after_fields,
                                                       AreaMethod method, unsigned threads) {
  std::pair<LayerVersion, LayerVersion> out;
  LayerVersion& b = out.first;
  LayerVersion& a = out.second;
  allocate(b, before);
  allocate(a, after);
  // Items 0..nb-1 are BEFORE's features, then AFTER's: errors come in that order.
  const std::size_t nb = before.features.size();
  std::vector<std::size_t> cost(nb + after.features.size());
  for (std::size_t i = 0; i < nb; ++i) cost[i] = static_cast<std::size_t>(before.features[i].geometry.num_points());
  for (std::size_t j = 0; j < after.features.size(); ++j) {
    cost[nb + j] = static_cast<std::size_t>(after.features[j].geometry.num_points());
  }
  // A worker's calculators, one per version: the versions' CRSs are equivalent, not the same object.
  struct Calculators {
    std::optional<AreaCalculator> before, after;
  };
  run_costliest_first<Calculators>(cost, threads, ProgressFn{}, "preparing", [] { return Calculators{}; },
                                   [&](std::size_t item, Calculators& calcs) {
    const bool is_before = item < nb;
    std::optional<AreaCalculator>& calc = is_before ? calcs.before : calcs.after;
    if (!calc) calc.emplace(is_before ? before.crs : after.crs, method);
    if (is_before) prepare_feature(b, before_fields, item, *calc);
    else prepare_feature(a, after_fields, item - nb, *calc);
  });
  b.index = std::make_unique<EnvelopeIndex>(b.env);
  a.index = std::make_unique<EnvelopeIndex>(a.env);
  return out;
}

}  // namespace redline::detail
