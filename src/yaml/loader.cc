#include "yaml/loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>

namespace mesh::yaml {
namespace {

// Thrown inside the event handler to stop parsing; caught in LoadYaml.
struct LimitExceeded {
  Mark mark;
  std::string message;
};

Mark ToMark(const YAML::Mark& m) {
  if (m.line < 0 || m.column < 0) return Mark{};
  return Mark{m.line + 1, m.column + 1};
}

// Builds the Node tree from parser events, enforcing depth and expansion limits.
class TreeBuilder final : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const Limits& limits) : limits_(limits) {}

  NodePtr TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto node = std::make_shared<Node>();
    node->kind = Kind::kNull;
    node->mark = ToMark(mark);
    Complete(std::move(node), 1, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw LimitExceeded{ToMark(mark), "alias refers to an unknown anchor"};
    }
    AddToParent(it->second.node, it->second.weight, ToMark(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto node = std::make_shared<Node>();
    node->kind = Kind::kScalar;
    node->mark = ToMark(mark);
    node->scalar = value;
    node->quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    if (tag != "!" && tag != "?") node->tag = tag;
    Complete(std::move(node), 1, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(Kind::kSequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(Kind::kMap, mark, tag, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    std::shared_ptr<Node> node;
    YAML::anchor_t anchor = 0;
    uint64_t weight = 1;
    NodePtr pending_key;  // a map's key waiting for its value
  };
  struct Anchored {
    NodePtr node;
    uint64_t weight;
  };

  void Open(Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw LimitExceeded{ToMark(mark), "nesting deeper than " + std::to_string(limits_.max_depth) +
                                            " levels; flatten the document"};
    }
    auto node = std::make_shared<Node>();
    node->kind = kind;
    node->mark = ToMark(mark);
    if (tag != "?" && tag != "!") node->tag = tag;
    stack_.push_back(Frame{std::move(node), anchor, 1, nullptr});
  }

  void Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.pending_key) {
      // A key without a value: yaml-cpp reports OnNull for it, so this should not happen.
      frame.node->entries.push_back({frame.pending_key, nullptr});
    }
    Complete(std::move(frame.node), frame.weight, frame.anchor);
  }

  void Complete(std::shared_ptr<Node> node, uint64_t weight, YAML::anchor_t anchor) {
    Mark mark = node->mark;
    NodePtr done = std::move(node);
    if (anchor != 0) anchors_[anchor] = Anchored{done, weight};
    AddToParent(std::move(done), weight, mark);
  }

  void AddToParent(NodePtr node, uint64_t weight, Mark mark) {
    total_weight_ += weight;
    if (total_weight_ > limits_.max_expanded_nodes) {
      throw LimitExceeded{mark, "the document expands to more than " +
                                    std::to_string(limits_.max_expanded_nodes) +
                                    " nodes (aliases counted each time they are used); "
                                    "remove the alias chain"};
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    parent.weight += weight;
    if (parent.node->kind == Kind::kSequence) {
      parent.node->items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      parent.pending_key = std::move(node);
    } else {
      parent.node->entries.push_back({std::move(parent.pending_key), std::move(node)});
      parent.pending_key = nullptr;
    }
  }

  const Limits& limits_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  uint64_t total_weight_ = 0;
  NodePtr root_;
};

// Counts documents without building them (used to refuse a second document).
class DiscardHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

Status Fail(StatusCode code, const std::string& file, Mark mark, const std::string& message,
            SyntaxError* error) {
  if (error) *error = SyntaxError{file, mark, message};
  std::string where = file;
  if (mark.line > 0) where += ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column);
  return Status(code, where + ": " + message);
}

}  // namespace

Result<Document> LoadYaml(std::string_view text, const std::string& file, const Limits& limits,
                          SyntaxError* error) {
  if (text.size() > limits.max_bytes) {
    return Fail(StatusCode::kResourceExhausted, file, Mark{},
                "file is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                    std::to_string(limits.max_bytes),
                error);
  }
  std::istringstream input{std::string(text)};
  TreeBuilder builder(limits);
  try {
    YAML::Parser parser(input);
    bool had_document = parser.HandleNextDocument(builder);
    if (had_document) {
      DiscardHandler discard;
      if (parser.HandleNextDocument(discard)) {
        return Fail(StatusCode::kInvalidArgument, file, Mark{},
                    "holds more than one YAML document ('---'); keep one document per file", error);
      }
    }
  } catch (const LimitExceeded& e) {
    return Fail(StatusCode::kResourceExhausted, file, e.mark, e.message, error);
  } catch (const YAML::DeepRecursion& e) {
    return Fail(StatusCode::kResourceExhausted, file, ToMark(e.mark),
                "nesting too deep; flatten the document", error);
  } catch (const YAML::Exception& e) {
    return Fail(StatusCode::kInvalidArgument, file, ToMark(e.mark), "invalid YAML: " + e.msg,
                error);
  } catch (const std::exception& e) {
    return Fail(StatusCode::kInvalidArgument, file, Mark{},
                std::string("invalid YAML: ") + e.what(), error);
  }
  Document doc;
  doc.file = file;
  doc.root = builder.TakeRoot();
  if (!doc.root) {
    auto empty = std::make_shared<Node>();
    empty->mark = Mark{1, 1};
    doc.root = std::move(empty);
  }
  return doc;
}

Result<Document> LoadYamlFile(FileSystem& fs, const std::string& path, const Limits& limits,
                              SyntaxError* error) {
  Result<std::string> text = fs.ReadFile(path, limits.max_bytes);
  if (!text.ok()) {
    if (error) *error = SyntaxError{path, Mark{}, text.status().message()};
    return text.status();
  }
  return LoadYaml(*text, path, limits, error);
}

}  // namespace mesh::yaml
