// SampleText: the realistic words the sample-data generator puts into string fields: people's
// names (some with non-ASCII letters), places, words, unit ordinals and free-text sentences
// (some with commas, quotes or a line break, so that every CSV/JSON writer and reader gets
// exercised). Pure functions of the generator passed in; thread-compatible.
#pragma once

#include <string>

#include "demo/prng.h"

namespace mesh::demo {

std::string SampleFirstName(Prng* prng);
std::string SampleLastName(Prng* prng);
std::string SamplePlace(Prng* prng);
std::string SampleWord(Prng* prng);
std::string SampleOrdinal(Prng* prng);  // "1st" .. "99th"
std::string SampleSentence(Prng* prng);

}  // namespace mesh::demo
