#include "demo/column_sampler.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "demo/sample_text.h"

namespace mesh::demo {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kEventSpanSeconds = 14 * kSecondsPerDay;  // timestamps: the last two weeks
constexpr int64_t kEventSpanDays = 60;                      // dates: the last two months
constexpr int64_t kWeeklySpanDays = 182;                    // weekly dates: half a year
constexpr int64_t kOtherSpanDays = 3 * 365;     // dates that are not the event time (enlistment...)
constexpr int64_t kNewestLagSeconds = 15 * 60;  // the newest event_time: 15 minutes before now
constexpr int kFloatScale = 4;                  // double/float values: four decimals

int64_t PowerOfTen(int exponent) {
  int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// `value` * 10^scale rounded towards +inf (ceil) or -inf, forgiving binary noise (0.01 * 100).
int64_t Scaled(double value, int scale, bool up) {
  const double scaled = value * static_cast<double>(PowerOfTen(scale));
  const double nearest = std::round(scaled);
  if (std::fabs(scaled - nearest) <= 1e-6 * std::max(1.0, std::fabs(scaled))) {
    return static_cast<int64_t>(nearest);
  }
  return static_cast<int64_t>(up ? std::ceil(scaled) : std::floor(scaled));
}

std::string FormatScaled(int64_t unscaled, int scale, bool trim) {
  const bool negative = unscaled < 0;
  const uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(unscaled) : static_cast<uint64_t>(unscaled);
  const uint64_t unit = static_cast<uint64_t>(PowerOfTen(scale));
  std::string text = (negative ? "-" : "") + std::to_string(magnitude / unit);
  if (scale == 0) return text;
  std::string fraction = std::to_string(magnitude % unit);
  fraction.insert(0, static_cast<size_t>(scale) - fraction.size(), '0');
  if (trim) {
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (fraction.empty()) return text;
  }
  return text + "." + fraction;
}

bool IsInteger(TypeId id) { return id == TypeId::kInt32 || id == TypeId::kInt64; }
bool IsFloating(TypeId id) { return id == TypeId::kFloat || id == TypeId::kDouble; }

bool NameHas(std::string_view name, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) {
    if (name.find(part) != std::string_view::npos) return true;
  }
  return false;
}

// Days since the epoch -> 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday).
int Weekday(int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7); }

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string Lowercase(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == ' ' || c == '\'') c = '.';
  }
  return text;
}

}  // namespace

ColumnSampler::ColumnSampler(ColumnSampler&&) noexcept = default;
ColumnSampler& ColumnSampler::operator=(ColumnSampler&&) noexcept = default;
ColumnSampler::~ColumnSampler() = default;

Result<ColumnSampler> ColumnSampler::Make(const Descriptor& product, const Field& field,
                                          const ColumnContext& context) {
  ColumnSampler sampler;
  sampler.field_ = &field;
  sampler.context_ = context;
  sampler.where_ = product.file + ": field '" + field.name + "' of " + product.name;
  RETURN_NOT_OK(sampler.PlanAllowedValues(product));
  RETURN_NOT_OK(sampler.PlanBounds(product));
  RETURN_NOT_OK(sampler.PlanPatterns(product));
  if (field.type.IsNumeric()) RETURN_NOT_OK(sampler.PlanNumericRange());
  if (field.type.IsTemporal()) RETURN_NOT_OK(sampler.PlanTemporalWindow());
  if (field.type.id == TypeId::kString) RETURN_NOT_OK(sampler.PlanStrings());
  if (context.draws_distinct && !sampler.choices_.empty()) {
    Prng shuffle(context.seed);
    for (size_t i = sampler.choices_.size(); i > 1; --i) {
      std::swap(sampler.choices_[i - 1], sampler.choices_[shuffle.Below(i)]);
    }
  }
  return sampler;
}

Status ColumnSampler::PlanAllowedValues(const Descriptor& product) {
  std::vector<std::string> allowed;
  bool constrained = !field_->allowed_values.empty();
  for (const Literal& literal : field_->allowed_values) allowed.push_back(literal.text);
  for (const QualityCheck& check : product.quality) {
    if (check.kind != CheckKind::kAllowedValues || check.column != field_->name) continue;
    std::vector<std::string> listed;
    for (const Literal& literal : check.values) listed.push_back(literal.text);
    if (!constrained) {
      allowed = listed;
    } else {
      std::erase_if(allowed, [&](const std::string& value) {
        return std::find(listed.begin(), listed.end(), value) == listed.end();
      });
    }
    constrained = true;
  }
  if (constrained && allowed.empty()) {
    return Status::InvalidArgument(where_ +
                                   ": its allowed_values and the allowed_values checks "
                                   "on it have no value in common; no row could pass both");
  }
  if (context_.references != nullptr) {
    choices_ = *context_.references;
    if (constrained) {
      std::erase_if(choices_, [&](const std::string& value) {
        return std::find(allowed.begin(), allowed.end(), value) == allowed.end();
      });
    }
    if (choices_.empty()) {
      return Status::InvalidArgument(where_ +
                                     ": the referenced product has no values this field "
                                     "may take; generate the referenced product with more rows");
    }
  } else {
    choices_ = std::move(allowed);
  }
  return Status::OK();
}

// Field min/max and range checks on the column: the strictest of each applies.
Status ColumnSampler::PlanBounds(const Descriptor& product) {
  min_ = field_->min;
  max_ = field_->max;
  auto value_of = [&](const Literal& literal) -> std::optional<double> {
    if (field_->type.id == TypeId::kDate) {
      auto days = ParseDate(literal.text);
      return days ? std::optional<double>(*days) : std::nullopt;
    }
    if (field_->type.id == TypeId::kTimestamp) {
      auto instant = ParseTimestamp(literal.text);
      return instant ? std::optional<double>(
                           static_cast<double>(FloorDiv(instant->micros, kMicrosPerSecond)))
                     : std::nullopt;
    }
    if (literal.kind != Literal::Kind::kNumber) return std::nullopt;
    return literal.number;
  };
  for (const QualityCheck& check : product.quality) {
    if (check.kind != CheckKind::kRange || check.column != field_->name) continue;
    if (check.min && (!min_ || value_of(*check.min) > value_of(*min_))) min_ = check.min;
    if (check.max && (!max_ || value_of(*check.max) < value_of(*max_))) max_ = check.max;
  }
  for (const auto* bound : {&min_, &max_}) {
    if (*bound && !value_of(**bound)) {
      return Status::InvalidArgument(where_ + ": bound '" + (*bound)->text +
                                     "' cannot be read as " + field_->type.ToString());
    }
  }
  if (field_->type.IsTemporal()) {
    if (min_) low_ = static_cast<int64_t>(*value_of(*min_));
    if (max_) high_ = static_cast<int64_t>(*value_of(*max_));
  }
  if (min_ && max_ && value_of(*min_) > value_of(*max_)) {
    return Status::InvalidArgument(where_ + ": its bounds leave no value (min " + min_->text +
                                   " above max " + max_->text + ")");
  }
  return Status::OK();
}

Status ColumnSampler::PlanPatterns(const Descriptor& product) {
  std::vector<std::string> texts;
  if (field_->pattern) texts.push_back(*field_->pattern);
  for (const QualityCheck& check : product.quality) {
    if (check.kind == CheckKind::kPattern && check.column == field_->name) {
      texts.push_back(check.pattern);
    }
  }
  for (const std::string& text : texts) {
    RE2::Options options;
    options.set_log_errors(false);
    auto pattern = std::make_unique<re2::RE2>(text, options);
    if (!pattern->ok()) {
      return Status::InvalidArgument(where_ + ": pattern '" + text +
                                     "' is not valid RE2: " + pattern->error());
    }
    patterns_.push_back(std::move(pattern));
  }
  return Status::OK();
}

Status ColumnSampler::PlanNumericRange() {
  const FieldType& type = field_->type;
  scale_ = type.id == TypeId::kDecimal ? type.scale : IsFloating(type.id) ? kFloatScale : 0;
  trim_zeros_ = IsFloating(type.id);
  const bool fraction_like =
      NameHas(field_->name, {"rate", "ratio", "share", "fraction", "level", "burn", "confidence"});
  const double default_width = IsFloating(type.id)           ? (fraction_like ? 1 : 1000)
                               : type.id == TypeId::kInt64   ? 100000
                               : type.id == TypeId::kDecimal ? 1000000
                                                             : 1000;
  double low = min_ ? min_->number : (max_ && max_->number < 0 ? max_->number - default_width : 0);
  double high = max_ ? max_->number : low + default_width;
  low_ = Scaled(low, scale_, /*up=*/true);
  high_ = Scaled(high, scale_, /*up=*/false);
  int64_t type_limit = std::numeric_limits<int64_t>::max() / 2;
  if (type.id == TypeId::kInt32) type_limit = std::numeric_limits<int32_t>::max();
  if (type.id == TypeId::kDecimal && type.precision <= 18) {
    type_limit = PowerOfTen(type.precision) - 1;
  }
  low_ = std::max(low_, -type_limit);
  high_ = std::min(high_, type_limit);
  if (low_ > high_) {
    return Status::InvalidArgument(where_ + ": no " + type.ToString() +
                                   " value lies within its bounds");
  }
  skewed_ = IsInteger(type.id) && high_ - low_ > 100 && choices_.empty();
  return Status::OK();
}

Status ColumnSampler::PlanTemporalWindow() {
  const bool is_date = field_->type.id == TypeId::kDate;
  const bool weekly = context_.hint && context_.hint->kind == SampleHint::Kind::kWeekly;
  const int64_t now_seconds = FloorDiv(context_.now.micros, kMicrosPerSecond);
  const int64_t now_value = is_date ? FloorDiv(now_seconds, kSecondsPerDay) : now_seconds;
  if (context_.is_event_time) {
    newest_ = is_date ? now_value : now_value - kNewestLagSeconds;
    span_ = is_date ? (weekly ? kWeeklySpanDays : kEventSpanDays) : kEventSpanSeconds;
  }
  const int64_t window = is_date ? (weekly ? kWeeklySpanDays : kOtherSpanDays) : kEventSpanSeconds;
  // The window is the recent past, cut to the bounds; bounds in the future win over "recent".
  const int64_t bound_low = min_ ? low_ : std::numeric_limits<int64_t>::min();
  const int64_t bound_high = max_ ? high_ : std::numeric_limits<int64_t>::max();
  int64_t low = std::max(now_value - window, bound_low);
  int64_t high = std::min(now_value, bound_high);
  if (low > high) {
    low = min_ ? bound_low : bound_high - window;
    high = max_ ? bound_high : bound_low + window;
  }
  low_ = low;
  high_ = high;
  return Status::OK();
}

Status ColumnSampler::PlanStrings() {
  const std::string& name = field_->name;
  if (!choices_.empty()) {
    text_source_ = TextSource::kChoices;
  } else if (context_.hint && context_.hint->kind == SampleHint::Kind::kTemplate) {
    text_source_ = TextSource::kTemplate;
  } else if (!patterns_.empty()) {
    return Status::InvalidArgument(
        where_ +
        " has a pattern, and the generator does not invert regular expressions: add a "
        "template under the product's x-sample key, e.g. x-sample: {" +
        name + ": \"AB-{digits:6}\"} (see examples/prophecy-hall/README.md)");
  } else if (NameHas(name, {"email"})) {
    text_source_ = TextSource::kEmail;
  } else if (NameHas(name, {"notes", "message", "text", "comment", "summary", "remarks",
                            "description", "objective"})) {
    text_source_ = TextSource::kSentence;
  } else if (NameHas(name, {"place", "garrison", "location", "town", "post", "province"})) {
    text_source_ = TextSource::kPlace;
  } else if (name.ends_with("name")) {
    text_source_ = TextSource::kPersonName;
  } else {
    text_source_ = TextSource::kWord;
  }
  return Status::OK();
}

std::optional<std::string> ColumnSampler::Sample(Prng* prng, int64_t row, int64_t slot) const {
  if (!choices_.empty()) {
    if (context_.draws_distinct) {
      if (row >= static_cast<int64_t>(choices_.size())) return std::nullopt;
      return choices_[static_cast<size_t>(row)];
    }
    return choices_[prng->Below(choices_.size())];
  }
  switch (field_->type.id) {
    case TypeId::kBoolean:
      return prng->Chance(0.5) ? "true" : "false";
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kFloat:
    case TypeId::kDouble:
    case TypeId::kDecimal:
      return SampleNumber(prng, row);
    case TypeId::kDate:
      return SampleDate(prng, slot);
    case TypeId::kTimestamp:
      return SampleTimestamp(prng, slot);
    case TypeId::kString:
      return SampleString(prng, row);
    case TypeId::kBinary:
      return SampleBinary(prng);
  }
  return std::nullopt;
}

std::string ColumnSampler::SampleNumber(Prng* prng, int64_t row) const {
  if (context_.hint && context_.hint->kind == SampleHint::Kind::kRowNumber) {
    return std::to_string(std::max<int64_t>(low_, 1) + row);
  }
  int64_t value;
  if (skewed_) {
    const double unit = prng->Unit();
    const double width = static_cast<double>(high_ - low_) + 1;
    value = low_ + std::min(high_ - low_, static_cast<int64_t>(width * unit * unit));
  } else {
    value = prng->Between(low_, high_);
  }
  return FormatScaled(value, scale_, trim_zeros_);
}

std::string ColumnSampler::SampleDate(Prng* prng, int64_t slot) const {
  int64_t day;
  if (context_.is_event_time) {
    day = newest_ - slot * span_ / std::max<int64_t>(context_.rows, 1);
  } else {
    day = prng->Between(low_, high_);
  }
  if (context_.hint && context_.hint->kind == SampleHint::Kind::kWeekly) {
    day -= (Weekday(day) - context_.hint->weekday + 7) % 7;
  }
  day = std::clamp(day, low_, high_);
  return FormatDate(static_cast<int32_t>(day));
}

std::string ColumnSampler::SampleTimestamp(Prng* prng, int64_t slot) const {
  int64_t seconds;
  if (context_.is_event_time) {
    const int64_t step = span_ / std::max<int64_t>(context_.rows, 1);
    seconds = newest_ - slot * step - (slot > 0 && step > 1 ? prng->Between(0, step - 1) : 0);
  } else {
    seconds = prng->Between(low_, high_);
  }
  if (context_.hint && context_.hint->kind == SampleHint::Kind::kHourly) {
    seconds = FloorDiv(seconds, 3600) * 3600;
  }
  seconds = std::clamp(seconds, low_, high_);
  return FormatTimestamp(Timestamp{seconds * kMicrosPerSecond});
}

std::string ColumnSampler::SampleString(Prng* prng, int64_t row) const {
  switch (text_source_) {
    case TextSource::kChoices:
      return choices_[prng->Below(choices_.size())];
    case TextSource::kTemplate:
      return context_.hint->value_template.Render(prng, row);
    case TextSource::kPersonName:
      return SampleFirstName(prng) + " " + SampleLastName(prng);
    case TextSource::kEmail:
      return Lowercase(SampleFirstName(prng) + "." + SampleLastName(prng)) +
             "@prophecy-hall.example";
    case TextSource::kSentence:
      return SampleSentence(prng);
    case TextSource::kPlace:
      return SamplePlace(prng);
    case TextSource::kWord:
      return SampleWord(prng);
  }
  return SampleWord(prng);
}

// Base64 (RFC 4648, padded) of 6 to 24 random bytes.
std::string ColumnSampler::SampleBinary(Prng* prng) const {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const int length = static_cast<int>(prng->Between(2, 8)) * 3;
  std::string text;
  for (int i = 0; i < length; i += 3) {
    const uint64_t bits = prng->Below(1u << 24);
    for (int shift = 18; shift >= 0; shift -= 6) text += kAlphabet[(bits >> shift) & 63];
  }
  return text;
}

bool ColumnSampler::MatchesPatterns(const std::string& value) const {
  for (const auto& pattern : patterns_) {
    if (!RE2::FullMatch(value, *pattern)) return false;
  }
  return true;
}

std::optional<std::string> ColumnSampler::OutOfRangeValue() const {
  if (!max_ && !min_) return std::nullopt;
  const bool above = max_.has_value();
  if (field_->type.IsNumeric()) {
    const int64_t limit =
        above ? Scaled(max_->number, scale_, false) + 1 : Scaled(min_->number, scale_, true) - 1;
    return FormatScaled(limit, scale_, trim_zeros_);
  }
  const Literal& bound = above ? *max_ : *min_;
  if (field_->type.id == TypeId::kDate) {
    if (auto day = ParseDate(bound.text)) return FormatDate(*day + (above ? 1 : -1));
  }
  if (field_->type.id == TypeId::kTimestamp) {
    if (auto instant = ParseTimestamp(bound.text)) {
      return FormatTimestamp(Timestamp{instant->micros + (above ? 1 : -1) * kMicrosPerSecond});
    }
  }
  return std::nullopt;
}

}  // namespace mesh::demo
