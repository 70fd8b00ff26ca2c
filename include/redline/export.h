#pragma once
// TEMPORARY (geom branch only): replaced by the header CMake generates (GenerateExportHeader).
#define REDLINE_EXPORT
