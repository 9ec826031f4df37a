#include "cli/workspace_option.h"

#include <unistd.h>

#include <climits>

namespace mesh::cli {

std::string CurrentDirectory() {
  char buffer[PATH_MAX];
  if (::getcwd(buffer, sizeof(buffer)) == nullptr) return ".";
  return buffer;
}

std::string AbsolutePath(const std::string& path) {
  std::string full = !path.empty() && path.front() == '/' ? path : CurrentDirectory() + "/" + path;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= full.size()) {
    size_t slash = full.find('/', start);
    if (slash == std::string::npos) slash = full.size();
    std::string part = full.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& part : parts) out += "/" + part;
  return out.empty() ? "/" : out;
}

Result<Workspace> OpenWorkspace(const GlobalOptions& global) {
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  if (!global.workspace_dir.empty()) {
    std::string root = AbsolutePath(global.workspace_dir);
    if (!fs->IsDirectory(root)) {
      return Status::NotFound("-C " + global.workspace_dir +
                              ": no such folder; pass the folder that holds mesh.yaml");
    }
    return Workspace::Open(fs, root);
  }
  ASSIGN_OR_RAISE(std::string root, Workspace::FindRoot(*fs, CurrentDirectory()));
  return Workspace::Open(fs, root);
}

Result<std::vector<std::string>> ResolveUserPath(const Workspace& workspace,
                                                 const std::string& path) {
  std::string absolute = AbsolutePath(path);
  FileSystem& fs = workspace.fs();
  if (!fs.Exists(absolute)) {
    return Status::NotFound(path + ": no such file or folder");
  }
  std::vector<std::string> files;
  if (fs.IsDirectory(absolute)) {
    ASSIGN_OR_RAISE(files, fs.ListFilesRecursive(absolute, ".yaml"));
  } else {
    files.push_back(absolute);
  }
  const std::string prefix = workspace.root() == "/" ? "/" : workspace.root() + "/";
  for (std::string& file : files) {
    if (file.rfind(prefix, 0) == 0) file = file.substr(prefix.size());
  }
  return files;
}

}  // namespace mesh::cli
