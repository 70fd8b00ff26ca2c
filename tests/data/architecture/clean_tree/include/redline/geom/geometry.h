#pragma once
#include <memory>
#include "redline/error.h"
// Sealed: no GEOS name here, only an opaque handle.
namespace redline { class Geometry { struct Impl; std::unique_ptr<Impl> impl_; }; }
