#include "format/parquet/writer_schema.h"

#include <set>

#include "format/parquet/plain_encoder.h"

namespace mesh::format::parquet {
namespace {

void AnnotateDecimal(const FieldType& type, SchemaElement* element) {
  LogicalType logical;
  logical.kind = LogicalType::Kind::kDecimal;
  logical.decimal_precision = type.precision;
  logical.decimal_scale = type.scale;
  element->logical_type = logical;
  element->converted_type = ConvertedType::kDecimal;
  element->precision = type.precision;
  element->scale = type.scale;
  if (DecimalStorageFor(type.precision) == DecimalStorage::kFixedLenByteArray) {
    element->type_length = DecimalByteWidth(type.precision);
  }
}

void Annotate(const FieldType& type, SchemaElement* element) {
  LogicalType logical;
  switch (type.id) {
    case TypeId::kDecimal:
      AnnotateDecimal(type, element);
      return;
    case TypeId::kString:
      logical.kind = LogicalType::Kind::kString;
      element->converted_type = ConvertedType::kUtf8;
      break;
    case TypeId::kDate:
      logical.kind = LogicalType::Kind::kDate;
      element->converted_type = ConvertedType::kDate;
      break;
    case TypeId::kTimestamp:
      logical.kind = LogicalType::Kind::kTimestamp;
      logical.is_adjusted_to_utc = true;
      logical.time_unit = TimeUnit::kMicros;
      element->converted_type = ConvertedType::kTimestampMicros;
      break;
    default:
      return;  // plain physical types carry no annotation
  }
  element->logical_type = logical;
}

}  // namespace

DecimalStorage DecimalStorageFor(int precision) {
  if (precision <= 9) return DecimalStorage::kInt32;
  if (precision <= 18) return DecimalStorage::kInt64;
  return DecimalStorage::kFixedLenByteArray;
}

PhysicalType WriterPhysicalType(const FieldType& type) {
  switch (type.id) {
    case TypeId::kBoolean:
      return PhysicalType::kBoolean;
    case TypeId::kInt32:
    case TypeId::kDate:
      return PhysicalType::kInt32;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return PhysicalType::kInt64;
    case TypeId::kFloat:
      return PhysicalType::kFloat;
    case TypeId::kDouble:
      return PhysicalType::kDouble;
    case TypeId::kDecimal:
      switch (DecimalStorageFor(type.precision)) {
        case DecimalStorage::kInt32:
          return PhysicalType::kInt32;
        case DecimalStorage::kInt64:
          return PhysicalType::kInt64;
        case DecimalStorage::kFixedLenByteArray:
          return PhysicalType::kFixedLenByteArray;
      }
      break;
    case TypeId::kString:
    case TypeId::kBinary:
      return PhysicalType::kByteArray;
  }
  return PhysicalType::kByteArray;
}

SchemaElement WriterLeafElement(const Field& field, bool required) {
  SchemaElement element;
  element.name = field.name;
  element.type = WriterPhysicalType(field.type);
  element.repetition_type = required ? Repetition::kRequired : Repetition::kOptional;
  Annotate(field.type, &element);
  return element;
}

Status CheckWritableSchema(const Schema& schema) {
  if (schema.fields.empty()) {
    return Status::InvalidArgument("a Parquet file needs at least one field; the schema has none");
  }
  std::set<std::string, std::less<>> names;
  for (const Field& field : schema.fields) {
    if (field.name.empty()) return Status::InvalidArgument("a field has an empty name");
    if (!names.insert(field.name).second) {
      return Status::InvalidArgument("field '" + field.name +
                                     "' appears twice; Parquet column names must be unique");
    }
    const FieldType& type = field.type;
    if (type.id == TypeId::kDecimal && (type.precision < 1 || type.precision > 38 ||
                                        type.scale < 0 || type.scale > type.precision)) {
      return Status::InvalidArgument("field '" + field.name + "' has type decimal(" +
                                     std::to_string(type.precision) + "," +
                                     std::to_string(type.scale) +
                                     "); Parquet decimals need 1 <= precision <= 38 and "
                                     "0 <= scale <= precision");
    }
  }
  return Status::OK();
}

std::vector<SchemaElement> WriterSchemaElements(const Schema& schema,
                                                bool required_fields_as_required) {
  std::vector<SchemaElement> elements;
  SchemaElement root;
  root.name = "schema";
  root.num_children = static_cast<int32_t>(schema.fields.size());
  elements.push_back(root);
  for (const Field& field : schema.fields) {
    elements.push_back(WriterLeafElement(field, required_fields_as_required && field.required));
  }
  return elements;
}

}  // namespace mesh::format::parquet
