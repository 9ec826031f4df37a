// Status: the outcome of an operation that can fail, as a value (no exceptions cross module
// boundaries). An OK status carries nothing; an error carries a code and a message written for
// the user: it names the file and place, what is wrong and what to change.
// Thread-compatible: a Status is a plain value.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace mesh {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument,   // the caller's input is wrong (bad YAML, bad data, bad flag)
  kNotFound,          // a named thing does not exist
  kAlreadyExists,     // a thing that must be unique exists already
  kConflict,          // a concurrent change won (retry may succeed)
  kPermissionDenied,  // the person may not do this
  kUnauthenticated,   // no valid identity
  kFailedPrecondition,
  kResourceExhausted,  // a size or depth limit was hit
  kIOError,            // the OS or a store failed
  kNotSupported,
  kCorruption,  // stored or read bytes are not what they claim to be
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message);

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) {
    return Status(StatusCode::kAlreadyExists, std::move(msg));
  }
  static Status Conflict(std::string msg) { return Status(StatusCode::kConflict, std::move(msg)); }
  static Status PermissionDenied(std::string msg) {
    return Status(StatusCode::kPermissionDenied, std::move(msg));
  }
  static Status Unauthenticated(std::string msg) {
    return Status(StatusCode::kUnauthenticated, std::move(msg));
  }
  static Status FailedPrecondition(std::string msg) {
    return Status(StatusCode::kFailedPrecondition, std::move(msg));
  }
  static Status ResourceExhausted(std::string msg) {
    return Status(StatusCode::kResourceExhausted, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(StatusCode::kNotSupported, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  const std::string& message() const;

  // "InvalidArgument: <message>", or "OK".
  std::string ToString() const;

  // The same code with `context + ": "` put before the message; OK stays OK.
  Status WithContext(std::string_view context) const;

  bool IsInvalidArgument() const { return code() == StatusCode::kInvalidArgument; }
  bool IsNotFound() const { return code() == StatusCode::kNotFound; }
  bool IsConflict() const { return code() == StatusCode::kConflict; }
  bool IsIOError() const { return code() == StatusCode::kIOError; }

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  // Shared so copies are cheap; a State is never mutated after construction.
  std::shared_ptr<const State> state_;
};

std::ostream& operator<<(std::ostream& os, const Status& status);

}  // namespace mesh

#define MESH_CONCAT_IMPL(a, b) a##b
#define MESH_CONCAT(a, b) MESH_CONCAT_IMPL(a, b)

// Returns the Status of `expr` from the enclosing function when it is an error.
#define RETURN_NOT_OK(expr)                      \
  do {                                           \
    ::mesh::Status _mesh_status = (expr);        \
    if (!_mesh_status.ok()) return _mesh_status; \
  } while (false)
