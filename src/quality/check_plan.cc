#include "quality/check_plan.h"

#include <map>

#include "quality/allowed_values_kernel.h"
#include "quality/newest_kernel.h"
#include "quality/null_kernel.h"
#include "quality/pattern_kernel.h"
#include "quality/range_kernel.h"
#include "quality/type_error_kernel.h"
#include "quality/unique_kernel.h"
#include "quality/values.h"

namespace mesh::quality {
namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

bool IsTextual(const Field& field) {
  return field.type.id == TypeId::kString || field.type.id == TypeId::kBinary;
}

}  // namespace

class CheckPlan::Builder {
 public:
  Builder(const Descriptor& descriptor, const PlanOptions& options, CheckPlan* plan)
      : descriptor_(descriptor), options_(options), plan_(plan) {}

  Status Build() {
    plan_->num_fields_ = static_cast<int>(descriptor_.schema.fields.size());
    for (int i = 0; i < plan_->num_fields_; ++i) RETURN_NOT_OK(AddFieldChecks(i));
    RETURN_NOT_OK(AddPrimaryKeyChecks());
    for (size_t k = 0; k < descriptor_.quality.size(); ++k) RETURN_NOT_OK(AddQualityCheck(k));
    RETURN_NOT_OK(AddSlaChecks());
    AddTypeChecks();
    return Status::OK();
  }

 private:
  Result<int> ColumnIndex(const std::string& name, const std::string& where) const {
    const auto& fields = descriptor_.schema.fields;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].name == name) return static_cast<int>(i);
    }
    return Status::InvalidArgument(where + ": column '" + name + "' is not a field of the schema");
  }

  Result<std::vector<int>> ColumnIndexes(const std::vector<std::string>& names,
                                         const std::string& where) const {
    if (names.empty()) return Status::InvalidArgument(where + ": lists no columns");
    std::vector<int> indexes;
    for (const std::string& name : names) {
      ASSIGN_OR_RAISE(int index, ColumnIndex(name, where));
      indexes.push_back(index);
    }
    return indexes;
  }

  // The kernel registered under `key`, made by `make` the first time.
  template <typename Make>
  int SharedKernel(const std::string& key, Make make) {
    auto it = kernel_by_key_.find(key);
    if (it != kernel_by_key_.end()) return it->second;
    const int index = AddKernel(make());
    kernel_by_key_[key] = index;
    return index;
  }

  int AddKernel(std::unique_ptr<Kernel> kernel) {
    plan_->kernels_.push_back(std::move(kernel));
    return static_cast<int>(plan_->kernels_.size()) - 1;
  }

  Result<int> NullKernelFor(const std::vector<int>& columns) {
    std::string key = "null";
    std::vector<std::string> names;
    for (int column : columns) {
      key += ":" + std::to_string(column);
      names.push_back(descriptor_.schema.fields[column].name);
    }
    return SharedKernel(key, [&]() -> std::unique_ptr<Kernel> {
      return std::make_unique<NullKernel>(columns, names);
    });
  }

  Result<int> UniqueKernelFor(const std::vector<int>& columns) {
    std::string key = "unique";
    std::vector<FieldType> types;
    for (int column : columns) {
      key += ":" + std::to_string(column);
      types.push_back(descriptor_.schema.fields[column].type);
    }
    return SharedKernel(key, [&]() -> std::unique_ptr<Kernel> {
      return std::make_unique<UniqueKernel>(columns, types);
    });
  }

  Result<int> NewestKernelFor(const std::string& where) {
    if (!descriptor_.event_time) {
      return Status::InvalidArgument(where +
                                     " needs event_time: name the date or timestamp "
                                     "field that says when each row happened");
    }
    ASSIGN_OR_RAISE(int column, ColumnIndex(*descriptor_.event_time, "event_time"));
    const FieldType& type = descriptor_.schema.fields[column].type;
    if (type.id != TypeId::kDate && type.id != TypeId::kTimestamp) {
      return Status::InvalidArgument("event_time: field '" + *descriptor_.event_time + "' is a " +
                                     type.ToString() + "; it must be a date or a timestamp");
    }
    return SharedKernel("newest:" + std::to_string(column), [&]() -> std::unique_ptr<Kernel> {
      return std::make_unique<NewestKernel>(column);
    });
  }

  PlannedCheck& AddCheck(std::string name, std::string kind, std::string detail, int kernel,
                         int output = 0) {
    PlannedCheck check;
    check.name = std::move(name);
    check.kind = std::move(kind);
    check.detail = std::move(detail);
    check.kernel = kernel;
    check.output = output;
    plan_->checks_.push_back(std::move(check));
    return plan_->checks_.back();
  }

  // allowed_values, range and pattern on one column, as field constraints or quality entries.
  struct ValueSpec {
    const std::vector<Literal>* values = nullptr;
    const std::optional<Literal>* min = nullptr;
    const std::optional<Literal>* max = nullptr;
    const std::string* pattern = nullptr;
  };

  Status AddValueChecks(const std::string& prefix, int column, const ValueSpec& spec,
                        Severity severity, double max_failing) {
    const Field& field = descriptor_.schema.fields[column];
    if (spec.values != nullptr) {
      ASSIGN_OR_RAISE(std::unique_ptr<AllowedValuesKernel> kernel,
                      AllowedValuesKernel::Make(field, column, *spec.values));
      const std::string detail = field.name + ": " + kernel->detail();
      PlannedCheck& check = AddCheck(prefix + ".allowed_values", "allowed_values", detail,
                                     AddKernel(std::move(kernel)));
      check.severity = severity;
      check.max_failing = max_failing;
    }
    if (spec.min != nullptr && (spec.min->has_value() || spec.max->has_value())) {
      Result<std::unique_ptr<RangeKernel>> made =
          RangeKernel::Make(field, column, *spec.min, *spec.max);
      if (!made.ok()) return Status::InvalidArgument(prefix + ": " + made.status().message());
      const std::string detail = field.name + ": " + (*made)->detail();
      PlannedCheck& check =
          AddCheck(prefix + ".range", "range", detail, AddKernel(std::move(made).value()));
      check.severity = severity;
      check.max_failing = max_failing;
    }
    if (spec.pattern != nullptr) {
      if (IsTextual(field) == false) {
        return Status::InvalidArgument(prefix + ": pattern applies to string fields; '" +
                                       field.name + "' is a " + field.type.ToString());
      }
      ASSIGN_OR_RAISE(std::unique_ptr<PatternKernel> kernel,
                      PatternKernel::Make(column, *spec.pattern, prefix));
      const std::string detail = field.name + " matches " + *spec.pattern;
      PlannedCheck& check =
          AddCheck(prefix + ".pattern", "pattern", detail, AddKernel(std::move(kernel)));
      check.severity = severity;
      check.max_failing = max_failing;
    }
    return Status::OK();
  }

  Status AddFieldChecks(int column) {
    const Field& field = descriptor_.schema.fields[column];
    const std::string prefix = "field." + field.name;
    if (field.required) {
      ASSIGN_OR_RAISE(int kernel, NullKernelFor({column}));
      AddCheck(prefix + ".required", "required", field.name + " is not null", kernel);
    }
    if (field.unique) {
      ASSIGN_OR_RAISE(int kernel, UniqueKernelFor({column}));
      AddCheck(prefix + ".unique", "unique", "no two rows share a non-null " + field.name, kernel,
               0);
    }
    ValueSpec spec;
    if (!field.allowed_values.empty()) spec.values = &field.allowed_values;
    spec.min = &field.min;
    spec.max = &field.max;
    if (field.pattern) spec.pattern = &*field.pattern;
    return AddValueChecks(prefix, column, spec, Severity::kError, 0);
  }

  Status AddPrimaryKeyChecks() {
    const std::vector<std::string>& key = descriptor_.schema.primary_key;
    if (key.empty()) return Status::OK();
    ASSIGN_OR_RAISE(std::vector<int> columns, ColumnIndexes(key, "schema.primary_key"));
    ASSIGN_OR_RAISE(int nulls, NullKernelFor(columns));
    AddCheck("pk.not_null", "not_null", "no null in (" + Join(key) + ")", nulls);
    ASSIGN_OR_RAISE(int unique, UniqueKernelFor(columns));
    AddCheck("pk.unique", "unique", "no two rows share (" + Join(key) + "), nulls as values",
             unique, 1);
    return Status::OK();
  }

  Status AddQualityCheck(size_t k) {
    const QualityCheck& q = descriptor_.quality[k];
    const std::string kind(CheckKindName(q.kind));
    const std::string name = "quality[" + std::to_string(k) + "]." + kind;
    const std::string prefix = "quality[" + std::to_string(k) + "]";
    PlannedCheck* check = nullptr;
    switch (q.kind) {
      case CheckKind::kRowCount: {
        check = &AddCheck(name, kind, "", -1);
        check->shape = ResultShape::kRowCount;
        if (q.min) check->min = q.min->number;
        if (q.max) check->max = q.max->number;
        check->detail =
            "rows in [" + (q.min ? q.min->text : "0") + ", " + (q.max ? q.max->text : "∞") + "]";
        break;
      }
      case CheckKind::kNotNull: {
        ASSIGN_OR_RAISE(std::vector<int> columns, ColumnIndexes(q.columns, name));
        ASSIGN_OR_RAISE(int kernel, NullKernelFor(columns));
        check = &AddCheck(name, kind, "no null in (" + Join(q.columns) + ")", kernel);
        break;
      }
      case CheckKind::kUnique: {
        ASSIGN_OR_RAISE(std::vector<int> columns, ColumnIndexes(q.columns, name));
        ASSIGN_OR_RAISE(int kernel, UniqueKernelFor(columns));
        check = &AddCheck(
            name, kind, "no two rows share (" + Join(q.columns) + "), nulls as values", kernel, 1);
        break;
      }
      case CheckKind::kRange:
      case CheckKind::kAllowedValues:
      case CheckKind::kPattern: {
        ASSIGN_OR_RAISE(int column, ColumnIndex(q.column, name));
        ValueSpec spec;
        if (q.kind == CheckKind::kAllowedValues) spec.values = &q.values;
        if (q.kind == CheckKind::kRange) {
          spec.min = &q.min;
          spec.max = &q.max;
          if (!q.min && !q.max) return Status::InvalidArgument(name + ": needs min or max");
        }
        if (q.kind == CheckKind::kPattern) spec.pattern = &q.pattern;
        return AddValueChecks(prefix, column, spec, q.severity, q.max_failing);
      }
      case CheckKind::kCompleteness: {
        ASSIGN_OR_RAISE(std::vector<int> columns, ColumnIndexes(q.columns, name));
        ASSIGN_OR_RAISE(int kernel, NullKernelFor(columns));
        check = &AddCheck(name, kind, "rows with all of (" + Join(q.columns) + ") / rows", kernel);
        check->shape = ResultShape::kCompleteness;
        check->min = q.min ? q.min->number : 1.0;
        break;
      }
      case CheckKind::kFreshness: {
        ASSIGN_OR_RAISE(int kernel, NewestKernelFor(name));
        check = &AddCheck(name, kind, "now - newest " + *descriptor_.event_time, kernel);
        check->shape = ResultShape::kFreshness;
        if (!q.max_age_hours) return Status::InvalidArgument(name + ": needs max_age_hours");
        check->max_age_hours = *q.max_age_hours;
        break;
      }
      case CheckKind::kReferential: {
        ASSIGN_OR_RAISE(int column, ColumnIndex(q.column, name));
        ASSIGN_OR_RAISE(int kernel, ReferentialKernelFor(q, column, name));
        check =
            &AddCheck(name, kind,
                      q.column + " in " + q.references_product + "." + q.references_field, kernel);
        break;
      }
    }
    check->severity = q.severity;
    check->max_failing = q.max_failing;
    return Status::OK();
  }

  Result<int> ReferentialKernelFor(const QualityCheck& q, int column, const std::string& name) {
    const std::string target = q.references_product + "." + q.references_field;
    if (!options_.references) {
      return Status::InvalidArgument(name + ": references " + target + " but no data of product '" +
                                     q.references_product + "' was given");
    }
    Result<std::shared_ptr<const ReferenceValues>> values =
        options_.references(q.references_product, q.references_field);
    if (!values.ok()) {
      return Status::InvalidArgument(name + ": references " + target + ": " +
                                     values.status().message());
    }
    return AddKernel(std::make_unique<ReferentialKernel>(column, *values));
  }

  Result<std::vector<int>> CompletenessColumns() const {
    std::vector<int> columns;
    const auto& fields = descriptor_.schema.fields;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].required) columns.push_back(static_cast<int>(i));
    }
    if (columns.empty()) {
      for (size_t i = 0; i < fields.size(); ++i) columns.push_back(static_cast<int>(i));
    }
    return columns;
  }

  Status AddSlaChecks() {
    ASSIGN_OR_RAISE(std::vector<int> columns, CompletenessColumns());
    if (!columns.empty()) {
      ASSIGN_OR_RAISE(plan_->completeness_kernel_, NullKernelFor(columns));
    }
    if (descriptor_.event_time) {
      ASSIGN_OR_RAISE(plan_->newest_kernel_, NewestKernelFor("event_time"));
    }
    if (!descriptor_.sla) return Status::OK();
    const Sla& sla = *descriptor_.sla;
    if (sla.min_completeness) {
      PlannedCheck& check =
          AddCheck("sla.min_completeness", "completeness", "rows with every required field / rows",
                   plan_->completeness_kernel_);
      check.shape = ResultShape::kCompleteness;
      check.min = *sla.min_completeness;
    }
    if (sla.max_lag_hours) {
      ASSIGN_OR_RAISE(int kernel, NewestKernelFor("sla.max_lag_hours"));
      PlannedCheck& check =
          AddCheck("sla.max_lag_hours", "lag", "now - newest " + *descriptor_.event_time, kernel);
      check.shape = ResultShape::kLag;
      check.max_age_hours = *sla.max_lag_hours;
    }
    return Status::OK();
  }

  void AddTypeChecks() {
    const auto& fields = descriptor_.schema.fields;
    bool any = false;
    int kernel = -1;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (IsTextual(fields[i])) continue;
      if (kernel < 0) kernel = AddKernel(std::make_unique<TypeErrorKernel>(plan_->num_fields_));
      AddCheck("type." + fields[i].name, "type",
               fields[i].name + " reads as " + fields[i].type.ToString(), kernel,
               static_cast<int>(i));
      any = true;
    }
    if (any) AddCheck("type", "type", "every value reads as its type", kernel, plan_->num_fields_);
  }

  const Descriptor& descriptor_;
  const PlanOptions& options_;
  CheckPlan* plan_;
  std::map<std::string, int> kernel_by_key_;
};

Result<CheckPlan> CheckPlan::Make(const Descriptor& descriptor, const PlanOptions& options) {
  CheckPlan plan;
  Builder builder(descriptor, options, &plan);
  RETURN_NOT_OK(builder.Build());
  return plan;
}

}  // namespace mesh::quality
