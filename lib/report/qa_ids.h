#pragma once
// Private: how the QA report and the QA layers name a finding's features.
#include <string>

#include "redline/checks/delivery_qa.h"

namespace redline::detail {

/// Returns the features' ids, comma separated: key values when `key_field` is set (a NULL or
/// blank key as "FID n"), else FIDs.
std::string qa_ids_text(const QaFinding& finding, const std::string& key_field);

/// Returns the features' FIDs, comma separated.
std::string qa_fids_text(const QaFinding& finding);

}  // namespace redline::detail
