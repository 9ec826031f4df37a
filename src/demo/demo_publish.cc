#include "demo/demo_publish.h"

#include <algorithm>

#include "catalog/sqlite_catalog.h"
#include "demo/generation_order.h"
#include "demo/sample_writer.h"
#include "lake/local_object_store.h"
#include "publish/publisher.h"

namespace mesh::demo {
namespace {

// Removes every file at or below `path` (directories stay, empty: the FileSystem removes files
// only, and an empty directory is harmless to a catalog, a lake or a mesh); OK when absent.
Status RemoveFilesBelow(FileSystem& fs, const std::string& path) {
  if (!fs.Exists(path)) return Status::OK();
  if (!fs.IsDirectory(path)) return fs.Remove(path);
  ASSIGN_OR_RAISE(std::vector<DirEntry> entries, fs.ListDir(path));
  for (const DirEntry& entry : entries) {
    RETURN_NOT_OK(RemoveFilesBelow(fs, JoinPath(path, entry.name)));
  }
  return Status::OK();
}

Result<DemoStores> OpenFreshStores(DemoContext* context) {
  FileSystem& fs = *context->fs;
  std::string dir = context->options.store_dir;
  if (dir.empty()) dir = JoinPath(context->options.workspace_dir, ".mesh");
  const std::string catalog_path = JoinPath(dir, "catalog.db");
  for (const char* suffix : {"", "-wal", "-shm"}) {
    RETURN_NOT_OK(RemoveFilesBelow(fs, catalog_path + suffix));
  }
  for (const char* sub : {"lake", "openlineage"})
    RETURN_NOT_OK(RemoveFilesBelow(fs, JoinPath(dir, sub)));
  RETURN_NOT_OK(fs.CreateDirs(dir));
  DemoStores stores;
  ASSIGN_OR_RAISE(stores.catalog, SqliteCatalog::Open(catalog_path));
  ASSIGN_OR_RAISE(stores.lake, LocalObjectStore::Make(context->fs, JoinPath(dir, "lake")));
  stores.openlineage_dir = JoinPath(dir, "openlineage");
  context->report.catalog_uri = stores.catalog->Uri();
  context->report.lake_uri = stores.lake->Uri();
  return stores;
}

std::string FirstMember(const Organisation& org, const std::string& team) {
  const Team* found = org.FindTeam(team);
  return found == nullptr || found->members.empty() ? "" : found->members.front();
}

// The demo mesh plants anti-patterns (its README); one of severity error on a product's own
// descriptor refuses its publish, as governance errors do.
bool BlockedByAntiPattern(const DemoReport& report, const Descriptor& product) {
  return std::any_of(report.lint_findings.begin(), report.lint_findings.end(),
                     [&](const Finding& finding) {
                       return finding.severity == Severity::kError && finding.file == product.file;
                     });
}

// The files of a mesh workspace, relative to its root: mesh.yaml and the YAML files below
// governance/ and products/.
Result<std::vector<std::string>> MeshFiles(FileSystem& fs, const std::string& root) {
  std::vector<std::string> files = {std::string(kOrganisationFile)};
  for (std::string_view folder : {std::string_view("governance"), kProductsDir}) {
    const std::string dir = JoinPath(root, folder);
    if (!fs.IsDirectory(dir)) continue;
    ASSIGN_OR_RAISE(std::vector<std::string> found, fs.ListFilesRecursive(dir, ".yaml"));
    for (const std::string& file : found) {
      files.push_back(std::string(folder) + "/" + file.substr(dir.size() + 1));
    }
  }
  return files;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

// One publish, recorded in words.
DemoPublish Attempt(const Workspace& workspace, const Descriptor& product,
                    const std::string& data_path, const std::string& person, DemoStores& stores,
                    const FixedClock& clock) {
  DemoPublish attempt;
  attempt.product = product.name;
  attempt.attempted = product.name + "@" + product.schema_version.ToString();
  attempt.person = person;
  attempt.data_path = data_path;
  PublishRequest request;
  request.workspace = &workspace;
  request.descriptor_file = product.file;
  request.data_path = data_path;
  request.data_format = format::DataFormatFromPath(data_path).value_or(format::DataFormat::kCsv);
  request.person = person;
  request.catalog = stores.catalog.get();
  request.lake = stores.lake.get();
  request.clock = &clock;
  request.openlineage_dir = stores.openlineage_dir;
  Result<PublishOutcome> outcome = Publish(request);
  if (!outcome.ok()) {
    attempt.result = "error";
    attempt.detail = outcome.status().message();
    return attempt;
  }
  attempt.result = std::string(PublishResultName(outcome->result));
  if (outcome->version) {
    attempt.ref = outcome->version->Ref();
    attempt.rows = outcome->version->row_count;
    attempt.bytes = outcome->version->bytes;
  }
  attempt.detail = Joined(outcome->reasons);
  for (const Finding& finding : outcome->findings) {
    attempt.detail += (attempt.detail.empty() ? "" : "; ") + finding.rule + ": " + finding.message;
  }
  return attempt;
}

// A product whose owner team has no members: nobody may publish it (the publisher admits only
// members of the owning team), which the demo mesh plants on purpose (its README).
DemoPublish Unowned(const Descriptor& product, const std::string& data_path) {
  DemoPublish attempt;
  attempt.product = product.name;
  attempt.attempted = product.name + "@" + product.schema_version.ToString();
  attempt.data_path = data_path;
  attempt.planted = "no_owner";
  attempt.result = "error";
  attempt.detail = "nobody may publish it: its owner team '" + product.owner +
                   "' has no members in mesh.yaml (mesh doctor: product_without_owner)";
  return attempt;
}

const Descriptor* FindProduct(const WorkspaceContents& contents, std::string_view name) {
  return contents.FindByName(name);
}

class PublishStep final : public DemoStep {
 public:
  std::string_view Name() const override { return "publish"; }

  Status Run(DemoContext* context) override {
    ASSIGN_OR_RAISE(DemoStores * opened, DemoStoresOf(context));
    DemoStores& stores = *opened;
    context->progress->Line("publishing into " + context->report.catalog_uri + " and " +
                            context->report.lake_uri);
    const FixedClock clock(context->options.now);
    RETURN_NOT_OK(PublishEveryProduct(context, stores, clock));
    RETURN_NOT_OK(PlantQualityFailure(context, stores, clock));
    RETURN_NOT_OK(PlantMissingMajorBump(context, stores, clock));
    RETURN_NOT_OK(CheckPlantedLeftCurrentVersions(context, stores));
    size_t unplanned = static_cast<size_t>(
        std::count_if(context->report.publishes.begin(), context->report.publishes.end(),
                      [](const DemoPublish& publish) { return !publish.as_planned; }));
    if (unplanned > 0) {
      context->report.stopped_because =
          std::to_string(unplanned) + " publish(es) did not end as planned (see publishes)";
    }
    return Status::OK();
  }

 private:
  void Record(DemoContext* context, DemoPublish attempt, std::string_view expected) {
    attempt.as_planned = attempt.result == expected;
    const size_t count = context->report.publishes.size() + 1;
    context->progress->Line("publish " + std::to_string(count) + ": " + attempt.attempted + " " +
                            attempt.result + (attempt.ref.empty() ? "" : " as " + attempt.ref) +
                            (attempt.planted.empty() ? "" : " (planted: " + attempt.planted + ")"));
    context->report.publishes.push_back(std::move(attempt));
  }

  Status PublishEveryProduct(DemoContext* context, DemoStores& stores, const FixedClock& clock) {
    const std::vector<Descriptor>& products = context->contents.descriptors;
    ASSIGN_OR_RAISE(std::vector<size_t> order, GenerationOrder(products));
    for (size_t index : order) {
      const Descriptor& product = products[index];
      auto file = std::find_if(context->report.files.begin(), context->report.files.end(),
                               [&](const DemoFile& f) { return f.product == product.name; });
      if (file == context->report.files.end()) {
        return Status::FailedPrecondition("no sample data was generated for " + product.name);
      }
      const std::string person = FirstMember(*context->contents.org, product.owner);
      if (person.empty()) {
        Record(context, Unowned(product, file->path), "error");
        continue;
      }
      DemoPublish attempt =
          Attempt(*context->workspace, product, file->path, person, stores, clock);
      const bool blocked = BlockedByAntiPattern(context->report, product);
      if (blocked) attempt.planted = "anti_pattern";
      Record(context, std::move(attempt), blocked ? "refused" : "published");
    }
    return Status::OK();
  }

  Status PlantQualityFailure(DemoContext* context, DemoStores& stores, const FixedClock& clock) {
    const Descriptor* product = FindProduct(context->contents, kQualityDemoProduct);
    if (product == nullptr) {
      return Status::NotFound("the demo mesh has no product " + std::string(kQualityDemoProduct));
    }
    SampleOptions options;
    options.seed = context->options.seed;
    options.rows = context->options.rows;
    options.now = context->options.now;
    options.defects.push_back(
        {SampleDefect::Kind::kOutOfRange, std::string(kQualityDemoColumn), 0.05});
    ASSIGN_OR_RAISE(SampleTable table, GenerateSample(*product, options, context->samples));
    const std::string path =
        JoinPath(JoinPath(context->options.out_dir, "data"), product->name + ".bad-rows.csv");
    RETURN_NOT_OK(context->fs->WriteFileAtomically(path, ToCsv(table)));
    DemoPublish attempt =
        Attempt(*context->workspace, *product, path,
                FirstMember(*context->contents.org, product->owner), stores, clock);
    attempt.planted = "quality";
    Record(context, std::move(attempt), "rejected");
    return Status::OK();
  }

  // A copy of the demo mesh under <out>/changed-mesh with the major-bump product's descriptor
  // changed; returns the changed descriptor's file (relative).
  Result<std::string> WriteChangedMesh(DemoContext* context, const std::string& root) {
    const Descriptor* product = FindProduct(context->contents, kMajorBumpDemoProduct);
    if (product == nullptr) {
      return Status::NotFound("the demo mesh has no product " + std::string(kMajorBumpDemoProduct));
    }
    FileSystem& fs = *context->fs;
    const std::string& source = context->options.workspace_dir;
    RETURN_NOT_OK(RemoveFilesBelow(fs, root));
    ASSIGN_OR_RAISE(std::vector<std::string> files, MeshFiles(fs, source));
    for (const std::string& relative : files) {
      ASSIGN_OR_RAISE(std::string text, fs.ReadFile(JoinPath(source, relative)));
      if (relative == product->file) {
        ASSIGN_OR_RAISE(text, RemoveFieldWithMinorBump(text, *product, kMajorBumpDemoField));
      }
      RETURN_NOT_OK(fs.CreateDirs(DirName(JoinPath(root, relative))));
      RETURN_NOT_OK(fs.WriteFileAtomically(JoinPath(root, relative), text));
    }
    return product->file;
  }

  Status PlantMissingMajorBump(DemoContext* context, DemoStores& stores, const FixedClock& clock) {
    const std::string root = JoinPath(context->options.out_dir, "changed-mesh");
    ASSIGN_OR_RAISE(std::string file, WriteChangedMesh(context, root));
    ASSIGN_OR_RAISE(Workspace changed, Workspace::Open(context->fs, root));
    ASSIGN_OR_RAISE(WorkspaceContents contents, changed.Load({file}));
    const Descriptor* product = contents.FindByFile(file);
    if (product == nullptr || contents.CountErrors() > 0) {
      return Status::Internal("the changed descriptor " + JoinPath(root, file) +
                              " does not validate");
    }
    SampleOptions options;
    options.seed = context->options.seed;
    options.rows = context->options.rows;
    options.now = context->options.now;
    ASSIGN_OR_RAISE(SampleTable table, GenerateSample(*product, options, context->samples));
    const SampleFileFormat format = SampleFileFormatFor(product->output_format);
    const std::string path =
        JoinPath(JoinPath(context->options.out_dir, "data"),
                 product->name + ".changed." + std::string(SampleFileExtension(format)));
    ASSIGN_OR_RAISE(std::string bytes, SampleFileBytes(table, format));
    RETURN_NOT_OK(context->fs->WriteFileAtomically(path, bytes));
    DemoPublish attempt =
        Attempt(changed, *product, path, FirstMember(*context->contents.org, product->owner),
                stores, clock);
    attempt.planted = "major_bump";
    const bool by_the_gate = attempt.detail.starts_with("version.bump_required");
    Record(context, std::move(attempt), "refused");
    if (!by_the_gate) context->report.publishes.back().as_planned = false;
    return Status::OK();
  }

  // The planted quality and major-bump failures must leave the clean snapshot current.
  Status CheckPlantedLeftCurrentVersions(DemoContext* context, DemoStores& stores) {
    for (DemoPublish& attempt : context->report.publishes) {
      if (attempt.planted != "quality" && attempt.planted != "major_bump") continue;
      // The demo's own clean publish of the product must still be current (snapshot 1, or the
      // one after the history step's).
      std::string clean_ref;
      for (const DemoPublish& clean : context->report.publishes) {
        if (clean.product == attempt.product && clean.planted.empty()) clean_ref = clean.ref;
      }
      Result<VersionRecord> current = stores.catalog->GetVersion(attempt.product, {});
      if (!current.ok() || clean_ref.empty() || current->Ref() != clean_ref) {
        attempt.as_planned = false;
        attempt.detail += "; the current version changed";
      }
    }
    return Status::OK();
  }
};

// The line's indentation, or npos for a blank line.
size_t Indent(std::string_view line) {
  size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? std::string_view::npos : first;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

Result<std::string> RemoveFieldWithMinorBump(const std::string& descriptor_yaml,
                                             const Descriptor& descriptor, std::string_view field) {
  std::vector<std::string> lines = SplitLines(descriptor_yaml);
  const std::string entry = "- name: " + std::string(field);
  std::string out;
  bool removing = false;
  bool removed = false;
  size_t entry_indent = 0;
  for (const std::string& line : lines) {
    const size_t indent = Indent(line);
    if (!removing && indent != std::string::npos && line.substr(indent) == entry) {
      removing = removed = true;
      entry_indent = indent;
      continue;
    }
    if (removing && (indent == std::string::npos || indent > entry_indent)) continue;
    removing = false;
    if (line.starts_with("schema_version:")) {
      SchemaVersion next = descriptor.schema_version;
      ++next.minor;
      next.patch = 0;
      out += "schema_version: " + next.ToString() + "\n";
      continue;
    }
    out += line + "\n";
  }
  if (!removed) {
    return Status::InvalidArgument(descriptor.file + ": no list entry '" + entry + "' to remove");
  }
  return out;
}

Result<DemoStores*> DemoStoresOf(DemoContext* context) {
  if (!context->stores) {
    ASSIGN_OR_RAISE(DemoStores stores, OpenFreshStores(context));
    context->stores = std::move(stores);
  }
  return &*context->stores;
}

std::unique_ptr<DemoStep> MakePublishStep() { return std::make_unique<PublishStep>(); }

}  // namespace mesh::demo
