#pragma once
#include <string>
#include <nlohmann/json.hpp>
std::string area_report();
