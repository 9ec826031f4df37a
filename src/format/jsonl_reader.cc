#include "format/jsonl_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "format/chunk_pipeline.h"
#include "format/value_parser.h"

namespace mesh::format {
namespace {

namespace ondemand = simdjson::ondemand;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsBlank(const char* begin, const char* end) {
  for (const char* p = begin; p < end; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\r') return false;
  }
  return true;
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// RFC 8259 number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view text) {
  size_t pos = 0;
  const size_t n = text.size();
  if (pos < n && text[pos] == '-') ++pos;
  if (pos >= n || !IsDigit(text[pos])) return false;
  if (text[pos] == '0') {
    ++pos;
  } else {
    while (pos < n && IsDigit(text[pos])) ++pos;
  }
  if (pos < n && text[pos] == '.') {
    ++pos;
    if (pos >= n || !IsDigit(text[pos])) return false;
    while (pos < n && IsDigit(text[pos])) ++pos;
  }
  if (pos < n && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < n && (text[pos] == '+' || text[pos] == '-')) ++pos;
    if (pos >= n || !IsDigit(text[pos])) return false;
    while (pos < n && IsDigit(text[pos])) ++pos;
  }
  return pos == n;
}

bool IsNumericType(TypeId id) {
  return id == TypeId::kInt32 || id == TypeId::kInt64 || id == TypeId::kFloat ||
         id == TypeId::kDouble || id == TypeId::kDecimal;
}

// What a field of `type` expects, for messages.
std::string ExpectedJson(const FieldType& type) {
  switch (type.id) {
    case TypeId::kBoolean:
      return "true or false";
    case TypeId::kString:
      return "a JSON string";
    case TypeId::kDate:
      return "a JSON string YYYY-MM-DD";
    case TypeId::kTimestamp:
      return "a JSON string with an ISO-8601 timestamp and zone";
    case TypeId::kBinary:
      return "a JSON string with base64";
    default:
      return "a JSON number";
  }
}

std::string LinePlace(int64_t line) { return "line " + std::to_string(line); }

// ---- Chunks of whole lines ----

class JsonlChunkSource final : public ChunkSource {
 public:
  JsonlChunkSource(std::unique_ptr<RandomAccessFile> file, uint64_t file_size,
                   uint64_t start_offset, const ReadOptions& options)
      : file_(std::move(file)),
        file_size_(file_size),
        next_offset_(start_offset),
        batch_rows_(static_cast<int64_t>(std::max<size_t>(options.batch_rows, 1))),
        read_block_bytes_(std::max<size_t>(options.read_block_bytes, 1)),
        max_row_bytes_(options.max_row_bytes) {}

  Result<bool> NextChunk(TextChunk* chunk) override {
    if (done_) return false;
    while (true) {
      if (ScanLines()) {
        Emit(line_start_, rows_, false, chunk);
        return true;
      }
      if (eof_) {
        done_ = true;
        if (pending_.empty()) return false;
        const bool partial_line =
            !IsBlank(pending_.data() + line_start_, pending_.data() + pending_.size());
        Emit(pending_.size(), rows_ + (partial_line ? 1 : 0), false, chunk);
        return true;
      }
      if (pending_.size() - line_start_ > max_row_bytes_) {
        done_ = true;
        Emit(pending_.size(), rows_ + 1, true, chunk);
        return true;
      }
      RETURN_NOT_OK(ReadMore());
    }
  }

 private:
  // Advances over complete lines; true once `batch_rows_` non-blank lines are complete.
  bool ScanLines() {
    const char* data = pending_.data();
    while (scanned_ < pending_.size()) {
      const auto* newline =
          static_cast<const char*>(std::memchr(data + scanned_, '\n', pending_.size() - scanned_));
      if (newline == nullptr) {
        scanned_ = pending_.size();
        return false;
      }
      if (!IsBlank(data + line_start_, newline)) ++rows_;
      ++lines_;
      line_start_ = scanned_ = static_cast<size_t>(newline - data) + 1;
      if (rows_ == batch_rows_) return true;
    }
    return false;
  }

  Status ReadMore() {
    if (next_offset_ >= file_size_) {
      eof_ = true;
      return Status::OK();
    }
    const auto want =
        static_cast<size_t>(std::min<uint64_t>(read_block_bytes_, file_size_ - next_offset_));
    RETURN_NOT_OK(file_->ReadAt(next_offset_, want, &block_));
    if (block_.empty()) {
      eof_ = true;
      return Status::OK();
    }
    next_offset_ += block_.size();
    if (pending_.empty()) {
      pending_.swap(block_);
    } else {
      pending_ += block_;
    }
    return Status::OK();
  }

  void Emit(size_t cut, int64_t rows, bool truncated, TextChunk* chunk) {
    chunk->data.swap(pending_);
    pending_.assign(chunk->data, cut);
    chunk->data.resize(cut);
    chunk->data.append(simdjson::SIMDJSON_PADDING, ' ');  // simdjson reads past a line's end
    chunk->size = cut;
    chunk->first_row = next_row_;
    chunk->first_line = next_line_;
    chunk->truncated = truncated;
    chunk->end_offset = next_offset_ - pending_.size();
    next_row_ += rows;
    next_line_ += lines_;
    rows_ = 0;
    lines_ = 0;
    line_start_ = 0;
    scanned_ = 0;
  }

  std::unique_ptr<RandomAccessFile> file_;
  const uint64_t file_size_;
  uint64_t next_offset_;
  std::string pending_;  // starts at a line start
  std::string block_;
  size_t scanned_ = 0;
  size_t line_start_ = 0;  // start of the first incomplete line in pending_
  int64_t rows_ = 0;       // non-blank complete lines in pending_
  int64_t lines_ = 0;      // complete lines in pending_
  bool eof_ = false;
  bool done_ = false;
  int64_t next_row_ = 1;
  int64_t next_line_ = 1;
  const int64_t batch_rows_;
  const size_t read_block_bytes_;
  const size_t max_row_bytes_;
};

// ---- Parsing a chunk into a batch ----

class JsonlChunkParser final : public ChunkParser {
 public:
  JsonlChunkParser(std::string path, const Schema& schema, int workers, const ReadOptions& options)
      : path_(std::move(path)),
        batch_rows_(std::max<size_t>(options.batch_rows, 1)),
        max_row_bytes_(options.max_row_bytes) {
    for (size_t i = 0; i < schema.fields.size(); ++i) {
      types_.push_back(schema.fields[i].type);
      names_.push_back(schema.fields[i].name);
    }
    for (size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], static_cast<int>(i));
    workers_.resize(static_cast<size_t>(std::max(workers, 1)));
    for (WorkerState& state : workers_) {
      for (const FieldType& type : types_) state.parsers.emplace_back(type);
      state.seen.resize(types_.size());
    }
  }

  Status Parse(const TextChunk& chunk, int worker, Batch* batch) override {
    WorkerState& state = workers_[static_cast<size_t>(worker)];
    ResetBatch(types_, batch_rows_, batch);
    batch->first_row = chunk.first_row;
    const char* const data = chunk.data.data();
    int64_t row = chunk.first_row;
    int64_t line = chunk.first_line;
    for (size_t pos = 0; pos < chunk.size; ++line) {
      const auto* newline =
          static_cast<const char*>(std::memchr(data + pos, '\n', chunk.size - pos));
      const size_t end = newline ? static_cast<size_t>(newline - data) : chunk.size;
      if (!IsBlank(data + pos, data + end)) {
        if (chunk.truncated && newline == nullptr) {
          return Error(line, "is longer than " + std::to_string(max_row_bytes_) +
                                 " bytes; each line must hold one JSON object");
        }
        const std::string_view text(data + pos, end - pos);
        RETURN_NOT_OK(ParseLine(state, text, chunk.data.size() - pos, row, line, batch));
        ++row;
      }
      pos = end + 1;
    }
    batch->num_rows = static_cast<size_t>(row - chunk.first_row);
    return Status::OK();
  }

 private:
  struct WorkerState {
    ondemand::parser parser;
    std::vector<ValueParser> parsers;  // per schema field
    std::vector<uint8_t> seen;         // per schema field, for the current line
  };

  Status ParseLine(WorkerState& state, std::string_view text, size_t capacity, int64_t row,
                   int64_t line, Batch* batch) {
    ondemand::document doc;
    auto error =
        state.parser.iterate(simdjson::padded_string_view(text.data(), text.size(), capacity))
            .get(doc);
    if (error) return JsonError(line, error);
    ondemand::object object;
    error = doc.get_object().get(object);
    if (error) return NotAnObject(doc, line, error);
    std::fill(state.seen.begin(), state.seen.end(), 0);
    size_t hint = 0;  // keys usually come in schema order
    for (auto field_result : object) {
      ondemand::field field;
      std::string_view key;
      if ((error = std::move(field_result).get(field)) ||
          (error = field.unescaped_key().get(key))) {
        return JsonError(line, error);
      }
      const int index = FindField(key, hint);
      if (index < 0) {
        return Error(line, "has the key '" + TruncateRaw(key) +
                               "', which is not a field of the schema; remove it from the data "
                               "or add the field to the descriptor");
      }
      if (state.seen[static_cast<size_t>(index)]) {
        return Error(line, "has the key '" + TruncateRaw(key) + "' more than once");
      }
      state.seen[static_cast<size_t>(index)] = 1;
      hint = static_cast<size_t>(index) + 1;
      RETURN_NOT_OK(Deliver(state, field.value(), index, row, line, batch));
    }
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
      return Error(line, "has text after the JSON object; each line must hold one JSON object");
    }
    for (size_t i = 0; i < state.seen.size(); ++i) {
      if (!state.seen[i]) batch->columns[i].AppendNull();
    }
    return Status::OK();
  }

  int FindField(std::string_view key, size_t hint) const {
    if (hint < names_.size() && names_[hint] == key) return static_cast<int>(hint);
    const auto it = index_.find(key);
    return it == index_.end() ? -1 : it->second;
  }

  Status Deliver(WorkerState& state, ondemand::value value, int index, int64_t row, int64_t line,
                 Batch* batch) {
    const auto column = static_cast<size_t>(index);
    const FieldType& type = types_[column];
    Column* target = &batch->columns[column];
    ondemand::json_type kind;
    auto error = value.type().get(kind);
    if (error) return JsonError(line, error);
    switch (kind) {
      case ondemand::json_type::null: {
        bool is_null = false;
        if ((error = value.is_null().get(is_null)) || !is_null) {
          return JsonError(line, error ? error : simdjson::N_ATOM_ERROR);
        }
        target->AppendNull();
        return Status::OK();
      }
      case ondemand::json_type::boolean: {
        bool flag = false;
        if ((error = value.get_bool().get(flag))) return JsonError(line, error);
        if (type.id == TypeId::kBoolean) {
          target->AppendBool(flag);
        } else {
          Mismatch(batch, row, line, index, flag ? "true" : "false", "a JSON boolean");
        }
        return Status::OK();
      }
      case ondemand::json_type::number: {
        const std::string_view raw = TrimRight(value.raw_json_token());
        if (!IsJsonNumber(raw)) {
          return Error(line, "has a malformed number '" + TruncateRaw(raw) + "'");
        }
        if (IsNumericType(type.id)) {
          Parsed(state, raw, index, row, line, batch);
        } else {
          Mismatch(batch, row, line, index, raw, "a JSON number");
        }
        return Status::OK();
      }
      case ondemand::json_type::string: {
        std::string_view text;
        if ((error = value.get_string().get(text))) return JsonError(line, error);
        if (type.id == TypeId::kString) {
          target->AppendBytes(text);
        } else if (text.empty() && type.id != TypeId::kBinary) {
          Mismatch(batch, row, line, index, "\"\"", "an empty string");
        } else {
          Parsed(state, text, index, row, line, batch);
        }
        return Status::OK();
      }
      case ondemand::json_type::array: {
        ondemand::array array;
        std::string_view raw;
        if ((error = value.get_array().get(array)) || (error = array.raw_json().get(raw))) {
          return JsonError(line, error);
        }
        Mismatch(batch, row, line, index, raw, "a JSON array");
        return Status::OK();
      }
      case ondemand::json_type::object: {
        ondemand::object object;
        std::string_view raw;
        if ((error = value.get_object().get(object)) || (error = object.raw_json().get(raw))) {
          return JsonError(line, error);
        }
        Mismatch(batch, row, line, index, raw, "a JSON object");
        return Status::OK();
      }
    }
    return JsonError(line, simdjson::TAPE_ERROR);
  }

  // Parses `text` as the field's type, as a CSV cell would be.
  void Parsed(WorkerState& state, std::string_view text, int index, int64_t row, int64_t line,
              Batch* batch) {
    const auto column = static_cast<size_t>(index);
    const ParseError error = state.parsers[column].Append(text, &batch->columns[column]);
    if (error != ParseError::kNone) {
      AddTypeError(batch, row, line, index, text, DescribeParseError(types_[column], error));
    }
  }

  void Mismatch(Batch* batch, int64_t row, int64_t line, int index, std::string_view raw,
                std::string_view found) const {
    const auto column = static_cast<size_t>(index);
    batch->columns[column].AppendNull();
    AddTypeError(batch, row, line, index, TrimRight(raw),
                 "expected " + ExpectedJson(types_[column]) + " for a " +
                     types_[column].ToString() + ", got " + std::string(found));
  }

  Status NotAnObject(ondemand::document& doc, int64_t line, simdjson::error_code error) const {
    ondemand::json_type kind;
    if (error == simdjson::INCORRECT_TYPE && !doc.type().get(kind)) {
      const char* found = kind == ondemand::json_type::array     ? "an array"
                          : kind == ondemand::json_type::string  ? "a string"
                          : kind == ondemand::json_type::number  ? "a number"
                          : kind == ondemand::json_type::boolean ? "a boolean"
                                                                 : "null";
      return Error(line, std::string("holds ") + found +
                             ", not a JSON object; each line must hold one JSON object");
    }
    return JsonError(line, error);
  }

  Status JsonError(int64_t line, simdjson::error_code error) const {
    if (error == simdjson::UTF8_ERROR) {
      return Error(line, "is not valid UTF-8; JSONL files must be UTF-8");
    }
    return Error(line, std::string("is not valid JSON (") + simdjson::error_message(error) +
                           "); each line must hold one JSON object");
  }

  Status Error(int64_t line, const std::string& problem) const {
    return Status::InvalidArgument(path_ + ": " + LinePlace(line) + " " + problem);
  }

  const std::string path_;
  const size_t batch_rows_;
  const size_t max_row_bytes_;
  std::vector<FieldType> types_;
  std::vector<std::string> names_;
  std::unordered_map<std::string_view, int> index_;  // views into names_
  std::vector<WorkerState> workers_;
};

}  // namespace

Result<std::unique_ptr<BatchReader>> OpenJsonlReader(std::shared_ptr<FileSystem> fs,
                                                     const std::string& path, const Schema& schema,
                                                     const ReadOptions& options) {
  if (schema.fields.empty()) {
    return Status::InvalidArgument(path + ": the schema has no fields to read");
  }
  ASSIGN_OR_RAISE(std::unique_ptr<RandomAccessFile> file, fs->OpenForRead(path));
  ASSIGN_OR_RAISE(uint64_t file_size, file->Size());
  std::string head;
  RETURN_NOT_OK(file->ReadAt(0, kByteOrderMark.size(), &head));
  const uint64_t start = head == kByteOrderMark ? kByteOrderMark.size() : 0;
  const int threads = std::max(options.threads, 1);
  auto parser = std::make_unique<JsonlChunkParser>(path, schema, threads, options);
  auto source = std::make_unique<JsonlChunkSource>(std::move(file), file_size, start, options);
  return std::unique_ptr<BatchReader>(
      std::make_unique<PipelinedReader>(std::move(source), std::move(parser), threads, file_size));
}

}  // namespace mesh::format
