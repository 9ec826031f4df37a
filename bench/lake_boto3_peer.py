"""The peer of lake_benchmark.cc on S3: the same workload through boto3 (AWS's own Python SDK),
against the same server, so the ratio separates Meshwork's S3 client from the server's speed.
Objects up to 8 MiB: one put_object with IfNoneMatch='*'. Larger: multipart upload (8 MiB parts)
to a staging key, multipart copy to the final key (what S3ObjectStore does), delete staging.
Reads: ranged get_object of 8 MiB. Same JSON line as lake_benchmark.
Usage: python3 lake_boto3_peer.py BUCKET OBJECTS SIZE REPEAT  (AWS_* variables as for mesh)."""
import hashlib
import io
import json
import os
import sys
import time

import boto3
from boto3.s3.transfer import TransferConfig

PART = 8 << 20


def main():
    bucket, objects, size, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    s3 = boto3.client("s3", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
    config = TransferConfig(multipart_threshold=PART + 1, multipart_chunksize=PART, max_concurrency=1,
                            use_threads=False)
    for _ in range(repeat):
        keys = []
        start = time.monotonic()
        for _ in range(objects):
            data = os.urandom(size)
            key = "peer/sha256/" + hashlib.sha256(data).hexdigest()
            if size <= PART:
                s3.put_object(Bucket=bucket, Key=key, Body=data, IfNoneMatch="*")
            else:
                staging = "peer/tmp/" + os.urandom(16).hex()
                s3.upload_fileobj(io.BytesIO(data), bucket, staging, Config=config)
                s3.copy({"Bucket": bucket, "Key": staging}, bucket, key,
                        Config=TransferConfig(multipart_threshold=PART, multipart_chunksize=512 << 20,
                                              max_concurrency=1, use_threads=False))
                s3.delete_object(Bucket=bucket, Key=staging)
            keys.append(key)
        write_s = time.monotonic() - start
        start = time.monotonic()
        total = 0
        for key in keys:
            for at in range(0, size, PART):
                body = s3.get_object(Bucket=bucket, Key=key,
                                     Range=f"bytes={at}-{min(at + PART, size) - 1}")["Body"].read()
                total += len(body)
        read_s = time.monotonic() - start
        assert total == size * objects
        mib = total / (1 << 20)
        print(json.dumps({"lake": f"boto3 s3://{bucket}/peer", "objects": objects, "bytes": size,
                          "write_s": round(write_s, 3), "read_s": round(read_s, 3),
                          "write_mib_s": round(mib / write_s, 1), "read_mib_s": round(mib / read_s, 1)}),
              flush=True)


if __name__ == "__main__":
    main()
