#include "base/clock.h"

#include <chrono>
#include <cstdlib>

namespace mesh {
namespace {

class SystemClockImpl final : public Clock {
 public:
  Timestamp Now() const override {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(now).count()};
  }
};

}  // namespace

std::shared_ptr<Clock> SystemClock() {
  static std::shared_ptr<Clock> instance = std::make_shared<SystemClockImpl>();
  return instance;
}

Timestamp FixedClock::Now() const { return Timestamp{now_micros_.load()}; }
void FixedClock::Set(Timestamp now) { now_micros_.store(now.micros); }
void FixedClock::Advance(int64_t micros) { now_micros_.fetch_add(micros); }

Result<std::shared_ptr<Clock>> ClockFromEnvironment() {
  const char* env = std::getenv("MESH_NOW");
  if (env == nullptr || *env == '\0') return SystemClock();
  std::optional<Timestamp> now = ParseTimestamp(env);
  if (!now) {
    return Status::InvalidArgument(std::string("MESH_NOW='") + env +
                                   "' is not an ISO-8601 instant with a zone; use a form like "
                                   "2026-11-20T08:00:00Z");
  }
  return std::shared_ptr<Clock>(std::make_shared<FixedClock>(*now));
}

}  // namespace mesh
