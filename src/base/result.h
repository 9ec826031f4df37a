// Result<T>: either a value of T or an error Status. Functions that produce something and can
// fail return it; callers unwrap with ASSIGN_OR_RAISE or check ok() first.
// Thread-compatible: a Result is a plain value.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/status.h"

namespace mesh {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : storage_(std::move(value)) {}        // NOLINT(runtime/explicit)
  Result(Status status) : storage_(std::move(status)) {  // NOLINT(runtime/explicit)
    assert(!std::get<Status>(storage_).ok() && "Result constructed from an OK Status");
    if (std::get<Status>(storage_).ok()) {
      storage_ = Status::Internal("Result constructed from an OK Status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(storage_); }

  // The error, or OK when there is a value.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(storage_); }

  // Precondition: ok().
  const T& value() const& { return std::get<T>(storage_); }
  T& value() & { return std::get<T>(storage_); }
  T&& value() && { return std::get<T>(std::move(storage_)); }
  T ValueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<Status, T> storage_;
};

}  // namespace mesh

#define MESH_ASSIGN_OR_RAISE_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                              \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()

// Evaluates `rexpr` (a Result<T>); returns its error from the enclosing function, or assigns the
// value to `lhs` (which may be a declaration: `ASSIGN_OR_RAISE(auto x, Make())`).
#define ASSIGN_OR_RAISE(lhs, rexpr) \
  MESH_ASSIGN_OR_RAISE_IMPL(MESH_CONCAT(_mesh_result_, __COUNTER__), lhs, rexpr)
