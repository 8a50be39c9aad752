#!/usr/bin/env python3
"""Peak RSS of `upspec serve` while it receives a 1 GiB upload over a loopback socket.

    harness/bench/serve_rss.py [--upspec build/release/harness/upspec] [--mib 1024] [--limit-mib 64]

Starts `upspec serve --port 0 --quiet`, reads the port from its first line, and sends one
GraphQL multipart request whose file is generated on the fly (never stored) with a
Content-Length (or `--chunked`). Checks that the server's resolver reports the file's exact size
and SHA-256, reads the server's peak resident set (VmHWM in /proc/PID/status), stops the
server with SIGTERM, and exits 1 when the peak is over the limit or the answer is wrong.
"""
import argparse
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

BOUNDARY = "upspec-serve-rss-5e0a91c4"


def vm_hwm_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/PID/status")


def read_response(sock: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        if not piece:
            raise RuntimeError("connection closed before the response head")
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    if not m:
        raise RuntimeError("response without Content-Length")
    length = int(m.group(1))
    while len(body) < length:
        piece = sock.recv(65536)
        if not piece:
            break
        body += piece
    return status, body[:length]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upspec", default="build/release/harness/upspec")
    ap.add_argument("--mib", type=int, default=1024, help="upload size in MiB (default 1024)")
    ap.add_argument("--limit-mib", type=float, default=64.0, help="peak RSS allowed (default 64)")
    ap.add_argument("--chunked", action="store_true", help="send with Transfer-Encoding: chunked")
    args = ap.parse_args()

    server = subprocess.Popen([args.upspec, "serve", "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline().strip()
        m = re.fullmatch(r"listening on http://([^/]+):(\d+)/graphql", line)
        if not m:
            print(f"unexpected first line from upspec serve: {line!r}", file=sys.stderr)
            return 2
        port = int(m.group(2))
        idle_kib = vm_hwm_kib(server.pid)

        ops = '{"query":"mutation($f: Upload!) { single(file: $f) { size sha256 } }","variables":{"f":null}}'
        head = (
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{ops}\r\n"
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{\"0\":[\"variables.f\"]}}\r\n"
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"big.bin\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        size = args.mib << 20
        framing = ("Transfer-Encoding: chunked" if args.chunked
                   else f"Content-Length: {len(head) + size + len(tail)}")
        request_head = (
            "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n{framing}\r\n\r\n"
        ).encode()

        def frame(data: bytes) -> bytes:
            return b"%x\r\n%s\r\n" % (len(data), data) if args.chunked else data

        digest = hashlib.sha256()
        block = os.urandom(1 << 20)
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(request_head + frame(head))
            for i in range(args.mib):
                # Vary each MiB so the stream is not one block repeated.
                chunk = i.to_bytes(8, "little") + block[8:]
                digest.update(chunk)
                sock.sendall(frame(chunk))
            sock.sendall(frame(tail) + (b"0\r\n\r\n" if args.chunked else b""))
            status, body = read_response(sock)
        elapsed = time.monotonic() - started
        peak_kib = vm_hwm_kib(server.pid)

        result = json.loads(body)
        single = (result.get("data") or {}).get("single") or {}
        size_ok = status == 200 and single.get("size") == size
        sha_ok = single.get("sha256") == digest.hexdigest()
        peak_mib = peak_kib / 1024.0
        print(f"upload {args.mib} MiB ({'chunked' if args.chunked else 'content-length'}) in "
              f"{elapsed:.1f} s: status {status}, size {'ok' if size_ok else 'WRONG'}, "
              f"sha256 {'ok' if sha_ok else 'WRONG'}; server peak RSS {peak_mib:.1f} MiB "
              f"(idle {idle_kib / 1024.0:.1f} MiB, limit {args.limit_mib} MiB)")
        if not (size_ok and sha_ok):
            print(f"response: {body[:500]!r}", file=sys.stderr)
        return 0 if size_ok and sha_ok and peak_mib <= args.limit_mib else 1
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
