#pragma once
#include <stdexcept>
#include <string>
