#include "server/static_site.h"

#include <gtest/gtest.h>

#include "base/memory_filesystem.h"

namespace mesh::server {
namespace {

std::string Header(const StaticResponse& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs_->CreateDirs("/ui/assets").ok());
    ASSERT_TRUE(fs_->WriteFileAtomically("/ui/index.html", "<html>app</html>").ok());
    ASSERT_TRUE(fs_->WriteFileAtomically("/ui/assets/index-abc.js", "console.log(1)").ok());
    ASSERT_TRUE(fs_->WriteFileAtomically("/ui/assets/index-abc.css", "body{}").ok());
    ASSERT_TRUE(fs_->WriteFileAtomically("/ui/favicon.svg", "<svg/>").ok());
    ASSERT_TRUE(fs_->WriteFileAtomically("/secret.txt", "do not serve").ok());
  }
  std::shared_ptr<MemoryFileSystem> fs_ = std::make_shared<MemoryFileSystem>();
  StaticSite site_{fs_, "/ui"};
};

TEST_F(StaticSiteTest, RootAnswersIndexHtmlWithoutCachingAndWithAPolicy) {
  StaticResponse response = site_.Serve({});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<html>app</html>");
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Header(response, "Cache-Control"), "no-cache");
  EXPECT_NE(Header(response, "Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(Header(response, "X-Content-Type-Options"), "nosniff");
}

TEST_F(StaticSiteTest, ClientRoutesFallBackToIndexHtml) {
  for (const std::vector<std::string>& route :
       {std::vector<std::string>{"products", "mission_completion_rate"},
        std::vector<std::string>{"inbox"}, std::vector<std::string>{"domains", "operations"}}) {
    StaticResponse response = site_.Serve(route);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<html>app</html>");
  }
}

TEST_F(StaticSiteTest, AssetsHaveTheirContentTypeAndAreCachedForever) {
  StaticResponse script = site_.Serve({"assets", "index-abc.js"});
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, "console.log(1)");
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(script, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(site_.Serve({"assets", "index-abc.css"}).content_type, "text/css; charset=utf-8");
  StaticResponse icon = site_.Serve({"favicon.svg"});
  EXPECT_EQ(icon.content_type, "image/svg+xml");
  EXPECT_EQ(Header(icon, "Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, AMissingFileIs404NotTheApp) {
  StaticResponse response = site_.Serve({"assets", "gone-123.js"});
  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body.find("/assets/gone-123.js"), std::string::npos);
  EXPECT_EQ(site_.Serve({"assets"}).status, 200);  // no extension: a client route
}

TEST_F(StaticSiteTest, NothingOutsideTheRootIsRead) {
  EXPECT_EQ(site_.Serve({"..", "secret.txt"}).status, 404);
  EXPECT_EQ(site_.Serve({"assets", "..", "..", "secret.txt"}).status, 404);
  EXPECT_EQ(site_.Serve({".hidden.txt"}).status, 404);
  EXPECT_EQ(site_.Serve({"a/../../secret.txt"}).status, 404);
  EXPECT_EQ(site_.Serve({"a\\..\\secret.txt"}).status, 404);
  EXPECT_EQ(site_.Serve({std::string("x\0.txt", 6)}).status, 404);
  EXPECT_EQ(site_.Serve({""}).status, 404);
}

TEST_F(StaticSiteTest, AnUnbuiltUiAnswersHowToBuildIt) {
  StaticSite unbuilt(fs_, "/nowhere<b>");
  StaticResponse page = unbuilt.Serve({"products", "x"});
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("npm ci &amp;&amp; npm run build"), std::string::npos);
  EXPECT_NE(page.body.find("/nowhere&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("<b>"), std::string::npos);
  EXPECT_EQ(unbuilt.Serve({"assets", "index-abc.js"}).status, 404);
}

TEST(StaticSiteContentTypeTest, UnknownExtensionsAreOctetStreams) {
  EXPECT_EQ(StaticSite::ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(StaticSite::ContentTypeFor("a.exe"), "application/octet-stream");
  EXPECT_EQ(StaticSite::ContentTypeFor(".js"), "application/octet-stream");
}

}  // namespace
}  // namespace mesh::server
