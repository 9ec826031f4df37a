// Clock: where Meshwork learns the time. Nothing reads std::chrono::system_clock directly, so
// tests and the CLI's MESH_NOW make every time-dependent result reproducible.
// Implementations are safe for concurrent use.
#pragma once

#include <memory>

#include "base/result.h"
#include "base/time.h"

namespace mesh {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

// The system's real-time clock.
std::shared_ptr<Clock> SystemClock();

// A clock that says what it was told; Set/Advance for tests. Safe for concurrent use.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp now) : now_micros_(now.micros) {}
  Timestamp Now() const override;
  void Set(Timestamp now);
  void Advance(int64_t micros);

 private:
  std::atomic<int64_t> now_micros_;
};

// The clock the CLI uses: a FixedClock at MESH_NOW (ISO-8601, e.g. 2026-11-20T08:00:00Z) when
// that variable is set, else the system clock. An unparsable MESH_NOW is an InvalidArgument
// error naming the variable and the expected form.
Result<std::shared_ptr<Clock>> ClockFromEnvironment();

}  // namespace mesh
