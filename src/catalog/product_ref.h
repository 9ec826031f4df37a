// ProductRef: how people name a product's snapshot on the command line and in the API
// (data-product.md "Versions"): `NAME` (newest snapshot of the current version),
// `NAME@VERSION` (newest snapshot of that version, `v2.1` = `2.1.0`), `NAME#SNAPSHOT` and
// `NAME@VERSION#SNAPSHOT`. A plain value; thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "catalog/catalog.h"

namespace mesh {

struct ProductRef {
  std::string name;
  VersionSelector selector;

  // The canonical spelling: "name", "name@2.1.0", "name#17", "name@2.1.0#17".
  std::string ToString() const;
};

// InvalidArgument naming the text and the accepted forms when it is not a reference.
Result<ProductRef> ParseProductRef(std::string_view text);

}  // namespace mesh
