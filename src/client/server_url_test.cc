#include "client/server_url.h"

#include <gtest/gtest.h>

namespace mesh::client {
namespace {

TEST(ServerUrlTest, ParsesSchemeHostPortAndPrefix) {
  Result<ServerUrl> url = ParseServerUrl("HTTPS://mesh.example.org:8443/mesh/");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "mesh.example.org");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->base_path, "/mesh");
  EXPECT_EQ(url->Origin(), "https://mesh.example.org:8443");
  EXPECT_EQ(url->ToString(), "https://mesh.example.org:8443/mesh");
}

TEST(ServerUrlTest, DefaultPortsAndIpv6) {
  EXPECT_EQ(ParseServerUrl("http://127.0.0.1")->port, 80);
  EXPECT_EQ(ParseServerUrl("https://mesh")->port, 443);
  Result<ServerUrl> v6 = ParseServerUrl("http://[::1]:9000");
  ASSERT_TRUE(v6.ok()) << v6.status();
  EXPECT_EQ(v6->host, "[::1]");
  EXPECT_EQ(v6->port, 9000);
}

TEST(ServerUrlTest, RefusesWhatIsNotAServerUrlSayingWhatToWrite) {
  for (const char* bad :
       {"mesh.example.org:8080", "ftp://mesh", "http://", "http://host:0", "http://host:99999",
        "http://host:80x", "http://user:secret@host", "http://host/?a=1", "http://host#top",
        "http://ho st", "http://host/a//b", "http://[::1", "http://host:"}) {
    Result<ServerUrl> url = ParseServerUrl(bad);
    ASSERT_FALSE(url.ok()) << bad;
    EXPECT_TRUE(url.status().IsInvalidArgument()) << bad;
    EXPECT_NE(url.status().message().find("http(s)://HOST[:PORT]"), std::string::npos) << bad;
  }
}

TEST(ServerUrlTest, QueryStringsAndPathSegmentsArePercentEncoded) {
  EXPECT_EQ(QueryString({}), "");
  EXPECT_EQ(QueryString({{"q", "late orders"}, {"tag", "a&b=c"}, {"limit", "5"}}),
            "?q=late%20orders&tag=a%26b%3Dc&limit=5");
  EXPECT_EQ(EncodePathSegment("orders"), "orders");
  EXPECT_EQ(EncodePathSegment("../x/y"), "..%2Fx%2Fy");
  EXPECT_EQ(EncodePathSegment("caf\xc3\xa9"), "caf%C3%A9");
}

}  // namespace
}  // namespace mesh::client
