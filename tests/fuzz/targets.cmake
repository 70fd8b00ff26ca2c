# The fuzz targets of tests/fuzz: one source file each, <name>_fuzzer.cpp, with its seed corpus
# in tests/fuzz/corpus/<name>/ and the reproducers of past findings in tests/data/fuzz/<name>/.
set(REDLINE_FUZZ_TARGETS read_shapefile read_geopackage read_geojson rules units wkb)
