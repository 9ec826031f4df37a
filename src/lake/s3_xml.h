// The little XML that S3 answers with (errors, UploadId, listings): element text by tag name,
// entities decoded. Not a general XML parser: S3's responses are flat enough that finding
// "<Tag>...</Tag>" is exact (no attributes on the elements read, no CDATA). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mesh {

// The decoded text of the first <tag>...</tag> in `xml`.
std::optional<std::string> XmlElementText(std::string_view xml, std::string_view tag);
// The raw (undecoded) content of every <tag>...</tag>, in order.
std::vector<std::string_view> XmlElements(std::string_view xml, std::string_view tag);
// &amp; &lt; &gt; &quot; &apos; and numeric references decoded.
std::string XmlUnescape(std::string_view text);
// & < > " ' encoded.
std::string XmlEscape(std::string_view text);

}  // namespace mesh
