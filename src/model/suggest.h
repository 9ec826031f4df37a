// Suggestions for misspelt names ("did you mean 'description'?"): the nearest candidate by edit
// distance, when it is near enough to be a plausible typo. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mesh {

// Levenshtein distance, comparing ASCII letters case-insensitively.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when its distance is at most max(2, |word| / 3) and it is not
// `word` itself; ties go to the earliest candidate.
std::optional<std::string> NearestName(std::string_view word,
                                       const std::vector<std::string_view>& candidates);

// " did you mean 'x'?" or "" when there is no plausible suggestion.
std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace mesh
