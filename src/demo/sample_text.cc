#include "demo/sample_text.h"

#include <array>
#include <string_view>

namespace mesh::demo {
namespace {

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Aldric", "Brenna",  "Corwin",  "Dagny",    "Edric",  "Fenella",    "Gwendolyn", "Hamish",
    "Ingrid", "Jory",    "Kestrel", "Lysandra", "Morwen", "Nestor",     "Oriel",     "Perrin",
    "Quenby", "Rowena",  "Silas",   "Tamsin",   "Ulric",  "Vesna",      "Wynne",     "Xander",
    "Yseult", "Zora",    "Anselm",  "Bettany",  "Cedric", "Dorothea",   "Elowen",    "Faramond",
    "Søren",  "Aurélie", "Björn",   "Eilís",    "Tomás",  "Małgorzata", "Ægir",      "Niamh"};

constexpr std::array<std::string_view, 40> kLastNames = {
    "Ashdown",      "Blackthorn",   "Crowley",      "Dunmore",   "Evergreen",   "Fairweather",
    "Greyhame",     "Hollowell",    "Ironside",     "Jessop",    "Kingsley",    "Longstaff",
    "Merriweather", "Northcott",    "Oakheart",     "Pembroke",  "Quill",       "Ravenscroft",
    "Stormborn",    "Thistlewood",  "Underhill",    "Vance",     "Whitlock",    "Yarrow",
    "Abernethy",    "Brightwater",  "Coldridge",    "Drummond",  "Eastwick",    "Fennimore",
    "O'Malley",     "Van der Berg", "Østergaard",   "Llewellyn", "MacAllister", "Ó Briain",
    "Delacroix",    "Hargreave",    "Winterbourne", "Kowalczyk"};

constexpr std::array<std::string_view, 24> kPlaces = {
    "Highkeep",    "Ravensford",  "Saltmere",  "Thornwall",  "Greywold",    "Emberfall",
    "Stonebridge", "Marrowgate",  "Ashvale",   "Duskhollow", "Brightwater", "Kingsreach",
    "Wolfden",     "Coldharbour", "Fenwick",   "Ironcoast",  "Sunreach",    "Moonspring",
    "Oldcastle",   "Rookhaven",   "Westmarch", "Gallowmere", "Harrowdale",  "Skelding"};

constexpr std::array<std::string_view, 30> kWords = {
    "banner",   "rampart", "outpost", "vanguard", "rearguard", "bastion", "palisade", "watch",
    "garrison", "redoubt", "ford",    "causeway", "ridge",     "gate",    "keep",     "tower",
    "barracks", "armoury", "stable",  "signal",   "beacon",    "wagon",   "ration",   "forge",
    "ward",     "rune",    "scroll",  "lantern",  "horn",      "shield"};

constexpr std::array<std::string_view, 24> kClauses = {
    "held the ford until relieved at dusk",
    "enemy scouts withdrew towards the ridge",
    "two wagons lost to a broken axle",
    "the signal beacon failed to light",
    "morale steady, rations short",
    "requested fresh arrows and lamp oil",
    "the ward flickered but held",
    "patrol returned without contact",
    "sighted campfires beyond the river",
    "the gate was repaired by midday",
    "casualties evacuated to the field hospital",
    "orders arrived late from the war table",
    "bridge crossing secured, sappers still at work",
    "the rune circle drew more mana than expected",
    "weather turned, visibility below fifty paces",
    "supply convoy arrived two hours early",
    "captured a courier carrying sealed letters",
    "night watch doubled on the east wall",
    "horses rested, farrier needed for three",
    "the enemy used flaming arrows",
    "road blocked by a rockfall at the pass",
    "wounded in good spirits",
    "scrying orb showed movement in the fens",
    "no further incidents"};

constexpr std::array<std::string_view, 6> kQuotes = {
    "\"hold at all costs\"", "\"the fens are quiet\"",    "\"send the healers\"",
    "\"not one step back\"", "\"fall back to the keep\"", "\"they come at dawn\""};

template <size_t N>
std::string Pick(const std::array<std::string_view, N>& list, Prng* prng) {
  return std::string(list[prng->Below(N)]);
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace

std::string SampleFirstName(Prng* prng) { return Pick(kFirstNames, prng); }
std::string SampleLastName(Prng* prng) { return Pick(kLastNames, prng); }
std::string SamplePlace(Prng* prng) { return Pick(kPlaces, prng); }
std::string SampleWord(Prng* prng) { return Pick(kWords, prng); }

std::string SampleOrdinal(Prng* prng) {
  const int number = static_cast<int>(prng->Between(1, 99));
  const int last = number % 10;
  const bool teen = number % 100 >= 11 && number % 100 <= 13;
  const char* suffix = teen ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  return std::to_string(number) + suffix;
}

// One to three clauses joined by ", " or "; "; sometimes a quoted order, sometimes a second line.
std::string SampleSentence(Prng* prng) {
  std::string sentence = Capitalised(Pick(kClauses, prng));
  const int extra = static_cast<int>(prng->Below(3));
  for (int i = 0; i < extra; ++i) {
    sentence += prng->Chance(0.5) ? ", " : "; ";
    sentence += Pick(kClauses, prng);
  }
  if (prng->Chance(0.15)) sentence += ", orders were " + Pick(kQuotes, prng);
  sentence += '.';
  if (prng->Chance(0.05)) sentence += "\n" + Capitalised(Pick(kClauses, prng)) + '.';
  return sentence;
}

}  // namespace mesh::demo
