#pragma once
// Private: the list of changed features and the feature counts of a drift, from the matched
// versions and the engine's outcomes (see DriftFeatureCounts in redline/drift/drift.h).
#include <cstddef>
#include <string>
#include <vector>

#include "drift/drift_engine.h"
#include "drift/layer_version.h"
#include "redline/drift/drift.h"

namespace redline::detail {

/// Returns the names of BEFORE's fields, other than `key_field`, whose value differs between
/// BEFORE feature `bi` and AFTER feature `aj` (fields matched by name; a value that became null
/// or stopped being null changed).
std::vector<std::string> changed_fields(const Layer& before, const Layer& after, std::size_t bi, std::size_t aj,
                                        const std::string& key_field);

/// Appends every feature that is not unchanged to r.changes (BEFORE's features in order, then
/// AFTER's unmatched ones) and counts r.features (matched, added, removed, modified). `keyed`:
/// features were matched by key_field.
void list_feature_changes(DriftResult& r, const LayerVersion& before, const LayerVersion& after,
                          const DriftEngine& engine, bool keyed, const std::string& key_field);

}  // namespace redline::detail
