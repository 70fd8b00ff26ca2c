#pragma once
// Private: whether a cell's text is a plain decimal number, for CSV and workbooks alike.
#include <string>

namespace redline::detail {

/// True for a plain decimal number ("-12.50", "3e-4"; not "1,234" nor "12 ha").
bool is_plain_number(const std::string& s);

}  // namespace redline::detail
