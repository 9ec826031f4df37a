#include "format/parquet/metadata.h"

#include <initializer_list>
#include <utility>

namespace mesh::format::parquet {

namespace {

std::string Unknown(std::string_view what, int32_t value) {
  return std::string(what) + "(" + std::to_string(value) + ")";
}

}  // namespace

std::string PhysicalTypeName(PhysicalType type) {
  switch (type) {
    case PhysicalType::kBoolean:
      return "BOOLEAN";
    case PhysicalType::kInt32:
      return "INT32";
    case PhysicalType::kInt64:
      return "INT64";
    case PhysicalType::kInt96:
      return "INT96";
    case PhysicalType::kFloat:
      return "FLOAT";
    case PhysicalType::kDouble:
      return "DOUBLE";
    case PhysicalType::kByteArray:
      return "BYTE_ARRAY";
    case PhysicalType::kFixedLenByteArray:
      return "FIXED_LEN_BYTE_ARRAY";
  }
  return Unknown("TYPE", static_cast<int32_t>(type));
}

std::string ConvertedTypeName(ConvertedType type) {
  static constexpr const char* kNames[] = {"UTF8",
                                           "MAP",
                                           "MAP_KEY_VALUE",
                                           "LIST",
                                           "ENUM",
                                           "DECIMAL",
                                           "DATE",
                                           "TIME_MILLIS",
                                           "TIME_MICROS",
                                           "TIMESTAMP_MILLIS",
                                           "TIMESTAMP_MICROS",
                                           "UINT_8",
                                           "UINT_16",
                                           "UINT_32",
                                           "UINT_64",
                                           "INT_8",
                                           "INT_16",
                                           "INT_32",
                                           "INT_64",
                                           "JSON",
                                           "BSON",
                                           "INTERVAL"};
  const auto index = static_cast<int32_t>(type);
  if (index >= 0 && index < static_cast<int32_t>(std::size(kNames))) return kNames[index];
  return Unknown("CONVERTED_TYPE", index);
}

std::string EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kPlain:
      return "PLAIN";
    case Encoding::kPlainDictionary:
      return "PLAIN_DICTIONARY";
    case Encoding::kRle:
      return "RLE";
    case Encoding::kBitPacked:
      return "BIT_PACKED";
    case Encoding::kDeltaBinaryPacked:
      return "DELTA_BINARY_PACKED";
    case Encoding::kDeltaLengthByteArray:
      return "DELTA_LENGTH_BYTE_ARRAY";
    case Encoding::kDeltaByteArray:
      return "DELTA_BYTE_ARRAY";
    case Encoding::kRleDictionary:
      return "RLE_DICTIONARY";
    case Encoding::kByteStreamSplit:
      return "BYTE_STREAM_SPLIT";
  }
  return Unknown("ENCODING", static_cast<int32_t>(encoding));
}

std::string CodecName(CompressionCodec codec) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
      return "UNCOMPRESSED";
    case CompressionCodec::kSnappy:
      return "SNAPPY";
    case CompressionCodec::kGzip:
      return "GZIP";
    case CompressionCodec::kLzo:
      return "LZO";
    case CompressionCodec::kBrotli:
      return "BROTLI";
    case CompressionCodec::kLz4:
      return "LZ4";
    case CompressionCodec::kZstd:
      return "ZSTD";
    case CompressionCodec::kLz4Raw:
      return "LZ4_RAW";
  }
  return Unknown("CODEC", static_cast<int32_t>(codec));
}

std::string PageTypeName(PageType type) {
  switch (type) {
    case PageType::kDataPage:
      return "DATA_PAGE";
    case PageType::kIndexPage:
      return "INDEX_PAGE";
    case PageType::kDictionaryPage:
      return "DICTIONARY_PAGE";
    case PageType::kDataPageV2:
      return "DATA_PAGE_V2";
  }
  return Unknown("PAGE_TYPE", static_cast<int32_t>(type));
}

std::string LogicalType::ToString() const {
  auto unit = [this] {
    switch (time_unit) {
      case TimeUnit::kMillis:
        return "MILLIS";
      case TimeUnit::kMicros:
        return "MICROS";
      case TimeUnit::kNanos:
        return "NANOS";
    }
    return "?";
  };
  switch (kind) {
    case Kind::kString:
      return "STRING";
    case Kind::kMap:
      return "MAP";
    case Kind::kList:
      return "LIST";
    case Kind::kEnum:
      return "ENUM";
    case Kind::kDecimal:
      return "DECIMAL(" + std::to_string(decimal_precision) + "," + std::to_string(decimal_scale) +
             ")";
    case Kind::kDate:
      return "DATE";
    case Kind::kTime:
      return std::string("TIME(") + unit() + "," + (is_adjusted_to_utc ? "utc" : "local") + ")";
    case Kind::kTimestamp:
      return std::string("TIMESTAMP(") + unit() + "," + (is_adjusted_to_utc ? "utc" : "local") +
             ")";
    case Kind::kInteger:
      return "INTEGER(" + std::to_string(bit_width) + "," + (is_signed ? "signed" : "unsigned") +
             ")";
    case Kind::kUnknown:
      return "UNKNOWN";
    case Kind::kJson:
      return "JSON";
    case Kind::kBson:
      return "BSON";
    case Kind::kUuid:
      return "UUID";
    case Kind::kFloat16:
      return "FLOAT16";
    case Kind::kVariant:
      return "VARIANT";
    case Kind::kGeometry:
      return "GEOMETRY";
    case Kind::kGeography:
      return "GEOGRAPHY";
    case Kind::kUnrecognized:
      return "UNRECOGNIZED(field_id=" + std::to_string(unrecognized_field_id) + ")";
  }
  return "?";
}

// ---------------------------------------------------------------------------------------------
// Decoding helpers

namespace {

using Reader = ThriftCompactReader;

// Calls `on_field(id, type)` for every field of the struct at the reader's position; `on_field`
// must consume the value (r.Skip(type) for fields it does not know).
template <typename OnField>
Status ReadStruct(Reader& r, OnField&& on_field) {
  RETURN_NOT_OK(r.BeginStruct());
  while (true) {
    int16_t id = 0;
    ThriftType type = ThriftType::kStop;
    RETURN_NOT_OK(r.ReadFieldHeader(&id, &type));
    if (type == ThriftType::kStop) break;
    RETURN_NOT_OK(on_field(id, type));
  }
  return r.EndStruct();
}

Status TypeMismatch(const Reader& r, ThriftType got, std::string_view want) {
  return r.Error("expected a " + std::string(want) + " field but found " +
                 std::string(ThriftTypeName(got)));
}

bool IsInteger(ThriftType t) {
  return t == ThriftType::kByte || t == ThriftType::kI16 || t == ThriftType::kI32 ||
         t == ThriftType::kI64;
}

Status ReadInteger(Reader& r, ThriftType t, int64_t* value) {
  if (!IsInteger(t)) return TypeMismatch(r, t, "integer");
  if (t == ThriftType::kByte) {
    int8_t b = 0;
    RETURN_NOT_OK(r.ReadByte(&b));
    *value = b;
    return Status::OK();
  }
  return r.ReadI64(value);  // zigzag varints of any width decode the same way
}

Status ReadValue(Reader& r, ThriftType t, int64_t* value) { return ReadInteger(r, t, value); }

Status ReadValue(Reader& r, ThriftType t, int32_t* value) {
  int64_t wide = 0;
  RETURN_NOT_OK(ReadInteger(r, t, &wide));
  if (wide < INT32_MIN || wide > INT32_MAX) return r.Error("i32 field out of range");
  *value = static_cast<int32_t>(wide);
  return Status::OK();
}

Status ReadValue(Reader& r, ThriftType t, int16_t* value) {
  int64_t wide = 0;
  RETURN_NOT_OK(ReadInteger(r, t, &wide));
  if (wide < INT16_MIN || wide > INT16_MAX) return r.Error("i16 field out of range");
  *value = static_cast<int16_t>(wide);
  return Status::OK();
}

Status ReadValue(Reader& r, ThriftType t, int8_t* value) {
  int64_t wide = 0;
  RETURN_NOT_OK(ReadInteger(r, t, &wide));
  if (wide < INT8_MIN || wide > INT8_MAX) return r.Error("i8 field out of range");
  *value = static_cast<int8_t>(wide);
  return Status::OK();
}

Status ReadValue(Reader& r, ThriftType t, bool* value) {
  if (t != ThriftType::kBoolTrue && t != ThriftType::kBoolFalse) {
    return TypeMismatch(r, t, "bool");
  }
  *value = t == ThriftType::kBoolTrue;
  return Status::OK();
}

Status ReadValue(Reader& r, ThriftType t, std::string* value) {
  if (t != ThriftType::kBinary) return TypeMismatch(r, t, "binary");
  std::string_view view;
  RETURN_NOT_OK(r.ReadBinary(&view));
  value->assign(view);
  return Status::OK();
}

template <typename E>
requires std::is_enum_v<E> Status ReadValue(Reader& r, ThriftType t, E* value) {
  int32_t raw = 0;
  RETURN_NOT_OK(ReadValue(r, t, &raw));
  *value = static_cast<E>(raw);
  return Status::OK();
}

template <typename T>
Status ReadValue(Reader& r, ThriftType t, std::optional<T>* value) {
  T v{};
  RETURN_NOT_OK(ReadValue(r, t, &v));
  *value = std::move(v);
  return Status::OK();
}

// A list whose elements are read by `read_element(reader, element_type, T*)`.
template <typename T, typename ReadElement>
Status ReadList(Reader& r, ThriftType t, std::vector<T>* values, ReadElement&& read_element) {
  if (t != ThriftType::kList && t != ThriftType::kSet) return TypeMismatch(r, t, "list");
  ThriftType element_type = ThriftType::kStop;
  uint32_t size = 0;
  RETURN_NOT_OK(r.ReadListHeader(&element_type, &size));
  values->clear();
  values->reserve(size);  // bounded by the remaining bytes (ReadListHeader checks)
  for (uint32_t i = 0; i < size; ++i) {
    RETURN_NOT_OK(read_element(r, element_type, &values->emplace_back()));
  }
  return Status::OK();
}

template <typename T>
Status ReadScalarList(Reader& r, ThriftType t, std::vector<T>* values) {
  return ReadList(r, t, values,
                  [](Reader& rr, ThriftType et, T* v) { return ReadValue(rr, et, v); });
}

// Tracks which required fields were seen.
class RequiredFields {
 public:
  RequiredFields(std::string_view struct_name,
                 std::initializer_list<std::pair<int, const char*>> fields)
      : struct_name_(struct_name), fields_(fields) {}
  void Saw(int16_t id) {
    if (id >= 0 && id < 64) seen_ |= uint64_t{1} << id;
  }
  Status Check(const Reader& r) const {
    for (const auto& [id, name] : fields_) {
      if (((seen_ >> id) & 1) == 0) {
        return r.Error(struct_name_ + " lacks required field '" + name + "'");
      }
    }
    return Status::OK();
  }

 private:
  std::string struct_name_;
  std::vector<std::pair<int, const char*>> fields_;
  uint64_t seen_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Decoders per structure

Status ReadKeyValue(Reader& r, ThriftType t, KeyValue* kv) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("KeyValue", {{1, "key"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &kv->key);
      case 2:
        return ReadValue(r, ft, &kv->value);
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadStatistics(Reader& r, ThriftType t, Statistics* s) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  return ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    switch (id) {
      case 1:
        return ReadValue(r, ft, &s->max);
      case 2:
        return ReadValue(r, ft, &s->min);
      case 3:
        return ReadValue(r, ft, &s->null_count);
      case 4:
        return ReadValue(r, ft, &s->distinct_count);
      case 5:
        return ReadValue(r, ft, &s->max_value);
      case 6:
        return ReadValue(r, ft, &s->min_value);
      case 7:
        return ReadValue(r, ft, &s->is_max_value_exact);
      case 8:
        return ReadValue(r, ft, &s->is_min_value_exact);
      default:
        return r.Skip(ft);
    }
  });
}

Status ReadTimeUnit(Reader& r, ThriftType t, TimeUnit* unit) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  return ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    if (id >= 1 && id <= 3) *unit = static_cast<TimeUnit>(id);
    return r.Skip(ft);
  });
}

Status ReadLogicalTypeMember(Reader& r, int16_t id, ThriftType ft, LogicalType* lt) {
  if (ft != ThriftType::kStruct) return TypeMismatch(r, ft, "struct");
  const bool known = (id >= 1 && id <= 8) || (id >= 10 && id <= 18);
  lt->kind = known ? static_cast<LogicalType::Kind>(id) : LogicalType::Kind::kUnrecognized;
  if (!known) lt->unrecognized_field_id = id;
  switch (lt->kind) {
    case LogicalType::Kind::kDecimal:
      return ReadStruct(r, [&](int16_t fid, ThriftType t) -> Status {
        if (fid == 1) return ReadValue(r, t, &lt->decimal_scale);
        if (fid == 2) return ReadValue(r, t, &lt->decimal_precision);
        return r.Skip(t);
      });
    case LogicalType::Kind::kTime:
    case LogicalType::Kind::kTimestamp:
      return ReadStruct(r, [&](int16_t fid, ThriftType t) -> Status {
        if (fid == 1) return ReadValue(r, t, &lt->is_adjusted_to_utc);
        if (fid == 2) return ReadTimeUnit(r, t, &lt->time_unit);
        return r.Skip(t);
      });
    case LogicalType::Kind::kInteger:
      return ReadStruct(r, [&](int16_t fid, ThriftType t) -> Status {
        if (fid == 1) return ReadValue(r, t, &lt->bit_width);
        if (fid == 2) return ReadValue(r, t, &lt->is_signed);
        return r.Skip(t);
      });
    default:
      return r.Skip(ft);
  }
}

Status ReadLogicalType(Reader& r, ThriftType t, LogicalType* lt) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  bool seen_member = false;
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    if (seen_member) return r.Skip(ft);  // a union has one member; ignore extras
    seen_member = true;
    return ReadLogicalTypeMember(r, id, ft, lt);
  }));
  if (!seen_member) return r.Error("LogicalType union has no member");
  return Status::OK();
}

Status ReadSchemaElement(Reader& r, ThriftType t, SchemaElement* e) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("SchemaElement", {{4, "name"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &e->type);
      case 2:
        return ReadValue(r, ft, &e->type_length);
      case 3:
        return ReadValue(r, ft, &e->repetition_type);
      case 4:
        return ReadValue(r, ft, &e->name);
      case 5:
        return ReadValue(r, ft, &e->num_children);
      case 6:
        return ReadValue(r, ft, &e->converted_type);
      case 7:
        return ReadValue(r, ft, &e->scale);
      case 8:
        return ReadValue(r, ft, &e->precision);
      case 9:
        return ReadValue(r, ft, &e->field_id);
      case 10: {
        LogicalType lt;
        RETURN_NOT_OK(ReadLogicalType(r, ft, &lt));
        e->logical_type = lt;
        return Status::OK();
      }
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadPageEncodingStats(Reader& r, ThriftType t, PageEncodingStats* s) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  return ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    switch (id) {
      case 1:
        return ReadValue(r, ft, &s->page_type);
      case 2:
        return ReadValue(r, ft, &s->encoding);
      case 3:
        return ReadValue(r, ft, &s->count);
      default:
        return r.Skip(ft);
    }
  });
}

Status ReadColumnMetaData(Reader& r, ThriftType t, ColumnMetaData* m) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("ColumnMetaData", {{1, "type"},
                                             {3, "path_in_schema"},
                                             {4, "codec"},
                                             {5, "num_values"},
                                             {6, "total_uncompressed_size"},
                                             {7, "total_compressed_size"},
                                             {9, "data_page_offset"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &m->type);
      case 2:
        return ReadScalarList(r, ft, &m->encodings);
      case 3:
        return ReadScalarList(r, ft, &m->path_in_schema);
      case 4:
        return ReadValue(r, ft, &m->codec);
      case 5:
        return ReadValue(r, ft, &m->num_values);
      case 6:
        return ReadValue(r, ft, &m->total_uncompressed_size);
      case 7:
        return ReadValue(r, ft, &m->total_compressed_size);
      case 8:
        return ReadList(r, ft, &m->key_value_metadata, ReadKeyValue);
      case 9:
        return ReadValue(r, ft, &m->data_page_offset);
      case 10:
        return ReadValue(r, ft, &m->index_page_offset);
      case 11:
        return ReadValue(r, ft, &m->dictionary_page_offset);
      case 12: {
        Statistics s;
        RETURN_NOT_OK(ReadStatistics(r, ft, &s));
        m->statistics = std::move(s);
        return Status::OK();
      }
      case 13:
        return ReadList(r, ft, &m->encoding_stats, ReadPageEncodingStats);
      case 14:
        return ReadValue(r, ft, &m->bloom_filter_offset);
      case 15:
        return ReadValue(r, ft, &m->bloom_filter_length);
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadColumnChunk(Reader& r, ThriftType t, ColumnChunk* c) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  return ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    switch (id) {
      case 1:
        return ReadValue(r, ft, &c->file_path);
      case 2:
        return ReadValue(r, ft, &c->file_offset);
      case 3: {
        ColumnMetaData m;
        RETURN_NOT_OK(ReadColumnMetaData(r, ft, &m));
        c->meta_data = std::move(m);
        return Status::OK();
      }
      case 4:
        return ReadValue(r, ft, &c->offset_index_offset);
      case 5:
        return ReadValue(r, ft, &c->offset_index_length);
      case 6:
        return ReadValue(r, ft, &c->column_index_offset);
      case 7:
        return ReadValue(r, ft, &c->column_index_length);
      case 8:
        c->has_crypto_metadata = true;
        return r.Skip(ft);
      case 9:
        c->has_encrypted_column_metadata = true;
        return r.Skip(ft);
      default:
        return r.Skip(ft);
    }
  });
}

Status ReadSortingColumn(Reader& r, ThriftType t, SortingColumn* s) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  return ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    switch (id) {
      case 1:
        return ReadValue(r, ft, &s->column_idx);
      case 2:
        return ReadValue(r, ft, &s->descending);
      case 3:
        return ReadValue(r, ft, &s->nulls_first);
      default:
        return r.Skip(ft);
    }
  });
}

Status ReadRowGroup(Reader& r, ThriftType t, RowGroup* g) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("RowGroup", {{1, "columns"}, {3, "num_rows"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadList(r, ft, &g->columns, ReadColumnChunk);
      case 2:
        return ReadValue(r, ft, &g->total_byte_size);
      case 3:
        return ReadValue(r, ft, &g->num_rows);
      case 4:
        return ReadList(r, ft, &g->sorting_columns, ReadSortingColumn);
      case 5:
        return ReadValue(r, ft, &g->file_offset);
      case 6:
        return ReadValue(r, ft, &g->total_compressed_size);
      case 7:
        return ReadValue(r, ft, &g->ordinal);
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadColumnOrder(Reader& r, ThriftType t, bool* type_defined) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  *type_defined = false;
  return ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    if (id == 1) *type_defined = true;
    return r.Skip(ft);
  });
}

Status ReadFileMetaData(Reader& r, FileMetaData* f) {
  RequiredFields required("FileMetaData",
                          {{1, "version"}, {2, "schema"}, {3, "num_rows"}, {4, "row_groups"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &f->version);
      case 2:
        return ReadList(r, ft, &f->schema, ReadSchemaElement);
      case 3:
        return ReadValue(r, ft, &f->num_rows);
      case 4:
        return ReadList(r, ft, &f->row_groups, ReadRowGroup);
      case 5:
        return ReadList(r, ft, &f->key_value_metadata, ReadKeyValue);
      case 6:
        return ReadValue(r, ft, &f->created_by);
      case 7: {
        std::vector<char> orders;
        RETURN_NOT_OK(ReadList(r, ft, &orders, [](Reader& rr, ThriftType et, char* v) {
          bool b = false;
          RETURN_NOT_OK(ReadColumnOrder(rr, et, &b));
          *v = b;
          return Status::OK();
        }));
        f->column_orders_type_defined.assign(orders.begin(), orders.end());
        return Status::OK();
      }
      case 8:
        f->has_encryption_algorithm = true;
        return r.Skip(ft);
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadDataPageHeader(Reader& r, ThriftType t, DataPageHeader* h) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("DataPageHeader", {{1, "num_values"}, {2, "encoding"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &h->num_values);
      case 2:
        return ReadValue(r, ft, &h->encoding);
      case 3:
        return ReadValue(r, ft, &h->definition_level_encoding);
      case 4:
        return ReadValue(r, ft, &h->repetition_level_encoding);
      case 5: {
        Statistics s;
        RETURN_NOT_OK(ReadStatistics(r, ft, &s));
        h->statistics = std::move(s);
        return Status::OK();
      }
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadDictionaryPageHeader(Reader& r, ThriftType t, DictionaryPageHeader* h) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("DictionaryPageHeader", {{1, "num_values"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &h->num_values);
      case 2:
        return ReadValue(r, ft, &h->encoding);
      case 3:
        return ReadValue(r, ft, &h->is_sorted);
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadDataPageHeaderV2(Reader& r, ThriftType t, DataPageHeaderV2* h) {
  if (t != ThriftType::kStruct) return TypeMismatch(r, t, "struct");
  RequiredFields required("DataPageHeaderV2", {{1, "num_values"},
                                               {2, "num_nulls"},
                                               {3, "num_rows"},
                                               {4, "encoding"},
                                               {5, "definition_levels_byte_length"},
                                               {6, "repetition_levels_byte_length"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &h->num_values);
      case 2:
        return ReadValue(r, ft, &h->num_nulls);
      case 3:
        return ReadValue(r, ft, &h->num_rows);
      case 4:
        return ReadValue(r, ft, &h->encoding);
      case 5:
        return ReadValue(r, ft, &h->definition_levels_byte_length);
      case 6:
        return ReadValue(r, ft, &h->repetition_levels_byte_length);
      case 7:
        return ReadValue(r, ft, &h->is_compressed);
      case 8: {
        Statistics s;
        RETURN_NOT_OK(ReadStatistics(r, ft, &s));
        h->statistics = std::move(s);
        return Status::OK();
      }
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

Status ReadPageHeader(Reader& r, PageHeader* h) {
  RequiredFields required(
      "PageHeader", {{1, "type"}, {2, "uncompressed_page_size"}, {3, "compressed_page_size"}});
  RETURN_NOT_OK(ReadStruct(r, [&](int16_t id, ThriftType ft) -> Status {
    required.Saw(id);
    switch (id) {
      case 1:
        return ReadValue(r, ft, &h->type);
      case 2:
        return ReadValue(r, ft, &h->uncompressed_page_size);
      case 3:
        return ReadValue(r, ft, &h->compressed_page_size);
      case 4:
        return ReadValue(r, ft, &h->crc);
      case 5: {
        DataPageHeader d;
        RETURN_NOT_OK(ReadDataPageHeader(r, ft, &d));
        h->data_page_header = std::move(d);
        return Status::OK();
      }
      case 7: {
        DictionaryPageHeader d;
        RETURN_NOT_OK(ReadDictionaryPageHeader(r, ft, &d));
        h->dictionary_page_header = d;
        return Status::OK();
      }
      case 8: {
        DataPageHeaderV2 d;
        RETURN_NOT_OK(ReadDataPageHeaderV2(r, ft, &d));
        h->data_page_header_v2 = std::move(d);
        return Status::OK();
      }
      default:
        return r.Skip(ft);
    }
  }));
  return required.Check(r);
}

}  // namespace

Result<FileMetaData> DecodeFileMetaData(std::string_view bytes, ThriftLimits limits) {
  Reader reader(bytes, limits);
  FileMetaData metadata;
  RETURN_NOT_OK(ReadFileMetaData(reader, &metadata).WithContext("FileMetaData"));
  if (reader.remaining() != 0) {
    return reader.Error("FileMetaData ends " + std::to_string(reader.remaining()) +
                        " bytes before the footer does");
  }
  return metadata;
}

Result<PageHeader> DecodePageHeader(std::string_view bytes, size_t* header_size) {
  ThriftLimits limits;
  limits.max_depth = 16;
  Reader reader(bytes, limits);
  PageHeader header;
  RETURN_NOT_OK(ReadPageHeader(reader, &header).WithContext("PageHeader"));
  *header_size = reader.position();
  return header;
}

// ---------------------------------------------------------------------------------------------
// Encoding

namespace {

using Writer = ThriftCompactWriter;

template <typename E>
int32_t Raw(E value) {
  return static_cast<int32_t>(value);
}

void WriteOptionalI32(Writer* w, int16_t id, const std::optional<int32_t>& v) {
  if (v) w->WriteI32Field(id, *v);
}
void WriteOptionalI64(Writer* w, int16_t id, const std::optional<int64_t>& v) {
  if (v) w->WriteI64Field(id, *v);
}
void WriteOptionalBinary(Writer* w, int16_t id, const std::optional<std::string>& v) {
  if (v) w->WriteBinaryField(id, *v);
}

void WriteEmptyStructField(Writer* w, int16_t id) {
  w->WriteFieldHeader(id, ThriftType::kStruct);
  w->BeginStruct();
  w->EndStruct();
}

void EncodeKeyValues(Writer* w, int16_t id, const std::vector<KeyValue>& kvs) {
  if (kvs.empty()) return;
  w->WriteFieldHeader(id, ThriftType::kList);
  w->WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(kvs.size()));
  for (const KeyValue& kv : kvs) {
    w->BeginStruct();
    w->WriteBinaryField(1, kv.key);
    WriteOptionalBinary(w, 2, kv.value);
    w->EndStruct();
  }
}

void EncodeSchemaElement(const SchemaElement& e, Writer* w) {
  w->BeginStruct();
  if (e.type) w->WriteI32Field(1, Raw(*e.type));
  WriteOptionalI32(w, 2, e.type_length);
  if (e.repetition_type) w->WriteI32Field(3, Raw(*e.repetition_type));
  w->WriteBinaryField(4, e.name);
  WriteOptionalI32(w, 5, e.num_children);
  if (e.converted_type) w->WriteI32Field(6, Raw(*e.converted_type));
  WriteOptionalI32(w, 7, e.scale);
  WriteOptionalI32(w, 8, e.precision);
  WriteOptionalI32(w, 9, e.field_id);
  if (e.logical_type) {
    w->WriteFieldHeader(10, ThriftType::kStruct);
    EncodeLogicalType(*e.logical_type, w);
  }
  w->EndStruct();
}

void EncodeColumnMetaData(const ColumnMetaData& m, Writer* w) {
  w->BeginStruct();
  w->WriteI32Field(1, Raw(m.type));
  w->WriteFieldHeader(2, ThriftType::kList);
  w->WriteListHeader(ThriftType::kI32, static_cast<uint32_t>(m.encodings.size()));
  for (Encoding e : m.encodings) w->WriteI32(Raw(e));
  w->WriteFieldHeader(3, ThriftType::kList);
  w->WriteListHeader(ThriftType::kBinary, static_cast<uint32_t>(m.path_in_schema.size()));
  for (const std::string& p : m.path_in_schema) w->WriteBinary(p);
  w->WriteI32Field(4, Raw(m.codec));
  w->WriteI64Field(5, m.num_values);
  w->WriteI64Field(6, m.total_uncompressed_size);
  w->WriteI64Field(7, m.total_compressed_size);
  EncodeKeyValues(w, 8, m.key_value_metadata);
  w->WriteI64Field(9, m.data_page_offset);
  WriteOptionalI64(w, 10, m.index_page_offset);
  WriteOptionalI64(w, 11, m.dictionary_page_offset);
  if (m.statistics) {
    w->WriteFieldHeader(12, ThriftType::kStruct);
    EncodeStatistics(*m.statistics, w);
  }
  if (!m.encoding_stats.empty()) {
    w->WriteFieldHeader(13, ThriftType::kList);
    w->WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(m.encoding_stats.size()));
    for (const PageEncodingStats& s : m.encoding_stats) {
      w->BeginStruct();
      w->WriteI32Field(1, Raw(s.page_type));
      w->WriteI32Field(2, Raw(s.encoding));
      w->WriteI32Field(3, s.count);
      w->EndStruct();
    }
  }
  WriteOptionalI64(w, 14, m.bloom_filter_offset);
  WriteOptionalI32(w, 15, m.bloom_filter_length);
  w->EndStruct();
}

void EncodeColumnChunk(const ColumnChunk& c, Writer* w) {
  w->BeginStruct();
  WriteOptionalBinary(w, 1, c.file_path);
  w->WriteI64Field(2, c.file_offset);
  if (c.meta_data) {
    w->WriteFieldHeader(3, ThriftType::kStruct);
    EncodeColumnMetaData(*c.meta_data, w);
  }
  WriteOptionalI64(w, 4, c.offset_index_offset);
  WriteOptionalI32(w, 5, c.offset_index_length);
  WriteOptionalI64(w, 6, c.column_index_offset);
  WriteOptionalI32(w, 7, c.column_index_length);
  w->EndStruct();
}

void EncodeRowGroup(const RowGroup& g, Writer* w) {
  w->BeginStruct();
  w->WriteFieldHeader(1, ThriftType::kList);
  w->WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(g.columns.size()));
  for (const ColumnChunk& c : g.columns) EncodeColumnChunk(c, w);
  w->WriteI64Field(2, g.total_byte_size);
  w->WriteI64Field(3, g.num_rows);
  if (!g.sorting_columns.empty()) {
    w->WriteFieldHeader(4, ThriftType::kList);
    w->WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(g.sorting_columns.size()));
    for (const SortingColumn& s : g.sorting_columns) {
      w->BeginStruct();
      w->WriteI32Field(1, s.column_idx);
      w->WriteBoolField(2, s.descending);
      w->WriteBoolField(3, s.nulls_first);
      w->EndStruct();
    }
  }
  WriteOptionalI64(w, 5, g.file_offset);
  WriteOptionalI64(w, 6, g.total_compressed_size);
  if (g.ordinal) {
    w->WriteFieldHeader(7, ThriftType::kI16);
    w->WriteI16(*g.ordinal);
  }
  w->EndStruct();
}

}  // namespace

void EncodeStatistics(const Statistics& s, ThriftCompactWriter* w) {
  w->BeginStruct();
  WriteOptionalBinary(w, 1, s.max);
  WriteOptionalBinary(w, 2, s.min);
  WriteOptionalI64(w, 3, s.null_count);
  WriteOptionalI64(w, 4, s.distinct_count);
  WriteOptionalBinary(w, 5, s.max_value);
  WriteOptionalBinary(w, 6, s.min_value);
  if (s.is_max_value_exact) w->WriteBoolField(7, *s.is_max_value_exact);
  if (s.is_min_value_exact) w->WriteBoolField(8, *s.is_min_value_exact);
  w->EndStruct();
}

void EncodeLogicalType(const LogicalType& lt, ThriftCompactWriter* w) {
  w->BeginStruct();
  const auto member =
      static_cast<int16_t>(lt.kind == LogicalType::Kind::kUnrecognized ? lt.unrecognized_field_id
                                                                       : static_cast<int>(lt.kind));
  w->WriteFieldHeader(member, ThriftType::kStruct);
  w->BeginStruct();
  switch (lt.kind) {
    case LogicalType::Kind::kDecimal:
      w->WriteI32Field(1, lt.decimal_scale);
      w->WriteI32Field(2, lt.decimal_precision);
      break;
    case LogicalType::Kind::kTime:
    case LogicalType::Kind::kTimestamp:
      w->WriteBoolField(1, lt.is_adjusted_to_utc);
      w->WriteFieldHeader(2, ThriftType::kStruct);
      w->BeginStruct();
      WriteEmptyStructField(w, static_cast<int16_t>(lt.time_unit));
      w->EndStruct();
      break;
    case LogicalType::Kind::kInteger:
      w->WriteFieldHeader(1, ThriftType::kByte);
      w->WriteByte(lt.bit_width);
      w->WriteBoolField(2, lt.is_signed);
      break;
    default:
      break;
  }
  w->EndStruct();
  w->EndStruct();
}

void EncodeFileMetaData(const FileMetaData& f, std::string* out) {
  Writer w;
  w.BeginStruct();
  w.WriteI32Field(1, f.version);
  w.WriteFieldHeader(2, ThriftType::kList);
  w.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(f.schema.size()));
  for (const SchemaElement& e : f.schema) EncodeSchemaElement(e, &w);
  w.WriteI64Field(3, f.num_rows);
  w.WriteFieldHeader(4, ThriftType::kList);
  w.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(f.row_groups.size()));
  for (const RowGroup& g : f.row_groups) EncodeRowGroup(g, &w);
  EncodeKeyValues(&w, 5, f.key_value_metadata);
  WriteOptionalBinary(&w, 6, f.created_by);
  if (!f.column_orders_type_defined.empty()) {
    w.WriteFieldHeader(7, ThriftType::kList);
    w.WriteListHeader(ThriftType::kStruct,
                      static_cast<uint32_t>(f.column_orders_type_defined.size()));
    for (bool type_defined : f.column_orders_type_defined) {
      w.BeginStruct();
      if (type_defined) WriteEmptyStructField(&w, 1);
      w.EndStruct();
    }
  }
  w.EndStruct();
  out->append(w.bytes());
}

void EncodePageHeader(const PageHeader& h, std::string* out) {
  Writer w;
  w.BeginStruct();
  w.WriteI32Field(1, Raw(h.type));
  w.WriteI32Field(2, h.uncompressed_page_size);
  w.WriteI32Field(3, h.compressed_page_size);
  WriteOptionalI32(&w, 4, h.crc);
  if (h.data_page_header) {
    const DataPageHeader& d = *h.data_page_header;
    w.WriteFieldHeader(5, ThriftType::kStruct);
    w.BeginStruct();
    w.WriteI32Field(1, d.num_values);
    w.WriteI32Field(2, Raw(d.encoding));
    w.WriteI32Field(3, Raw(d.definition_level_encoding));
    w.WriteI32Field(4, Raw(d.repetition_level_encoding));
    if (d.statistics) {
      w.WriteFieldHeader(5, ThriftType::kStruct);
      EncodeStatistics(*d.statistics, &w);
    }
    w.EndStruct();
  }
  if (h.dictionary_page_header) {
    const DictionaryPageHeader& d = *h.dictionary_page_header;
    w.WriteFieldHeader(7, ThriftType::kStruct);
    w.BeginStruct();
    w.WriteI32Field(1, d.num_values);
    w.WriteI32Field(2, Raw(d.encoding));
    if (d.is_sorted) w.WriteBoolField(3, *d.is_sorted);
    w.EndStruct();
  }
  if (h.data_page_header_v2) {
    const DataPageHeaderV2& d = *h.data_page_header_v2;
    w.WriteFieldHeader(8, ThriftType::kStruct);
    w.BeginStruct();
    w.WriteI32Field(1, d.num_values);
    w.WriteI32Field(2, d.num_nulls);
    w.WriteI32Field(3, d.num_rows);
    w.WriteI32Field(4, Raw(d.encoding));
    w.WriteI32Field(5, d.definition_levels_byte_length);
    w.WriteI32Field(6, d.repetition_levels_byte_length);
    w.WriteBoolField(7, d.is_compressed);
    if (d.statistics) {
      w.WriteFieldHeader(8, ThriftType::kStruct);
      EncodeStatistics(*d.statistics, &w);
    }
    w.EndStruct();
  }
  w.EndStruct();
  out->append(w.bytes());
}

}  // namespace mesh::format::parquet
