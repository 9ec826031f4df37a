// The SigV4 signer against AWS's published examples: the generic signature test suite
// (get-vanilla, query order, UTF-8 path, post-vanilla; service "service", 2015-08-30) and the S3
// examples of "Signature Calculations for the Authorization Header" (2013-05-24).
#include "lake/sigv4_signer.h"

#include <gtest/gtest.h>

#include "base/sha256.h"

namespace mesh {
namespace {

constexpr char kEmptySha256[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

SigV4Signer SuiteSigner() {
  return SigV4Signer({"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""}, "us-east-1",
                     "service");
}

SigV4Request SuiteRequest(std::string method, std::string path, HeaderList query = {}) {
  return SigV4Request{
      std::move(method), std::move(path), std::move(query),
      HeaderList{{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}},
      kEmptySha256};
}

std::string AuthorizationOf(const SigV4Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (name == "Authorization") return value;
  }
  return "";
}

std::string SignatureOf(SigV4Request request, const SigV4Signer& signer) {
  EXPECT_TRUE(signer.Sign(&request, Timestamp{}).ok());
  std::string authorization = AuthorizationOf(request);
  size_t at = authorization.find("Signature=");
  return at == std::string::npos ? "" : authorization.substr(at + 10);
}

TEST(SigV4SignerTest, GetVanillaCanonicalRequestStringToSignAndSignature) {
  SigV4Signer signer = SuiteSigner();
  SigV4Request request = SuiteRequest("GET", "/");
  std::string canonical = signer.CanonicalRequest(request);
  EXPECT_EQ(canonical,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
            "host;x-amz-date\n" +
                std::string(kEmptySha256));
  std::string to_sign = signer.StringToSign(canonical, "20150830T123600Z");
  EXPECT_EQ(to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
  EXPECT_EQ(signer.Signature(to_sign, "20150830T123600Z").ValueOr(""),
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  ASSERT_TRUE(signer.Sign(&request, Timestamp{}).ok());
  EXPECT_EQ(AuthorizationOf(request),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date, "
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(SigV4SignerTest, GetVanillaQueryOrderKeyCaseSortsTheQuery) {
  SigV4Request request =
      SuiteRequest("GET", "/", HeaderList{{"Param2", "value2"}, {"Param1", "value1"}});
  EXPECT_NE(SuiteSigner().CanonicalRequest(request).find("\nParam1=value1&Param2=value2\n"),
            std::string::npos);
  EXPECT_EQ(SignatureOf(request, SuiteSigner()),
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST(SigV4SignerTest, GetUtf8PathIsPercentEncoded) {
  SigV4Request request = SuiteRequest("GET", "/\xE1\x88\xB4");
  EXPECT_EQ(SuiteSigner().CanonicalRequest(request).substr(0, 15), "GET\n/%E1%88%B4\n");
  EXPECT_EQ(SignatureOf(request, SuiteSigner()),
            "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
}

TEST(SigV4SignerTest, PostVanilla) {
  EXPECT_EQ(SignatureOf(SuiteRequest("POST", "/"), SuiteSigner()),
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
}

SigV4Signer S3ExampleSigner() {
  return SigV4Signer({"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""},
                     "us-east-1", "s3");
}

SigV4Request S3ExampleRequest(std::string method, std::string path, HeaderList query,
                              HeaderList extra, std::string payload_sha256 = kEmptySha256) {
  HeaderList headers{{"Host", "examplebucket.s3.amazonaws.com"},
                     {"x-amz-content-sha256", payload_sha256},
                     {"x-amz-date", "20130524T000000Z"}};
  headers.insert(headers.end(), extra.begin(), extra.end());
  return SigV4Request{std::move(method), std::move(path), std::move(query), std::move(headers),
                      std::move(payload_sha256)};
}

void ExpectS3Example(const SigV4Request& request, const std::string& canonical_sha256,
                     const std::string& signature) {
  SigV4Signer signer = S3ExampleSigner();
  std::string canonical = signer.CanonicalRequest(request);
  EXPECT_EQ(Sha256Hex(canonical).ValueOr(""), canonical_sha256) << canonical;
  std::string to_sign = signer.StringToSign(canonical, "20130524T000000Z");
  EXPECT_EQ(to_sign, "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n" +
                         canonical_sha256);
  EXPECT_EQ(signer.Signature(to_sign, "20130524T000000Z").ValueOr(""), signature);
}

TEST(SigV4SignerTest, S3GetObjectWithRange) {
  SigV4Request request = S3ExampleRequest("GET", "/test.txt", {}, {{"Range", "bytes=0-9"}});
  EXPECT_EQ(S3ExampleSigner().CanonicalRequest(request),
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
            "x-amz-content-sha256:" +
                std::string(kEmptySha256) +
                "\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n" +
                kEmptySha256);
  ExpectS3Example(request, "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
                  "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4SignerTest, S3PutObjectSignsThePayloadHashAndEncodesTheKey) {
  std::string body_hash = Sha256Hex("Welcome to Amazon S3.").ValueOr("");
  EXPECT_EQ(body_hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  SigV4Request request = S3ExampleRequest(
      "PUT", "/test$file.text", {},
      {{"Date", "Fri, 24 May 2013 00:00:00 GMT"}, {"x-amz-storage-class", "REDUCED_REDUNDANCY"}},
      body_hash);
  EXPECT_EQ(S3ExampleSigner().CanonicalRequest(request).substr(0, 22), "PUT\n/test%24file.text\n");
  ExpectS3Example(request, "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d",
                  "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(SigV4SignerTest, S3ValuelessQueryParameterSignsWithAnEqualsSign) {
  SigV4Request request = S3ExampleRequest("GET", "/", {{"lifecycle", ""}}, {});
  EXPECT_NE(S3ExampleSigner().CanonicalRequest(request).find("\nlifecycle=\n"), std::string::npos);
  ExpectS3Example(request, "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca",
                  "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

TEST(SigV4SignerTest, S3ListObjectsSortsQueryParameters) {
  SigV4Request request = S3ExampleRequest("GET", "/", {{"prefix", "J"}, {"max-keys", "2"}}, {});
  EXPECT_EQ(SignatureOf(request, S3ExampleSigner()),
            "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST(SigV4SignerTest, SignAddsDateAndSessionTokenAndNeverTheSecret) {
  SigV4Signer signer({"AKID", "very-secret-key", "session-token-1"}, "eu-west-1", "s3");
  SigV4Request request{"GET", "/b/k", {}, {{"host", "h"}}, kEmptySha256};
  ASSERT_TRUE(signer.Sign(&request, ParseTimestamp("2026-11-25T20:01:02Z").value()).ok());
  std::string authorization = AuthorizationOf(request);
  EXPECT_NE(authorization.find("Credential=AKID/20261125/eu-west-1/s3/aws4_request"),
            std::string::npos);
  EXPECT_NE(authorization.find("SignedHeaders=host;x-amz-date;x-amz-security-token"),
            std::string::npos);
  for (const auto& [name, value] : request.headers) {
    EXPECT_EQ(value.find("very-secret-key"), std::string::npos) << name;
    if (name == "x-amz-date") {
      EXPECT_EQ(value, "20261125T200102Z");
    }
  }
}

TEST(SigV4SignerTest, UriEncoding) {
  EXPECT_EQ(AwsUriEncode("a b+c/d~e", false), "a%20b%2Bc/d~e");
  EXPECT_EQ(AwsUriEncode("a/b", true), "a%2Fb");
  EXPECT_EQ(CanonicalQueryString({{"uploadId", "x y"}, {"partNumber", "2"}}),
            "partNumber=2&uploadId=x%20y");
  EXPECT_EQ(CanonicalQueryString({{"prefix", "lake/tmp/"}, {"list-type", "2"}}),
            "list-type=2&prefix=lake%2Ftmp%2F");
  EXPECT_EQ(CanonicalQueryString({{"prefix", "lake/tmp/"}}, /*encode_slash=*/false),
            "prefix=lake/tmp/");
  EXPECT_EQ(FormatAmzDate(Timestamp{}), "19700101T000000Z");
}

}  // namespace
}  // namespace mesh
