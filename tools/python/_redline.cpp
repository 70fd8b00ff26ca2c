// redline._redline: the compiled half of `import redline`, over the stable C API (redline_c.h)
// only, as shapely stands on geos_c.h. It reads the layers, runs one job and hands back the
// JSON text; the pure-Python half (redline/__init__.py) names the keywords, maps the errors to
// exceptions and documents everything.
//
// Threads: every call makes its own redline_context_t (one context per call, hence per thread),
// and releases the GIL while the C library works; the progress callback takes it back.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "redline/redline_c.h"

namespace py = pybind11;

namespace {

using OptionPairs = std::vector<std::pair<std::string, std::string>>;
// One input: its path and its reading options ("layer", "assume-crs", ...).
using Input = std::pair<std::string, OptionPairs>;

// Each handle owned by a unique_ptr that calls its C destroy function.
template <auto destroy>
struct Destroy {
  template <typename Handle>
  void operator()(Handle* handle) const { destroy(handle); }
};
using Context = std::unique_ptr<redline_context_t, Destroy<&redline_context_destroy>>;
using Options = std::unique_ptr<redline_options_t, Destroy<&redline_options_destroy>>;
using Layer = std::unique_ptr<redline_layer_t, Destroy<&redline_layer_destroy>>;
using Result = std::unique_ptr<redline_result_t, Destroy<&redline_result_destroy>>;

// The Python progress callable and what it raised, shared with the C trampoline below.
struct Progress {
  py::object callback;
  std::unique_ptr<py::error_already_set> raised;  // the callback's own exception, re-raised as is
};

// Called by the C library on the thread that made the call, with the GIL released: takes the
// GIL, runs Python's signal handlers (Ctrl-C raises KeyboardInterrupt there), calls the Python
// callable if there is one, and turns a true return or an exception into "cancel". No C++
// exception may cross the C library's frames, so every one is caught here.
int progress_trampoline(const char* stage, size_t done, size_t total, void* user) {
  auto* progress = static_cast<Progress*>(user);
  py::gil_scoped_acquire gil;
  if (progress->raised) return 1;
  if (PyErr_CheckSignals() != 0) {
    progress->raised = std::make_unique<py::error_already_set>();
    return 1;
  }
  if (progress->callback.is_none()) return 0;
  try {
    py::object answer = progress->callback(py::str(stage), done, total);
    const int truth = PyObject_IsTrue(answer.ptr());  // -1: its __bool__ raised (a numpy array)
    if (truth < 0) throw py::error_already_set();
    return truth;
  } catch (py::error_already_set& e) {
    progress->raised = std::make_unique<py::error_already_set>(std::move(e));
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
    progress->raised = std::make_unique<py::error_already_set>();
  }
  return 1;
}

// The outcome of one call: (status, json, None) or (None, None, (kind, message, file, layer,
// feature)); a progress callback's exception is raised instead.
py::tuple failure(redline_context_t* ctx, Progress& progress) {
  if (progress.raised) {
    py::error_already_set raised = std::move(*progress.raised);
    progress.raised.reset();
    throw raised;
  }
  return py::make_tuple(py::none(), py::none(),
                        py::make_tuple(static_cast<int>(redline_last_error_kind(ctx)),
                                       redline_last_error_message(ctx), redline_last_error_file(ctx),
                                       redline_last_error_layer(ctx), redline_last_error_feature(ctx)));
}

// Fills a C options set; false (with the context's error) when a key is refused.
bool fill_options(redline_context_t* ctx, redline_options_t* options, const OptionPairs& pairs) {
  for (const auto& [key, value] : pairs) {
    if (redline_options_set(ctx, options, key.c_str(), value.c_str()) != REDLINE_OK) return false;
  }
  return true;
}

Options make_options() {
  Options options(redline_options_create());
  if (!options) throw std::bad_alloc();
  return options;
}

// run(job, inputs, options, progress): reads `inputs` (a list of (path, reading options)), runs
// `job` ("area", "length", "coverage", "tabulate", "drift") on them with the job `options`, or
// for "check" runs the rules file inputs[0][0]. Returns (status, json, error) as failure() says.
py::tuple run(const std::string& job, const std::vector<Input>& inputs, const OptionPairs& job_options,
              const py::object& callback) {
  const bool is_check = job == "check";
  const size_t wanted = is_check ? 1 : (job == "area" || job == "length") ? 1 : 2;
  if (!is_check && job != "area" && job != "length" && job != "coverage" && job != "tabulate" &&
      job != "drift") {
    throw py::value_error("redline._redline.run: unknown job '" + job + "'");
  }
  if (inputs.size() != wanted) throw py::value_error("redline._redline.run: wrong number of inputs for " + job);

  Context ctx(redline_context_create());
  if (!ctx) throw std::bad_alloc();
  Progress progress{callback, nullptr};
  // Always set: even without a Python callback, Ctrl-C stops a long job at its next progress
  // point (the GIL is released, so Python could not see the signal before the call returns).
  redline_set_progress(ctx.get(), &progress_trampoline, &progress);

  Options options = make_options();
  if (!fill_options(ctx.get(), options.get(), job_options)) return failure(ctx.get(), progress);

  Result result;
  if (is_check) {
    const std::string& rules = inputs[0].first;
    py::gil_scoped_release release;
    result.reset(redline_check(ctx.get(), rules.c_str(), options.get()));
  } else {
    std::vector<Layer> layers;
    for (const auto& [path, reading_pairs] : inputs) {
      Options reading = make_options();
      if (!fill_options(ctx.get(), reading.get(), reading_pairs)) return failure(ctx.get(), progress);
      redline_layer_t* layer = nullptr;
      {
        py::gil_scoped_release release;
        layer = redline_layer_read(ctx.get(), path.c_str(), reading.get());
      }
      if (layer == nullptr) return failure(ctx.get(), progress);
      layers.emplace_back(layer);
    }
    py::gil_scoped_release release;
    redline_context_t* c = ctx.get();
    const redline_options_t* o = options.get();
    if (job == "area") result.reset(redline_area(c, layers[0].get(), o));
    else if (job == "length") result.reset(redline_length(c, layers[0].get(), o));
    else if (job == "coverage") result.reset(redline_coverage(c, layers[0].get(), layers[1].get(), o));
    // inputs are (zones, classes); redline_tabulate takes the classes first, then the zones
    else if (job == "tabulate") result.reset(redline_tabulate(c, layers[1].get(), layers[0].get(), o));
    else result.reset(redline_drift(c, layers[0].get(), layers[1].get(), o));
  }
  if (!result) return failure(ctx.get(), progress);
  if (progress.raised) return failure(ctx.get(), progress);  // raised at the last progress point
  return py::make_tuple(static_cast<int>(redline_result_status(result.get())),
                        py::str(redline_result_json(result.get())), py::none());
}

}  // namespace

PYBIND11_MODULE(_redline, m) {
  m.doc() = "The compiled half of redline: the C API (redline_c.h) for redline/__init__.py. "
            "Use the functions of the redline package, not these.";
  m.def("version", [] { return std::string(redline_version()); },
        "The redline library's version, MAJOR.MINOR.PATCH.");
  m.def("c_api_version", [] { return redline_c_api_version(); },
        "The C API contract version the library was built with.");
  m.attr("HEADER_C_API_VERSION") = REDLINE_C_API_VERSION;
  m.def("run", &run, py::arg("job"), py::arg("inputs"), py::arg("options"), py::arg("progress"),
        "run(job, inputs, options, progress) -> (status, json, error): one job through the C API.");
  m.attr("ERROR_USAGE") = static_cast<int>(REDLINE_ERROR_USAGE);
  m.attr("ERROR_INPUT") = static_cast<int>(REDLINE_ERROR_INPUT);
  m.attr("ERROR_OUTPUT") = static_cast<int>(REDLINE_ERROR_OUTPUT);
  m.attr("ERROR_INTERNAL") = static_cast<int>(REDLINE_ERROR_INTERNAL);
  m.attr("ERROR_CANCELLED") = static_cast<int>(REDLINE_ERROR_CANCELLED);
  m.attr("CHECK_FAILED") = static_cast<int>(REDLINE_CHECK_FAILED);
}
