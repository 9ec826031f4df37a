// The publish step of `mesh demo`: publishes every product of the demo mesh, in lineage order
// (upstream first, so referential checks find their references), with the sample data of the
// generate step, on a fresh catalog and lake (DemoOptions::store_dir), each as the first member
// of its owning team. A product with an anti-pattern finding of severity error on its own
// descriptor (planted in the demo mesh, its README) is refused by governance, as planned. Then
// it plays two failures planted on purpose, which must end as planned
// and leave the current version untouched:
//   quality     casualty_daily_summary again, with a second data file in which 5% of the rows
//               break `engagements`' max: rejected and quarantined;
//   major_bump  mission_completion_rate with a changed descriptor (a copy of the mesh under
//               <out>/changed-mesh/) that removes the field missions_ended but raises only the
//               minor version: refused with version.bump_required, naming the consumer teams.
// Each attempt is recorded in DemoReport::publishes; one that does not end as planned stops
// the demo with a reason. Thread-compatible.
#pragma once

#include <memory>

#include "demo/demo_runner.h"

namespace mesh::demo {

inline constexpr std::string_view kQualityDemoProduct = "casualty_daily_summary";
inline constexpr std::string_view kQualityDemoColumn = "engagements";
inline constexpr std::string_view kMajorBumpDemoProduct = "mission_completion_rate";
inline constexpr std::string_view kMajorBumpDemoField = "missions_ended";

std::unique_ptr<DemoStep> MakePublishStep();

// The demo's stores: opened fresh (emptied) by the first step that asks, then shared.
Result<DemoStores*> DemoStoresOf(DemoContext* context);

// `descriptor_yaml` without the list entry of field `field` (from its "- name: <field>" line to
// the next entry or the end of the list), and with schema_version raised by a minor bump only.
// InvalidArgument when the field's entry is not found.
Result<std::string> RemoveFieldWithMinorBump(const std::string& descriptor_yaml,
                                             const Descriptor& descriptor, std::string_view field);

}  // namespace mesh::demo
