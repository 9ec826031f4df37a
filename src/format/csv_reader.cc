#include "format/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "format/chunk_pipeline.h"
#include "format/csv_row_scanner.h"
#include "format/value_parser.h"

namespace mesh::format {
namespace {

// ---- Fields of one record ----

enum class CsvSyntax {
  kOk,
  kQuoteInUnquotedField,
  kTextAfterClosingQuote,
  kUnclosedQuote,
  kLoneCarriageReturn,
};

struct CsvCursor {
  const char* pos;
  const char* end;
  int64_t newlines = 0;  // line feeds passed since the start
};

struct CsvField {
  std::string_view text;
  bool quoted = false;
  bool row_end = false;
};

struct SpecialBytes {
  bool is_special[256] = {};
  constexpr SpecialBytes() {
    is_special[static_cast<unsigned char>(',')] = true;
    is_special[static_cast<unsigned char>('\n')] = true;
    is_special[static_cast<unsigned char>('\r')] = true;
    is_special[static_cast<unsigned char>('"')] = true;
  }
};
constexpr SpecialBytes kSpecial;

// Consumes what ends a field at `p`: a comma, a row end (LF, CRLF) or the end of the data.
CsvSyntax FinishField(CsvCursor* cursor, const char* p, CsvField* field) {
  field->row_end = true;
  if (p == cursor->end) {
    cursor->pos = p;
    return CsvSyntax::kOk;
  }
  switch (*p) {
    case ',':
      field->row_end = false;
      cursor->pos = p + 1;
      return CsvSyntax::kOk;
    case '\n':
      ++cursor->newlines;
      cursor->pos = p + 1;
      return CsvSyntax::kOk;
    case '\r':
      if (p + 1 == cursor->end) {
        cursor->pos = p + 1;
        return CsvSyntax::kOk;
      }
      if (p[1] != '\n') return CsvSyntax::kLoneCarriageReturn;
      ++cursor->newlines;
      cursor->pos = p + 2;
      return CsvSyntax::kOk;
    case '"':
      return CsvSyntax::kQuoteInUnquotedField;
    default:
      return CsvSyntax::kTextAfterClosingQuote;
  }
}

CsvSyntax ReadQuotedField(CsvCursor* cursor, std::string* scratch, CsvField* field) {
  const char* const start = cursor->pos + 1;
  const char* const end = cursor->end;
  const char* p = start;
  bool escaped = false;
  while (true) {
    const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
    if (quote == nullptr) {
      cursor->newlines += std::count(p, end, '\n');
      cursor->pos = end;
      return CsvSyntax::kUnclosedQuote;
    }
    cursor->newlines += std::count(p, quote, '\n');
    if (quote + 1 < end && quote[1] == '"') {  // "" stands for one quote
      if (!escaped) scratch->clear();
      scratch->append(p, quote + 1);
      escaped = true;
      p = quote + 2;
      continue;
    }
    if (escaped) {
      scratch->append(p, quote);
      field->text = *scratch;
    } else {
      field->text = std::string_view(start, static_cast<size_t>(quote - start));
    }
    field->quoted = true;
    return FinishField(cursor, quote + 1, field);
  }
}

// Reads the field at the cursor and what ends it. `scratch` holds unescaped quoted text.
CsvSyntax ReadField(CsvCursor* cursor, std::string* scratch, CsvField* field) {
  const char* p = cursor->pos;
  if (p < cursor->end && *p == '"') return ReadQuotedField(cursor, scratch, field);
  const char* const start = p;
  const char* const end = cursor->end;
  while (p < end && !kSpecial.is_special[static_cast<unsigned char>(*p)]) ++p;
  field->text = std::string_view(start, static_cast<size_t>(p - start));
  field->quoted = false;
  return FinishField(cursor, p, field);
}

std::string SyntaxProblem(CsvSyntax syntax) {
  switch (syntax) {
    case CsvSyntax::kQuoteInUnquotedField:
      return "a double quote inside an unquoted field; enclose the field in double quotes and "
             "double the quote (RFC 4180)";
    case CsvSyntax::kTextAfterClosingQuote:
      return "text after the closing quote of a quoted field; a quoted field ends at a comma or "
             "the end of the row (double a quote that belongs to the value)";
    case CsvSyntax::kUnclosedQuote:
      return "a quoted field is not closed before the end of the file; add the closing quote";
    case CsvSyntax::kLoneCarriageReturn:
      return "a carriage return not followed by a line feed; rows must end with LF or CRLF";
    case CsvSyntax::kOk:
      break;
  }
  return "malformed CSV";
}

std::string RowPlace(int64_t row, int64_t line) {
  return "row " + std::to_string(row) + " (line " + std::to_string(line) + ")";
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + TruncateRaw(names[i]) + "'";
  }
  return out;
}

// ---- The header row ----

struct CsvHeader {
  std::vector<std::string> names;
  uint64_t next_offset = 0;  // file offset of the first byte after `rest`
  std::string rest;          // bytes read after the header row
  int64_t data_first_line = 2;
};

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

Status ParseHeaderFields(const std::string& path, std::string_view text,
                         std::vector<std::string>* names) {
  CsvCursor cursor{text.data(), text.data() + text.size()};
  std::string scratch;
  CsvField field;
  do {
    const CsvSyntax syntax = ReadField(&cursor, &scratch, &field);
    if (syntax != CsvSyntax::kOk) {
      return Status::InvalidArgument(path + ": header row, column " +
                                     std::to_string(names->size() + 1) + ": " +
                                     SyntaxProblem(syntax));
    }
    if (!IsValidUtf8(field.text)) {
      return Status::InvalidArgument(path + ": header row, column " +
                                     std::to_string(names->size() + 1) +
                                     ": the name is not valid UTF-8; CSV files must be UTF-8");
    }
    names->emplace_back(field.text);
  } while (!field.row_end);
  return Status::OK();
}

Result<CsvHeader> ReadHeader(const RandomAccessFile& file, uint64_t file_size,
                             const std::string& path, const ReadOptions& options) {
  std::string buffer;
  std::string block;
  uint64_t offset = 0;
  CsvRowScanner scanner;
  std::optional<size_t> row_end;
  size_t bom = 0;
  size_t scanned = 0;  // the byte order mark is checked before any scanning
  while (true) {
    if (offset < file_size) {
      const size_t want = static_cast<size_t>(
          std::min<uint64_t>(std::max<size_t>(options.read_block_bytes, 1), file_size - offset));
      RETURN_NOT_OK(file.ReadAt(offset, want, &block));
      offset += block.size();
      buffer += block;
      if (block.empty()) offset = file_size;  // the file shrank
    }
    const bool at_end = offset >= file_size;
    if (buffer.size() < kByteOrderMark.size() && !at_end) continue;
    if (bom == 0 && buffer.compare(0, kByteOrderMark.size(), kByteOrderMark) == 0) {
      bom = kByteOrderMark.size();
      buffer.erase(0, bom);
    }
    row_end = scanner.Scan(buffer, scanned, 1);
    scanned = buffer.size();
    if (row_end || at_end) break;
    if (buffer.size() > options.max_row_bytes) {
      return Status::InvalidArgument(path + ": the header row is longer than " +
                                     std::to_string(options.max_row_bytes) +
                                     " bytes; is a closing quote missing?");
    }
  }
  if (buffer.empty()) {
    return Status::InvalidArgument(path +
                                   ": the file is empty; a CSV file starts with a header row "
                                   "naming the columns");
  }
  CsvHeader header;
  const size_t header_end = row_end ? *row_end : buffer.size();
  RETURN_NOT_OK(
      ParseHeaderFields(path, std::string_view(buffer).substr(0, header_end), &header.names));
  header.data_first_line = 1 + scanner.newlines() + (row_end ? 0 : 1);
  header.rest = buffer.substr(header_end);
  header.next_offset = offset;
  return header;
}

// Maps each file column to its schema field; every mismatch is one error listing them all.
Result<std::vector<int>> MatchHeader(const std::string& path,
                                     const std::vector<std::string>& header, const Schema& schema) {
  std::unordered_map<std::string_view, int> field_index;
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    field_index.emplace(schema.fields[i].name, static_cast<int>(i));
  }
  std::vector<int> file_to_schema;
  std::vector<bool> present(schema.fields.size(), false);
  std::vector<std::string> problems;
  for (size_t column = 0; column < header.size(); ++column) {
    const auto it = field_index.find(header[column]);
    const std::string where =
        "column " + std::to_string(column + 1) + " '" + TruncateRaw(header[column]) + "'";
    if (it == field_index.end()) {
      problems.push_back(where + " is not a field of the schema");
      file_to_schema.push_back(-1);
    } else if (present[static_cast<size_t>(it->second)]) {
      problems.push_back(where + " appears more than once");
      file_to_schema.push_back(-1);
    } else {
      present[static_cast<size_t>(it->second)] = true;
      file_to_schema.push_back(it->second);
    }
  }
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    if (!present[i]) problems.push_back("field '" + schema.fields[i].name + "' has no column");
  }
  if (problems.empty()) return file_to_schema;
  std::string message = path + ": the header row does not match the schema: ";
  for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
  message += ". Header: " + JoinNames(header) +
             ". Every field needs exactly one column named like it (case-sensitive); rename or "
             "remove columns, or change the descriptor's schema";
  return Status::InvalidArgument(std::move(message));
}

// ---- Chunks of whole rows ----

class CsvChunkSource final : public ChunkSource {
 public:
  CsvChunkSource(std::unique_ptr<RandomAccessFile> file, uint64_t file_size, CsvHeader header,
                 const ReadOptions& options)
      : file_(std::move(file)),
        file_size_(file_size),
        next_offset_(header.next_offset),
        pending_(std::move(header.rest)),
        next_line_(header.data_first_line),
        batch_rows_(static_cast<int64_t>(std::max<size_t>(options.batch_rows, 1))),
        read_block_bytes_(std::max<size_t>(options.read_block_bytes, 1)),
        max_row_bytes_(options.max_row_bytes) {}

  Result<bool> NextChunk(TextChunk* chunk) override {
    if (done_) return false;
    while (true) {
      const std::optional<size_t> cut = scanner_.Scan(pending_, scanned_, batch_rows_);
      if (cut) {
        Emit(*cut, scanner_.rows(), false, chunk);
        return true;
      }
      scanned_ = pending_.size();
      const bool partial_row = scanner_.last_row_end() < pending_.size();
      if (eof_) {
        done_ = true;
        if (pending_.empty()) return false;
        Emit(pending_.size(), scanner_.rows() + (partial_row ? 1 : 0), false, chunk);
        return true;
      }
      if (pending_.size() - scanner_.last_row_end() > max_row_bytes_) {
        done_ = true;
        Emit(pending_.size(), scanner_.rows() + 1, true, chunk);
        return true;
      }
      RETURN_NOT_OK(ReadMore());
    }
  }

 private:
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
    chunk->size = cut;
    chunk->first_row = next_row_;
    chunk->first_line = next_line_;
    chunk->truncated = truncated;
    chunk->end_offset = next_offset_ - pending_.size();
    next_row_ += rows;
    next_line_ += scanner_.newlines();
    scanner_.Reset();
    scanned_ = 0;
  }

  std::unique_ptr<RandomAccessFile> file_;
  const uint64_t file_size_;
  uint64_t next_offset_;
  std::string pending_;  // starts at a row start
  std::string block_;
  size_t scanned_ = 0;
  CsvRowScanner scanner_;
  bool eof_ = false;
  bool done_ = false;
  int64_t next_row_ = 1;
  int64_t next_line_;
  const int64_t batch_rows_;
  const size_t read_block_bytes_;
  const size_t max_row_bytes_;
};

// ---- Parsing a chunk into a batch ----

class CsvChunkParser final : public ChunkParser {
 public:
  CsvChunkParser(std::string path, const Schema& schema, std::vector<std::string> header,
                 std::vector<int> file_to_schema, int workers, const ReadOptions& options)
      : path_(std::move(path)),
        header_(std::move(header)),
        file_to_schema_(std::move(file_to_schema)),
        batch_rows_(std::max<size_t>(options.batch_rows, 1)),
        max_row_bytes_(options.max_row_bytes) {
    for (const Field& field : schema.fields) {
      types_.push_back(field.type);
      is_bytes_.push_back(field.type.id == TypeId::kString || field.type.id == TypeId::kBinary);
    }
    workers_.resize(static_cast<size_t>(std::max(workers, 1)));
    for (WorkerState& state : workers_) {
      for (const FieldType& type : types_) state.parsers.emplace_back(type);
    }
  }

  Status Parse(const TextChunk& chunk, int worker, Batch* batch) override {
    WorkerState& state = workers_[static_cast<size_t>(worker)];
    ResetBatch(types_, batch_rows_, batch);
    batch->first_row = chunk.first_row;
    CsvCursor cursor{chunk.data.data(), chunk.data.data() + chunk.size};
    const int columns = static_cast<int>(file_to_schema_.size());
    int64_t row = chunk.first_row;
    while (cursor.pos < cursor.end) {
      const int64_t line = chunk.first_line + cursor.newlines;
      int column = 0;
      CsvField field;
      do {
        const CsvSyntax syntax = ReadField(&cursor, &state.scratch, &field);
        if (syntax == CsvSyntax::kUnclosedQuote && chunk.truncated) {
          return TooLong(row, line);
        }
        if (syntax != CsvSyntax::kOk) {
          return Error(row, line, ", column " + ColumnName(column) + ": " + SyntaxProblem(syntax));
        }
        if (column == columns) {
          return Error(row, line,
                       " has more than " + std::to_string(columns) +
                           " fields, the number of header columns (a value with a "
                           "comma must be quoted)");
        }
        Deliver(state, field, column, row, line, batch);
        ++column;
      } while (!field.row_end);
      if (chunk.truncated && cursor.pos == cursor.end) return TooLong(row, line);
      if (column != columns) return FieldCountError(row, line, column, field);
      ++row;
    }
    batch->num_rows = static_cast<size_t>(row - chunk.first_row);
    return Status::OK();
  }

 private:
  struct WorkerState {
    std::vector<ValueParser> parsers;  // per schema field
    std::string scratch;
  };

  void Deliver(WorkerState& state, const CsvField& field, int column, int64_t row, int64_t line,
               Batch* batch) {
    const auto index = static_cast<size_t>(file_to_schema_[static_cast<size_t>(column)]);
    Column* target = &batch->columns[index];
    if (field.text.empty()) {
      if (field.quoted && is_bytes_[index]) {
        target->AppendBytes({});
      } else {
        target->AppendNull();
      }
      return;
    }
    const ParseError error = state.parsers[index].Append(field.text, target);
    if (error != ParseError::kNone) {
      AddTypeError(batch, row, line, static_cast<int>(index), field.text,
                   DescribeParseError(types_[index], error));
    }
  }

  std::string ColumnName(int column) const {
    if (column >= static_cast<int>(header_.size())) return std::to_string(column + 1);
    return std::to_string(column + 1) + " '" + TruncateRaw(header_[static_cast<size_t>(column)]) +
           "'";
  }

  Status Error(int64_t row, int64_t line, const std::string& problem) const {
    return Status::InvalidArgument(path_ + ": " + RowPlace(row, line) + problem);
  }

  Status FieldCountError(int64_t row, int64_t line, int fields, const CsvField& last) const {
    const std::string expected = std::to_string(file_to_schema_.size());
    if (fields == 1 && last.text.empty() && !last.quoted) {
      return Error(
          row, line,
          " is an empty line, but the header has " + expected + " columns; remove empty lines");
    }
    return Error(row, line,
                 " has " + std::to_string(fields) + " fields, but the header has " + expected +
                     "; every row needs one field per header column");
  }

  Status TooLong(int64_t row, int64_t line) const {
    return Error(row, line,
                 " does not end within " + std::to_string(max_row_bytes_) +
                     " bytes; is a closing quote missing?");
  }

  const std::string path_;
  const std::vector<std::string> header_;
  const std::vector<int> file_to_schema_;
  const size_t batch_rows_;
  const size_t max_row_bytes_;
  std::vector<FieldType> types_;
  std::vector<bool> is_bytes_;
  std::vector<WorkerState> workers_;
};

}  // namespace

Result<std::unique_ptr<BatchReader>> OpenCsvReader(std::shared_ptr<FileSystem> fs,
                                                   const std::string& path, const Schema& schema,
                                                   const ReadOptions& options) {
  if (schema.fields.empty()) {
    return Status::InvalidArgument(path + ": the schema has no fields to read");
  }
  ASSIGN_OR_RAISE(std::unique_ptr<RandomAccessFile> file, fs->OpenForRead(path));
  ASSIGN_OR_RAISE(uint64_t file_size, file->Size());
  ASSIGN_OR_RAISE(CsvHeader header, ReadHeader(*file, file_size, path, options));
  ASSIGN_OR_RAISE(std::vector<int> file_to_schema, MatchHeader(path, header.names, schema));
  const int threads = std::max(options.threads, 1);
  auto parser = std::make_unique<CsvChunkParser>(path, schema, header.names,
                                                 std::move(file_to_schema), threads, options);
  auto source =
      std::make_unique<CsvChunkSource>(std::move(file), file_size, std::move(header), options);
  return std::unique_ptr<BatchReader>(
      std::make_unique<PipelinedReader>(std::move(source), std::move(parser), threads, file_size));
}

}  // namespace mesh::format
