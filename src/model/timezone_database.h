// TimezoneDatabase: answers whether a name is an IANA time zone ("UTC", "Europe/Paris"), from
// the compiled tz database on disk (tzdata: /usr/share/zoneinfo), read through FileSystem.
// A zone is a file whose path below the root is the name and that starts with the TZif magic.
// Safe for concurrent use (answers are cached under a mutex).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "base/filesystem.h"

namespace mesh {

class TimezoneDatabase {
 public:
  TimezoneDatabase(std::shared_ptr<FileSystem> fs, std::string root);

  // The system database (/usr/share/zoneinfo, or $TZDIR when set), shared by the process.
  static const TimezoneDatabase& System();

  bool Exists(std::string_view name) const;

 private:
  bool Lookup(const std::string& name) const;

  std::shared_ptr<FileSystem> fs_;
  std::string root_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, bool, std::less<>> cache_;
};

}  // namespace mesh
