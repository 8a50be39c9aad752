#!/usr/bin/env python3
"""Peak RSS of `upspec reference` on a 1 GiB upload streamed through standard input.

    reference/bench/reference_rss.py [--upspec build/release/harness/upspec] [--mib 1024] [--limit-mib 32]

The body is generated on the fly (never stored). The script checks that the outcome reports
the upload's exact size and SHA-256, prints the child's peak RSS, and exits 1 when it is over
the limit.
"""
import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys

BOUNDARY = "upspec-rss-7d1f0c2a9b"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upspec", default="build/release/harness/upspec")
    ap.add_argument("--mib", type=int, default=1024, help="upload size in MiB (default 1024)")
    ap.add_argument("--limit-mib", type=float, default=32.0, help="peak RSS allowed (default 32)")
    args = ap.parse_args()

    ops = '{"query":"mutation($f: Upload!) { single(file: $f) { size sha256 } }","variables":{"f":null}}'
    head = (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{ops}\r\n"
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{\"0\":[\"variables.f\"]}}\r\n"
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"big.bin\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()

    proc = subprocess.Popen(
        [args.upspec, "reference", "--compact", "--content-type", f"multipart/form-data; boundary={BOUNDARY}", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    digest = hashlib.sha256()
    block = os.urandom(1 << 20)
    proc.stdin.write(head)
    for i in range(args.mib):
        # Vary each MiB so the stream is not one block repeated.
        chunk = i.to_bytes(8, "little") + block[8:]
        digest.update(chunk)
        proc.stdin.write(chunk)
    proc.stdin.write(tail)
    proc.stdin.close()
    out = proc.stdout.read()
    proc.wait()
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0

    outcome = json.loads(out)
    upload = outcome["uploads"]["0"]
    size_ok = upload["size"] == args.mib << 20
    sha_ok = upload["sha256"] == digest.hexdigest()
    print(f"upload {args.mib} MiB: size {'ok' if size_ok else 'WRONG'}, sha256 {'ok' if sha_ok else 'WRONG'}, "
          f"peak RSS {peak_mib:.1f} MiB (limit {args.limit_mib} MiB)")
    return 0 if size_ok and sha_ok and peak_mib <= args.limit_mib else 1


if __name__ == "__main__":
    sys.exit(main())
