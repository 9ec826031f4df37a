// The S3 lake against a real S3-compatible server (moto, signatures checked): the ObjectStore
// contract suite, multipart streaming, aborts half way, racing publishers, a wrong secret, and
// real network faults (500s, timeouts, cut connections) injected by a proxy in front of moto.
#include "lake/s3_object_store.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "base/sha256.h"
#include "fault_proxy_test.h"
#include "lake/object_store_contract_test.h"
#include "moto_server_test.h"

namespace mesh {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// Deterministic bytes that differ from part to part (so a misplaced part changes the hash).
std::string Pattern(uint64_t size, uint32_t seed) {
  std::string out(size, '\0');
  uint32_t x = seed * 2654435761u + 1;
  for (char& c : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x);
  }
  return out;
}

std::string KeyOf(std::string_view data) { return ObjectKeyForSha256(Sha256Hex(data).ValueOr("")); }

MotoServer* Moto() {
  auto server = MotoServer::Shared();
  if (!server.ok()) {
    ADD_FAILURE() << server.status();
    return nullptr;
  }
  return *server;
}

INSTANTIATE_TEST_SUITE_P(
    S3, ObjectStoreContractTest,
    ::testing::Values(StoreFactory{"S3OnMoto",
                                   [](const std::string&) -> std::shared_ptr<ObjectStore> {
                                     MotoServer* moto = Moto();
                                     if (moto == nullptr) return nullptr;
                                     auto store = moto->NewStore();
                                     if (!store.ok()) {
                                       ADD_FAILURE() << store.status();
                                       return nullptr;
                                     }
                                     return std::move(*store);
                                   }}),
    [](const ::testing::TestParamInfo<StoreFactory>& info) { return info.param.name; });

class S3ObjectStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    moto_ = Moto();
    ASSERT_NE(moto_, nullptr);
    auto store = moto_->NewStore();
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  // Writes `data` in 1 MiB appends and commits.
  Result<ObjectRef> StreamIn(S3ObjectStore* store, const std::string& data) {
    ASSIGN_OR_RAISE(auto writer, store->NewWriter());
    for (size_t at = 0; at < data.size(); at += kMiB) {
      RETURN_NOT_OK(writer->Append(std::string_view(data).substr(at, kMiB)));
    }
    return writer->Commit();
  }

  // A second store on the same bucket through `endpoint` (e.g. a fault proxy).
  std::unique_ptr<S3ObjectStore> StoreVia(const std::string& endpoint, S3Options options) {
    options.endpoint = endpoint;
    auto store = S3ObjectStore::Make(store_->location(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(*store) : nullptr;
  }

  void ExpectNoStaging() {
    auto staging = store_->ListStaging();
    ASSERT_TRUE(staging.ok()) << staging.status();
    for (const S3StagingEntry& entry : *staging) {
      ADD_FAILURE() << "left in staging: " << entry.key << " " << entry.upload_id;
    }
  }

  MotoServer* moto_ = nullptr;
  std::unique_ptr<S3ObjectStore> store_;
};

TEST_F(S3ObjectStoreTest, LargeObjectStreamsThroughMultipartAndLeavesNoStaging) {
  std::string data = Pattern(11 * kMiB + 123, 1);
  uint64_t before = store_->client().requests_sent();
  auto ref = StreamIn(store_.get(), data);
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(ref->key, KeyOf(data));
  EXPECT_EQ(ref->bytes, data.size());
  // create, 3 parts, complete, HEAD final, create, 3 copies, complete, delete staging.
  EXPECT_EQ(store_->client().requests_sent() - before, 12u);
  EXPECT_EQ(store_->Size(ref->key).ValueOr(0), data.size());
  EXPECT_TRUE(store_->Verify(ref->key).ok());
  auto reader = store_->Open(ref->key);
  ASSERT_TRUE(reader.ok());
  std::string across;
  ASSERT_TRUE((*reader)->ReadAt(5 * kMiB - 10, 20, &across).ok());
  EXPECT_EQ(across, data.substr(5 * kMiB - 10, 20));
  ExpectNoStaging();
}

TEST_F(S3ObjectStoreTest, ObjectOfExactlyOnePartIsOneConditionalPut) {
  std::string data = Pattern(5 * kMiB, 2);
  uint64_t before = store_->client().requests_sent();
  auto ref = StreamIn(store_.get(), data);
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(store_->client().requests_sent() - before, 1u);
  EXPECT_EQ(store_->Get(ref->key).ValueOr(""), data);
}

TEST_F(S3ObjectStoreTest, MultipartAbortedHalfWayLeavesNothing) {
  std::string data = Pattern(7 * kMiB, 3);
  auto writer = store_->NewWriter();
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Append(std::string_view(data).substr(0, 6 * kMiB)).ok());
  // Half way: one part is uploaded to a staging key, and it shows in the staging listing.
  auto staging = store_->ListStaging();
  ASSERT_TRUE(staging.ok()) << staging.status();
  ASSERT_EQ(staging->size(), 1u);
  EXPECT_NE((*staging)[0].key.find("lake/tmp/"), std::string::npos);
  EXPECT_FALSE((*staging)[0].upload_id.empty());
  ASSERT_TRUE((*writer)->Abort().ok());
  EXPECT_FALSE((*writer)->Commit().ok());
  ExpectNoStaging();
  EXPECT_FALSE(store_->Exists(KeyOf(data)).ValueOr(true));
  EXPECT_FALSE(store_->Exists(KeyOf(data.substr(0, 6 * kMiB))).ValueOr(true));
}

TEST_F(S3ObjectStoreTest, DestroyedMultipartWriterIsAborted) {
  {
    auto writer = store_->NewWriter();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Append(Pattern(6 * kMiB, 4)).ok());
  }
  ExpectNoStaging();
}

TEST_F(S3ObjectStoreTest, TwoPublishersRaceForOneKeyAndBothGetTheStoredObject) {
  for (uint64_t size : {3 * kMiB, 11 * kMiB}) {
    std::string data = Pattern(size, 5);
    auto other = StoreVia(moto_->endpoint(), moto_->Options());
    ASSERT_NE(other, nullptr);
    Result<ObjectRef> first = Status::Internal("not run"), second = Status::Internal("not run");
    std::thread a([&] { first = StreamIn(store_.get(), data); });
    std::thread b([&] { second = StreamIn(other.get(), data); });
    a.join();
    b.join();
    ASSERT_TRUE(first.ok()) << first.status();
    ASSERT_TRUE(second.ok()) << second.status();
    EXPECT_EQ(first->key, second->key);
    EXPECT_EQ(store_->Get(first->key, 64 * kMiB).ValueOr(""), data);
    ExpectNoStaging();
  }
}

// A key that holds something else (a damaged lake) is never overwritten, by either path.
TEST_F(S3ObjectStoreTest, NeverOverwritesAStoredObject) {
  for (uint64_t size : {uint64_t{100}, 6 * kMiB}) {
    std::string data = Pattern(size, 6);
    std::string s3_key = store_->S3KeyOf(KeyOf(data)).ValueOr("");
    ASSERT_TRUE(store_->client().PutIfAbsent(s3_key, "damaged").ValueOr(false));
    auto ref = StreamIn(store_.get(), data);
    EXPECT_EQ(ref.status().code(), StatusCode::kCorruption) << ref.status();
    EXPECT_NE(ref.status().message().find("not overwritten"), std::string::npos);
    EXPECT_EQ(store_->client().GetRange(s3_key, 0, 6).ValueOr(""), "damaged");
    ExpectNoStaging();
  }
}

TEST_F(S3ObjectStoreTest, WrongSecretKeyIsAClear403WithoutTheSecret) {
  S3Options options = moto_->Options();
  options.credentials.secret_access_key = "wrong-secret-value";
  auto forged = S3ObjectStore::Make(store_->location(), options);
  ASSERT_TRUE(forged.ok());
  auto ref = (*forged)->Put("data");
  ASSERT_EQ(ref.status().code(), StatusCode::kPermissionDenied) << ref.status();
  const std::string& message = ref.status().message();
  EXPECT_NE(message.find("HTTP 403 SignatureDoesNotMatch"), std::string::npos) << message;
  EXPECT_NE(message.find("s3://" + store_->location().bucket + "/lake/sha256/"), std::string::npos)
      << message;
  EXPECT_NE(message.find("AWS_SECRET_ACCESS_KEY"), std::string::npos) << message;
  EXPECT_EQ(message.find("wrong-secret-value"), std::string::npos) << message;
  EXPECT_EQ((*forged)->client().retries(), 0u) << "a 403 is not retried";
  EXPECT_FALSE(store_->Exists(KeyOf("data")).ValueOr(true));
}

TEST_F(S3ObjectStoreTest, MissingBucketIsNamed) {
  S3Location nowhere{"no-such-bucket-here", "lake"};
  auto store = S3ObjectStore::Make(nowhere, moto_->Options());
  ASSERT_TRUE(store.ok());
  Status put = (*store)->Put("x").status();
  EXPECT_TRUE(put.IsNotFound()) << put;
  EXPECT_NE(put.message().find("NoSuchBucket"), std::string::npos) << put;
  EXPECT_NE(put.message().find("s3://no-such-bucket-here/"), std::string::npos) << put;
}

class S3FaultTest : public S3ObjectStoreTest {
 protected:
  std::unique_ptr<FaultProxy> Proxy(FaultProxy::Rule rule) {
    auto proxy = FaultProxy::Start(moto_->port(), std::move(rule));
    EXPECT_TRUE(proxy.ok()) << proxy.status();
    return proxy.ok() ? std::move(*proxy) : nullptr;
  }
};

TEST_F(S3FaultTest, Retries500sAndSucceeds) {
  auto proxy = Proxy([](const ProxiedRequest& r) {
    return r.number <= 2 ? ProxyAction::kFail500 : ProxyAction::kForward;
  });
  ASSERT_NE(proxy, nullptr);
  auto store = StoreVia(proxy->endpoint(), moto_->Options());
  auto ref = store->Put("survives two 500s");
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(store->client().retries(), 2u);
  EXPECT_EQ(proxy->faults(), 2);
  EXPECT_EQ(store_->Get(ref->key).ValueOr(""), "survives two 500s");
}

TEST_F(S3FaultTest, PersistentFailureGivesUpAfterTheLastTry) {
  auto proxy = Proxy([](const ProxiedRequest&) { return ProxyAction::kFail500; });
  ASSERT_NE(proxy, nullptr);
  S3Options options = moto_->Options();
  options.max_attempts = 3;
  auto store = StoreVia(proxy->endpoint(), options);
  Status put = store->Put("never stored").status();
  EXPECT_TRUE(put.IsIOError()) << put;
  EXPECT_NE(put.message().find("gave up after 3 tries"), std::string::npos) << put;
  EXPECT_NE(put.message().find("HTTP 500 InternalError"), std::string::npos) << put;
  EXPECT_EQ(proxy->requests(), 3);
  EXPECT_FALSE(store_->Exists(KeyOf("never stored")).ValueOr(true));
}

TEST_F(S3FaultTest, TimeoutIsRetried) {
  auto proxy = Proxy([](const ProxiedRequest& r) {
    return r.number == 1 ? ProxyAction::kHang : ProxyAction::kForward;
  });
  ASSERT_NE(proxy, nullptr);
  S3Options options = moto_->Options();
  options.request_timeout_ms = 700;
  auto store = StoreVia(proxy->endpoint(), options);
  auto ref = store->Put("after a timeout");
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(store->client().retries(), 1u);
  EXPECT_EQ(store_->Get(ref->key).ValueOr(""), "after a timeout");
}

// The server stored the object but the answer was lost: the retry meets 412 and uses the
// stored object (which holds the same bytes) instead of failing or overwriting.
TEST_F(S3FaultTest, LostAnswerToAConditionalPutIsIdempotent) {
  auto proxy = Proxy([](const ProxiedRequest& r) {
    return r.number == 1 ? ProxyAction::kForwardThenHang : ProxyAction::kForward;
  });
  ASSERT_NE(proxy, nullptr);
  S3Options options = moto_->Options();
  options.request_timeout_ms = 700;
  auto store = StoreVia(proxy->endpoint(), options);
  auto ref = store->Put("stored once");
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(store->client().retries(), 1u);
  EXPECT_EQ(store_->Get(ref->key).ValueOr(""), "stored once");
}

TEST_F(S3FaultTest, MultipartSurvivesAFailedPartACutConnectionAndALostCompleteAnswer) {
  bool part_failed = false, cut = false, complete_lost = false;
  auto proxy = Proxy([&](const ProxiedRequest& r) {
    if (!part_failed && r.target.find("partNumber=2") != std::string::npos) {
      part_failed = true;
      return ProxyAction::kFail500;
    }
    if (!cut && r.method == "HEAD") {
      cut = true;
      return ProxyAction::kDrop;
    }
    if (!complete_lost && r.method == "POST" && r.target.find("/tmp/") != std::string::npos &&
        r.target.find("uploadId=") != std::string::npos) {
      complete_lost = true;
      return ProxyAction::kForwardThenDrop;
    }
    return ProxyAction::kForward;
  });
  ASSERT_NE(proxy, nullptr);
  auto store = StoreVia(proxy->endpoint(), moto_->Options());
  std::string data = Pattern(12 * kMiB, 7);
  auto ref = StreamIn(store.get(), data);
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_TRUE(part_failed && cut && complete_lost);
  EXPECT_EQ(store->client().retries(), 3u);
  EXPECT_TRUE(store_->Verify(ref->key).ok());
  EXPECT_EQ(store_->Get(ref->key, 64 * kMiB).ValueOr(""), data);
  ExpectNoStaging();
}

TEST_F(S3FaultTest, ReadsRetryTo) {
  auto ref = store_->Put("read me through faults");
  ASSERT_TRUE(ref.ok());
  auto proxy = Proxy([](const ProxiedRequest& r) {
    return r.number == 2   ? ProxyAction::kFail500
           : r.number == 3 ? ProxyAction::kDrop
                           : ProxyAction::kForward;
  });
  ASSERT_NE(proxy, nullptr);
  auto store = StoreVia(proxy->endpoint(), moto_->Options());
  EXPECT_EQ(store->Get(ref->key).ValueOr(""), "read me through faults");
  EXPECT_EQ(store->client().retries(), 2u);
}

TEST(S3OptionsTest, FromEnvironment) {
  std::map<std::string, std::string> env{{"AWS_ENDPOINT_URL", "http://generic:1"},
                                         {"AWS_ENDPOINT_URL_S3", "http://s3only:2/"},
                                         {"AWS_DEFAULT_REGION", "eu-west-1"},
                                         {"AWS_ACCESS_KEY_ID", "AKID"},
                                         {"AWS_SECRET_ACCESS_KEY", "shh"}};
  auto lookup = [&env](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  auto options = S3OptionsFromEnvironment(lookup);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->endpoint, "http://s3only:2");
  EXPECT_EQ(options->region, "eu-west-1");
  EXPECT_EQ(options->credentials.access_key_id, "AKID");
  env["AWS_REGION"] = "ap-south-1";
  env.erase("AWS_ENDPOINT_URL_S3");
  options = S3OptionsFromEnvironment(lookup);
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options->region, "ap-south-1");
  EXPECT_EQ(options->endpoint, "http://generic:1");
  env.erase("AWS_SECRET_ACCESS_KEY");
  Status missing = S3OptionsFromEnvironment(lookup).status();
  EXPECT_TRUE(missing.IsInvalidArgument());
  EXPECT_NE(missing.message().find("AWS_SECRET_ACCESS_KEY"), std::string::npos);
  env["AWS_SECRET_ACCESS_KEY"] = "shh";
  env["AWS_ENDPOINT_URL"] = "ftp://x";
  EXPECT_TRUE(S3OptionsFromEnvironment(lookup).status().IsInvalidArgument());
}

TEST(S3OptionsTest, ParsesLakeUris) {
  auto location = ParseS3Uri("s3://my-bucket/some/prefix/");
  ASSERT_TRUE(location.ok());
  EXPECT_EQ(location->bucket, "my-bucket");
  EXPECT_EQ(location->prefix, "some/prefix");
  EXPECT_EQ(location->Uri(), "s3://my-bucket/some/prefix");
  EXPECT_EQ(location->Key("sha256/ab"), "some/prefix/sha256/ab");
  auto bare = ParseS3Uri("s3://my-bucket");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->Key("tmp/x"), "tmp/x");
  EXPECT_TRUE(ParseS3Uri("s3://Bad_Bucket/x").status().IsInvalidArgument());
  EXPECT_TRUE(ParseS3Uri("s3://ab").status().IsInvalidArgument());
  EXPECT_TRUE(ParseS3Uri("s3://bucket/a//b").status().IsInvalidArgument());
}

}  // namespace
}  // namespace mesh
