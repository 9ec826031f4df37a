#include "demo/sample_hint.h"

#include <array>
#include <charconv>

#include "demo/sample_text.h"

namespace mesh::demo {
namespace {

constexpr std::string_view kPlaceholders =
    "{seq:N}, {digits:N}, {upper:N}, {lower:N}, {pick:a|b}, {first_name}, {last_name}, {place}, "
    "{ordinal}, {word}, {sentence}";

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::vector<std::string> SplitChoices(std::string_view text) {
  std::vector<std::string> choices;
  size_t start = 0;
  while (true) {
    const size_t bar = text.find('|', start);
    choices.emplace_back(text.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) return choices;
    start = bar + 1;
  }
}

std::string Where(const Descriptor& product, const yaml::Node& node) {
  return product.file + ":" + std::to_string(node.mark.line) + ":" +
         std::to_string(node.mark.column);
}

}  // namespace

Result<SampleTemplate::Piece> SampleTemplate::ParsePlaceholder(std::string_view body) {
  Piece piece;
  const size_t colon = body.find(':');
  const std::string_view name = body.substr(0, colon);
  const std::string_view argument =
      colon == std::string_view::npos ? std::string_view() : body.substr(colon + 1);
  static const std::array<std::pair<std::string_view, PieceKind>, 11> kNamed = {
      {{"seq", PieceKind::kSequence},
       {"digits", PieceKind::kDigits},
       {"upper", PieceKind::kUpper},
       {"lower", PieceKind::kLower},
       {"pick", PieceKind::kPick},
       {"first_name", PieceKind::kFirstName},
       {"last_name", PieceKind::kLastName},
       {"place", PieceKind::kPlace},
       {"ordinal", PieceKind::kOrdinal},
       {"word", PieceKind::kWord},
       {"sentence", PieceKind::kSentence}}};
  bool known = false;
  for (const auto& [known_name, kind] : kNamed) {
    if (name == known_name) {
      piece.kind = kind;
      known = true;
    }
  }
  if (!known) {
    return Status::InvalidArgument("unknown placeholder {" + std::string(body) + "}; use one of " +
                                   std::string(kPlaceholders));
  }
  const bool takes_width = piece.kind == PieceKind::kSequence || piece.kind == PieceKind::kDigits ||
                           piece.kind == PieceKind::kUpper || piece.kind == PieceKind::kLower;
  if (takes_width) {
    auto [end, error] =
        std::from_chars(argument.data(), argument.data() + argument.size(), piece.width);
    if (error != std::errc() || end != argument.data() + argument.size() || piece.width < 1 ||
        piece.width > 18) {
      return Status::InvalidArgument("placeholder {" + std::string(body) +
                                     "} needs a width from 1 to 18, e.g. {" + std::string(name) +
                                     ":6}");
    }
  } else if (piece.kind == PieceKind::kPick) {
    if (argument.empty()) {
      return Status::InvalidArgument(
          "placeholder {pick:...} needs choices, e.g. {pick:north|south}");
    }
    piece.choices = SplitChoices(argument);
  } else if (colon != std::string_view::npos) {
    return Status::InvalidArgument("placeholder {" + std::string(name) + "} takes no argument");
  }
  return piece;
}

Result<SampleTemplate> SampleTemplate::Parse(std::string_view text) {
  SampleTemplate parsed;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('{', pos);
    if (open != pos) {
      Piece literal;
      literal.literal = std::string(text.substr(pos, open - pos));
      parsed.pieces_.push_back(std::move(literal));
      if (open == std::string_view::npos) break;
    }
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument("unclosed placeholder at offset " + std::to_string(open) +
                                     " of '" + std::string(text) + "'; close it with '}'");
    }
    ASSIGN_OR_RAISE(Piece piece, ParsePlaceholder(text.substr(open + 1, close - open - 1)));
    parsed.pieces_.push_back(std::move(piece));
    pos = close + 1;
  }
  if (parsed.pieces_.empty()) {
    return Status::InvalidArgument(
        "an empty template produces empty strings, which CSV reads "
        "as null; write some text or a placeholder");
  }
  return parsed;
}

void SampleTemplate::ChooseSequenceStart(uint64_t seed) {
  int width = 18;
  for (const Piece& piece : pieces_) {
    if (piece.kind == PieceKind::kSequence) width = std::min(width, piece.width);
  }
  // Start within the first tenth of the N-digit range, so 90% of it stays free for rows.
  int64_t tenth = 1;
  for (int i = 1; i < width; ++i) tenth *= 10;
  Prng prng(seed);
  sequence_start_ =
      width <= 2 ? 1 : 1 + static_cast<int64_t>(prng.Below(static_cast<uint64_t>(tenth)));
}

bool SampleTemplate::CountsRows() const {
  for (const Piece& piece : pieces_) {
    if (piece.kind == PieceKind::kSequence) return true;
  }
  return false;
}

std::string SampleTemplate::Render(Prng* prng, int64_t row) const {
  std::string out;
  for (const Piece& piece : pieces_) RenderPiece(piece, prng, row, &out);
  return out;
}

void SampleTemplate::RenderPiece(const Piece& piece, Prng* prng, int64_t row,
                                 std::string* out) const {
  switch (piece.kind) {
    case PieceKind::kLiteral:
      *out += piece.literal;
      return;
    case PieceKind::kSequence: {
      std::string digits = std::to_string(sequence_start_ + row);
      if (static_cast<int>(digits.size()) < piece.width) {
        out->append(static_cast<size_t>(piece.width) - digits.size(), '0');
      }
      *out += digits;
      return;
    }
    case PieceKind::kDigits:
      for (int i = 0; i < piece.width; ++i) *out += static_cast<char>('0' + prng->Below(10));
      return;
    case PieceKind::kUpper:
      for (int i = 0; i < piece.width; ++i) *out += static_cast<char>('A' + prng->Below(26));
      return;
    case PieceKind::kLower:
      for (int i = 0; i < piece.width; ++i) *out += static_cast<char>('a' + prng->Below(26));
      return;
    case PieceKind::kPick:
      *out += piece.choices[prng->Below(piece.choices.size())];
      return;
    case PieceKind::kFirstName:
      *out += SampleFirstName(prng);
      return;
    case PieceKind::kLastName:
      *out += SampleLastName(prng);
      return;
    case PieceKind::kPlace:
      *out += SamplePlace(prng);
      return;
    case PieceKind::kOrdinal:
      *out += SampleOrdinal(prng);
      return;
    case PieceKind::kWord:
      *out += SampleWord(prng);
      return;
    case PieceKind::kSentence:
      *out += SampleSentence(prng);
      return;
  }
}

namespace {

Result<SampleHint> ReadHint(const Field& field, std::string_view text) {
  SampleHint hint;
  switch (field.type.id) {
    case TypeId::kString: {
      ASSIGN_OR_RAISE(hint.value_template, SampleTemplate::Parse(text));
      return hint;
    }
    case TypeId::kInt32:
    case TypeId::kInt64:
      if (text == "{seq}") {
        hint.kind = SampleHint::Kind::kRowNumber;
        return hint;
      }
      return Status::InvalidArgument("an integer field takes the hint \"{seq}\" (number the rows)");
    case TypeId::kDate:
      for (size_t day = 0; day < kWeekdays.size(); ++day) {
        if (text == "weekly on " + std::string(kWeekdays[day])) {
          hint.kind = SampleHint::Kind::kWeekly;
          hint.weekday = static_cast<int>(day);
          return hint;
        }
      }
      return Status::InvalidArgument(
          "a date field takes the hint \"weekly on <weekday>\", e.g. \"weekly on friday\"");
    case TypeId::kTimestamp:
      if (text == "hourly") {
        hint.kind = SampleHint::Kind::kHourly;
        return hint;
      }
      return Status::InvalidArgument("a timestamp field takes the hint \"hourly\"");
    default:
      return Status::InvalidArgument("fields of this type take no sample hint; remove it");
  }
}

}  // namespace

Result<std::map<std::string, SampleHint, std::less<>>> ReadSampleHints(const Descriptor& product) {
  std::map<std::string, SampleHint, std::less<>> hints;
  auto found = product.extensions.find("x-sample");
  if (found == product.extensions.end() || !found->second) return hints;
  const yaml::Node& mapping = *found->second;
  if (!mapping.IsMap()) {
    return Status::InvalidArgument(Where(product, mapping) +
                                   ": x-sample must be a mapping of "
                                   "field name to hint, not " +
                                   mapping.Describe());
  }
  for (const yaml::Node::Entry& entry : mapping.entries) {
    const std::string name = entry.key->scalar;
    const Field* field = product.schema.FindField(name);
    if (field == nullptr) {
      return Status::InvalidArgument(Where(product, *entry.key) + ": x-sample names '" + name +
                                     "', which is not a field of " + product.name +
                                     "; remove the hint or correct the name");
    }
    if (!entry.value->IsScalar()) {
      return Status::InvalidArgument(Where(product, *entry.value) + ": the x-sample hint of '" +
                                     name + "' must be a string, not " + entry.value->Describe());
    }
    Result<SampleHint> hint = ReadHint(*field, entry.value->scalar);
    if (!hint.ok()) {
      return Status::InvalidArgument(Where(product, *entry.value) + ": x-sample hint of '" + name +
                                     "' (" + field->type.ToString() +
                                     "): " + hint.status().message());
    }
    if (hint->kind == SampleHint::Kind::kTemplate) {
      hint->value_template.ChooseSequenceStart(DeriveSeed(HashName(product.name), name));
    }
    hints.emplace(name, std::move(hint).value());
  }
  return hints;
}

}  // namespace mesh::demo
