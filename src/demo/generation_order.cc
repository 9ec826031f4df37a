#include "demo/generation_order.h"

#include <map>
#include <set>
#include <string>

namespace mesh::demo {
namespace {

// The products `product` must come after, as indexes.
std::set<size_t> Upstream(const Descriptor& product,
                          const std::map<std::string, size_t, std::less<>>& by_name) {
  std::set<size_t> upstream;
  auto add = [&](const std::string& name) {
    auto found = by_name.find(name);
    if (found != by_name.end() && name != product.name) upstream.insert(found->second);
  };
  for (const std::string& input : product.lineage) add(input);
  for (const QualityCheck& check : product.quality) {
    if (check.kind == CheckKind::kReferential) add(check.references_product);
  }
  return upstream;
}

}  // namespace

Result<std::vector<size_t>> GenerationOrder(const std::vector<Descriptor>& products) {
  std::map<std::string, size_t, std::less<>> by_name;
  for (size_t i = 0; i < products.size(); ++i) by_name.emplace(products[i].name, i);
  std::vector<std::set<size_t>> waiting_on(products.size());
  std::vector<std::vector<size_t>> downstream(products.size());
  for (size_t i = 0; i < products.size(); ++i) {
    waiting_on[i] = Upstream(products[i], by_name);
    for (size_t up : waiting_on[i]) downstream[up].push_back(i);
  }
  std::set<std::pair<std::string, size_t>> ready;  // by name, then index
  for (size_t i = 0; i < products.size(); ++i) {
    if (waiting_on[i].empty()) ready.emplace(products[i].name, i);
  }
  std::vector<size_t> order;
  while (!ready.empty()) {
    const size_t next = ready.begin()->second;
    ready.erase(ready.begin());
    order.push_back(next);
    for (size_t down : downstream[next]) {
      if (waiting_on[down].erase(next) > 0 && waiting_on[down].empty()) {
        ready.emplace(products[down].name, down);
      }
    }
  }
  if (order.size() < products.size()) {
    std::set<std::string> on_cycle;
    for (size_t i = 0; i < products.size(); ++i) {
      if (!waiting_on[i].empty()) on_cycle.insert(products[i].name);
    }
    std::string stuck;
    for (const std::string& name : on_cycle) stuck += (stuck.empty() ? "" : ", ") + name;
    return Status::InvalidArgument("lineage and referential checks form a cycle through: " + stuck +
                                   "; a product cannot be upstream of itself, remove one link");
  }
  return order;
}

}  // namespace mesh::demo
