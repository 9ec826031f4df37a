#include "server/upload_workspace.h"

#include <algorithm>

#include "yaml/loader.h"

namespace mesh::server {
namespace {

// The base file system with one file replaced or added (and its folder, when new).
class OverlayFileSystem final : public FileSystem {
 public:
  OverlayFileSystem(std::shared_ptr<FileSystem> base, std::string path, std::string contents)
      : base_(std::move(base)), path_(std::move(path)), contents_(std::move(contents)) {}

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) override {
    if (path == path_) return std::unique_ptr<RandomAccessFile>(new TextFile(contents_));
    return base_->OpenForRead(path);
  }
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path) override {
    if (path == path_) return Status::NotSupported(path + ": the uploaded descriptor is read-only");
    return base_->OpenForWrite(path);
  }
  Status Rename(const std::string& from, const std::string& to) override {
    return base_->Rename(from, to);
  }
  Status SyncDir(const std::string& dir) override { return base_->SyncDir(dir); }
  Status Remove(const std::string& path) override { return base_->Remove(path); }
  Status CreateDirs(const std::string& dir) override { return base_->CreateDirs(dir); }
  Result<std::vector<DirEntry>> ListDir(const std::string& dir) override {
    std::vector<DirEntry> entries;
    if (base_->IsDirectory(dir)) {
      ASSIGN_OR_RAISE(entries, base_->ListDir(dir));
    }
    if (dir == DirName(path_)) AddOnce(&entries, DirEntry{BaseName(path_), false});
    if (dir == DirName(DirName(path_))) AddOnce(&entries, DirEntry{BaseName(DirName(path_)), true});
    return entries;
  }
  bool Exists(const std::string& path) override {
    return path == path_ || path == DirName(path_) || base_->Exists(path);
  }
  bool IsDirectory(const std::string& path) override {
    return path == DirName(path_) || path == DirName(DirName(path_)) || base_->IsDirectory(path);
  }

 private:
  class TextFile final : public RandomAccessFile {
   public:
    explicit TextFile(const std::string& text) : text_(text) {}
    Result<uint64_t> Size() const override { return text_.size(); }
    Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
      *out = offset >= text_.size() ? std::string() : text_.substr(offset, length);
      return Status::OK();
    }

   private:
    const std::string& text_;
  };

  static void AddOnce(std::vector<DirEntry>* entries, DirEntry entry) {
    for (const DirEntry& existing : *entries) {
      if (existing.name == entry.name) return;
    }
    entries->push_back(std::move(entry));
  }

  std::shared_ptr<FileSystem> base_;
  std::string path_;
  std::string contents_;
};

// The workspace file whose descriptor is named `name`, when there is one.
Result<std::optional<std::string>> FileOfProduct(const Workspace& base, const std::string& name) {
  ASSIGN_OR_RAISE(std::vector<std::string> files, base.ProductFiles());
  for (const std::string& file : files) {
    Result<std::string> text = base.fs().ReadFile(base.PathOf(file), yaml::Limits{}.max_bytes);
    if (!text.ok()) continue;
    Result<yaml::Document> document = yaml::LoadYaml(*text, file);
    if (!document.ok() || !document->root->IsMap()) continue;
    const yaml::Node* node = document->root->Get("name");
    if (node != nullptr && node->IsScalar() && node->scalar == name) {
      return std::optional<std::string>(file);
    }
  }
  return std::optional<std::string>();
}

bool IsSafeFileName(const std::string& text) {
  return !text.empty() && text.size() <= 128 && text != "." && text != ".." &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
         });
}

}  // namespace

Result<UploadWorkspace> WorkspaceWithUpload(const Workspace& base, const std::string& name,
                                            const std::string& domain, std::string text) {
  if (!IsSafeFileName(name) || !IsSafeFileName(domain)) {
    return Status::InvalidArgument(
        "the uploaded descriptor's name and domain must be plain identifiers (letters, digits, "
        "'_', '-', '.')");
  }
  ASSIGN_OR_RAISE(std::optional<std::string> existing, FileOfProduct(base, name));
  std::string relative = existing ? *existing : "products/" + domain + "/" + name + ".yaml";
  auto overlay =
      std::make_shared<OverlayFileSystem>(base.shared_fs(), base.PathOf(relative), std::move(text));
  ASSIGN_OR_RAISE(Workspace workspace, Workspace::Open(overlay, base.root()));
  return UploadWorkspace{std::move(workspace), std::move(relative)};
}

}  // namespace mesh::server
