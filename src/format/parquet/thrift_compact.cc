#include "format/parquet/thrift_compact.h"

#include <cstring>

namespace mesh::format::parquet {

std::string_view ThriftTypeName(ThriftType type) {
  switch (type) {
    case ThriftType::kStop:
      return "stop";
    case ThriftType::kBoolTrue:
    case ThriftType::kBoolFalse:
      return "bool";
    case ThriftType::kByte:
      return "byte";
    case ThriftType::kI16:
      return "i16";
    case ThriftType::kI32:
      return "i32";
    case ThriftType::kI64:
      return "i64";
    case ThriftType::kDouble:
      return "double";
    case ThriftType::kBinary:
      return "binary";
    case ThriftType::kList:
      return "list";
    case ThriftType::kSet:
      return "set";
    case ThriftType::kMap:
      return "map";
    case ThriftType::kStruct:
      return "struct";
  }
  return "unknown";
}

namespace {

bool IsValidType(uint8_t nibble) { return nibble <= static_cast<uint8_t>(ThriftType::kStruct); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reader

ThriftCompactReader::ThriftCompactReader(std::string_view bytes, ThriftLimits limits)
    : bytes_(bytes), limits_(limits) {}

Status ThriftCompactReader::Error(std::string_view what) const {
  return Status::Corruption("Thrift compact data: " + std::string(what) + " at byte " +
                            std::to_string(pos_));
}

Status ThriftCompactReader::EnterNesting() {
  if (depth_ >= limits_.max_depth) {
    return Error("nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
  }
  ++depth_;
  return Status::OK();
}

Status ThriftCompactReader::BeginStruct() {
  RETURN_NOT_OK(EnterNesting());
  last_field_ids_.push_back(0);
  return Status::OK();
}

Status ThriftCompactReader::EndStruct() {
  if (last_field_ids_.empty()) return Error("struct end without a struct");
  last_field_ids_.pop_back();
  --depth_;
  return Status::OK();
}

Status ThriftCompactReader::ReadVarint(uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    if (pos_ >= bytes_.size()) return Error("truncated varint");
    const uint8_t byte = static_cast<uint8_t>(bytes_[pos_++]);
    if (shift == 63 && (byte & 0x7e) != 0) return Error("varint overflows 64 bits");
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return Status::OK();
    }
  }
  return Error("varint longer than 10 bytes");
}

Status ThriftCompactReader::ReadZigZag(int64_t* value) {
  uint64_t raw = 0;
  RETURN_NOT_OK(ReadVarint(&raw));
  *value = static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
  return Status::OK();
}

Status ThriftCompactReader::ReadFieldHeader(int16_t* id, ThriftType* type) {
  if (last_field_ids_.empty()) return Error("field outside a struct");
  if (pos_ >= bytes_.size()) return Error("truncated struct (no stop byte)");
  const uint8_t byte = static_cast<uint8_t>(bytes_[pos_++]);
  const uint8_t nibble = byte & 0x0f;
  if (!IsValidType(nibble)) return Error("invalid field type " + std::to_string(nibble));
  *type = static_cast<ThriftType>(nibble);
  if (*type == ThriftType::kStop) {
    *id = 0;
    return Status::OK();
  }
  const uint8_t delta = byte >> 4;
  if (delta != 0) {
    const int next = last_field_ids_.back() + delta;
    if (next > INT16_MAX) return Error("field id overflows i16");
    *id = static_cast<int16_t>(next);
  } else {
    int64_t explicit_id = 0;
    RETURN_NOT_OK(ReadZigZag(&explicit_id));
    if (explicit_id < INT16_MIN || explicit_id > INT16_MAX) return Error("field id out of range");
    *id = static_cast<int16_t>(explicit_id);
  }
  last_field_ids_.back() = *id;
  return Status::OK();
}

Status ThriftCompactReader::ReadByte(int8_t* value) {
  if (pos_ >= bytes_.size()) return Error("truncated byte");
  *value = static_cast<int8_t>(bytes_[pos_++]);
  return Status::OK();
}

Status ThriftCompactReader::ReadI16(int16_t* value) {
  int64_t wide = 0;
  RETURN_NOT_OK(ReadZigZag(&wide));
  if (wide < INT16_MIN || wide > INT16_MAX) return Error("i16 out of range");
  *value = static_cast<int16_t>(wide);
  return Status::OK();
}

Status ThriftCompactReader::ReadI32(int32_t* value) {
  int64_t wide = 0;
  RETURN_NOT_OK(ReadZigZag(&wide));
  if (wide < INT32_MIN || wide > INT32_MAX) return Error("i32 out of range");
  *value = static_cast<int32_t>(wide);
  return Status::OK();
}

Status ThriftCompactReader::ReadI64(int64_t* value) { return ReadZigZag(value); }

Status ThriftCompactReader::ReadDouble(double* value) {
  if (remaining() < 8) return Error("truncated double");
  uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<uint8_t>(bytes_[pos_ + i]);
  std::memcpy(value, &bits, sizeof bits);
  pos_ += 8;
  return Status::OK();
}

Status ThriftCompactReader::ReadBinary(std::string_view* value) {
  uint64_t length = 0;
  RETURN_NOT_OK(ReadVarint(&length));
  if (length > remaining()) {
    return Error("binary of " + std::to_string(length) + " bytes but only " +
                 std::to_string(remaining()) + " remain");
  }
  if (length > limits_.max_string_bytes) return Error("binary longer than the limit");
  *value = bytes_.substr(pos_, length);
  pos_ += length;
  return Status::OK();
}

Status ThriftCompactReader::ReadBoolElement(bool* value) {
  int8_t byte = 0;
  RETURN_NOT_OK(ReadByte(&byte));
  *value = byte == 1;
  return Status::OK();
}

Status ThriftCompactReader::CheckContainerSize(uint64_t size, uint64_t min_bytes_each) {
  if (size > limits_.max_container_size) {
    return Error("container of " + std::to_string(size) + " elements exceeds the limit");
  }
  if (size * min_bytes_each > remaining()) {
    return Error("container of " + std::to_string(size) + " elements but only " +
                 std::to_string(remaining()) + " bytes remain");
  }
  return Status::OK();
}

Status ThriftCompactReader::ReadListHeader(ThriftType* element_type, uint32_t* size) {
  if (pos_ >= bytes_.size()) return Error("truncated list header");
  const uint8_t byte = static_cast<uint8_t>(bytes_[pos_++]);
  const uint8_t nibble = byte & 0x0f;
  if (!IsValidType(nibble) || nibble == 0) {
    return Error("invalid list element type " + std::to_string(nibble));
  }
  *element_type = static_cast<ThriftType>(nibble);
  uint64_t count = byte >> 4;
  if (count == 15) RETURN_NOT_OK(ReadVarint(&count));
  RETURN_NOT_OK(CheckContainerSize(count, 1));
  *size = static_cast<uint32_t>(count);
  return Status::OK();
}

Status ThriftCompactReader::ReadMapHeader(ThriftType* key_type, ThriftType* value_type,
                                          uint32_t* size) {
  uint64_t count = 0;
  RETURN_NOT_OK(ReadVarint(&count));
  if (count == 0) {
    *key_type = *value_type = ThriftType::kStop;
    *size = 0;
    return Status::OK();
  }
  if (pos_ >= bytes_.size()) return Error("truncated map header");
  const uint8_t byte = static_cast<uint8_t>(bytes_[pos_++]);
  if (!IsValidType(byte >> 4) || !IsValidType(byte & 0x0f) || (byte >> 4) == 0 ||
      (byte & 0x0f) == 0) {
    return Error("invalid map key/value types");
  }
  *key_type = static_cast<ThriftType>(byte >> 4);
  *value_type = static_cast<ThriftType>(byte & 0x0f);
  RETURN_NOT_OK(CheckContainerSize(count, 2));
  *size = static_cast<uint32_t>(count);
  return Status::OK();
}

Status ThriftCompactReader::SkipElement(ThriftType type) {
  if (type == ThriftType::kBoolTrue || type == ThriftType::kBoolFalse) {
    bool ignored = false;
    return ReadBoolElement(&ignored);
  }
  return Skip(type);
}

Status ThriftCompactReader::Skip(ThriftType type) {
  switch (type) {
    case ThriftType::kStop:
      return Error("cannot skip a stop marker");
    case ThriftType::kBoolTrue:
    case ThriftType::kBoolFalse:
      return Status::OK();
    case ThriftType::kByte: {
      int8_t ignored = 0;
      return ReadByte(&ignored);
    }
    case ThriftType::kI16:
    case ThriftType::kI32:
    case ThriftType::kI64: {
      uint64_t ignored = 0;
      return ReadVarint(&ignored);
    }
    case ThriftType::kDouble: {
      double ignored = 0;
      return ReadDouble(&ignored);
    }
    case ThriftType::kBinary: {
      std::string_view ignored;
      return ReadBinary(&ignored);
    }
    case ThriftType::kList:
    case ThriftType::kSet: {
      ThriftType element = ThriftType::kStop;
      uint32_t size = 0;
      RETURN_NOT_OK(ReadListHeader(&element, &size));
      RETURN_NOT_OK(EnterNesting());
      for (uint32_t i = 0; i < size; ++i) RETURN_NOT_OK(SkipElement(element));
      --depth_;
      return Status::OK();
    }
    case ThriftType::kMap: {
      ThriftType key = ThriftType::kStop, value = ThriftType::kStop;
      uint32_t size = 0;
      RETURN_NOT_OK(ReadMapHeader(&key, &value, &size));
      RETURN_NOT_OK(EnterNesting());
      for (uint32_t i = 0; i < size; ++i) {
        RETURN_NOT_OK(SkipElement(key));
        RETURN_NOT_OK(SkipElement(value));
      }
      --depth_;
      return Status::OK();
    }
    case ThriftType::kStruct: {
      RETURN_NOT_OK(BeginStruct());
      while (true) {
        int16_t id = 0;
        ThriftType field_type = ThriftType::kStop;
        RETURN_NOT_OK(ReadFieldHeader(&id, &field_type));
        if (field_type == ThriftType::kStop) break;
        RETURN_NOT_OK(Skip(field_type));
      }
      return EndStruct();
    }
  }
  return Error("unknown type");
}

// ---------------------------------------------------------------------------------------------
// Writer

void ThriftCompactWriter::WriteVarint(uint64_t value) {
  while (value >= 0x80) {
    out_.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out_.push_back(static_cast<char>(value));
}

void ThriftCompactWriter::WriteZigZag(int64_t value) {
  WriteVarint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
}

void ThriftCompactWriter::BeginStruct() { last_field_ids_.push_back(0); }

void ThriftCompactWriter::EndStruct() {
  out_.push_back(0);
  if (!last_field_ids_.empty()) last_field_ids_.pop_back();
}

void ThriftCompactWriter::WriteFieldHeader(int16_t id, ThriftType type) {
  const int16_t last = last_field_ids_.empty() ? 0 : last_field_ids_.back();
  const int delta = id - last;
  if (delta > 0 && delta <= 15) {
    out_.push_back(static_cast<char>((delta << 4) | static_cast<uint8_t>(type)));
  } else {
    out_.push_back(static_cast<char>(type));
    WriteZigZag(id);
  }
  if (!last_field_ids_.empty()) last_field_ids_.back() = id;
}

void ThriftCompactWriter::WriteBoolField(int16_t id, bool value) {
  WriteFieldHeader(id, value ? ThriftType::kBoolTrue : ThriftType::kBoolFalse);
}

void ThriftCompactWriter::WriteI32Field(int16_t id, int32_t value) {
  WriteFieldHeader(id, ThriftType::kI32);
  WriteI32(value);
}

void ThriftCompactWriter::WriteI64Field(int16_t id, int64_t value) {
  WriteFieldHeader(id, ThriftType::kI64);
  WriteI64(value);
}

void ThriftCompactWriter::WriteBinaryField(int16_t id, std::string_view value) {
  WriteFieldHeader(id, ThriftType::kBinary);
  WriteBinary(value);
}

void ThriftCompactWriter::WriteByte(int8_t value) { out_.push_back(static_cast<char>(value)); }
void ThriftCompactWriter::WriteI16(int16_t value) { WriteZigZag(value); }
void ThriftCompactWriter::WriteI32(int32_t value) { WriteZigZag(value); }
void ThriftCompactWriter::WriteI64(int64_t value) { WriteZigZag(value); }

void ThriftCompactWriter::WriteDouble(double value) {
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void ThriftCompactWriter::WriteBinary(std::string_view value) {
  WriteVarint(value.size());
  out_.append(value);
}

void ThriftCompactWriter::WriteBoolElement(bool value) { out_.push_back(value ? 1 : 2); }

void ThriftCompactWriter::WriteListHeader(ThriftType element_type, uint32_t size) {
  const uint8_t type = static_cast<uint8_t>(element_type);
  if (size < 15) {
    out_.push_back(static_cast<char>((size << 4) | type));
  } else {
    out_.push_back(static_cast<char>(0xf0 | type));
    WriteVarint(size);
  }
}

void ThriftCompactWriter::WriteMapHeader(ThriftType key_type, ThriftType value_type,
                                         uint32_t size) {
  WriteVarint(size);
  if (size > 0) {
    out_.push_back(static_cast<char>((static_cast<uint8_t>(key_type) << 4) |
                                     static_cast<uint8_t>(value_type)));
  }
}

}  // namespace mesh::format::parquet
