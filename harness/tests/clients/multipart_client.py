#!/usr/bin/env python3
"""A GraphQL multipart request client written for upspec's own tests, with the standard library
only: correct by default, or broken on purpose with --break so that the tests can see each
break judged FAIL with the right finding (docs/clients.md, "Testing the judge").

It performs every scenario of the plan named by UPSPEC_PLAN, as the real adapters do."""

import argparse
import copy
import http.client
import json
import os
import secrets
import sys
import urllib.parse

BREAKS = ("unescaped-quote", "map-first", "missing-placeholder", "duplicate-part")


def extract_files(operations):
    """Replaces each {"$file": id} with null; returns the files in the order they are first met,
    each with every path it is used at (one file used twice is sent once)."""
    files = {}

    def walk(value, path):
        if isinstance(value, dict) and set(value) == {"$file"}:
            files.setdefault(value["$file"], []).append(".".join(path))
            return None
        if isinstance(value, dict):
            return {k: walk(v, path + [k]) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, path + [str(i)]) for i, v in enumerate(value)]
        return value

    return walk(operations, []), files


def drop_placeholders(operations, files):
    """The missing-placeholder break: the key where a file goes is left out of operations."""
    for paths in files.values():
        for path in paths:
            *parents, last = path.split(".")
            node = operations
            for segment in parents:
                node = node[int(segment)] if isinstance(node, list) else node[segment]
            if isinstance(node, dict):
                node.pop(last, None)
            else:
                node[int(last)] = {}


def quoted(name, escape_quote=True):
    """A quoted-string (RFC 9110 section 5.6.4) for a parameter value; CR and LF cannot be
    quoted-pairs, so they are percent-encoded as the HTML Standard does."""
    text = name.replace("\\", "\\\\")
    if escape_quote:
        text = text.replace('"', '\\"')
    return '"' + text.replace("\r", "%0D").replace("\n", "%0A") + '"'


def encode(scenario, broken):
    operations, files = extract_files(scenario["operations"])
    if broken == "missing-placeholder":
        drop_placeholders(operations, files)
    keys = {file_id: str(i) for i, file_id in enumerate(files)}
    fields = [
        ("operations", None, None, json.dumps(operations).encode()),
        ("map", None, None, json.dumps({keys[f]: paths for f, paths in files.items()}).encode()),
    ]
    if broken == "map-first":
        fields.reverse()
    for file_id in files:
        spec = scenario["files"][file_id]
        with open(spec["path"], "rb") as f:
            content = f.read()
        part = (keys[file_id], spec["name"], spec["type"] or "application/octet-stream", content)
        fields.append(part)
        if broken == "duplicate-part":
            fields.append(part)
    boundary = "stdlib-" + secrets.token_hex(12)
    while any(("--" + boundary).encode() in field[3] for field in fields):
        boundary = "stdlib-" + secrets.token_hex(12)
    body = b""
    for name, filename, content_type, content in fields:
        head = f"--{boundary}\r\nContent-Disposition: form-data; name={quoted(name)}"
        if filename is not None:
            head += "; filename=" + quoted(filename, escape_quote=broken != "unescaped-quote")
            head += f"\r\nContent-Type: {content_type}"
        body += head.encode() + b"\r\n\r\n" + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def perform(scenario, broken):
    content_type, body = encode(scenario, broken)
    url = urllib.parse.urlsplit(scenario["url"])
    headers = {"Content-Type": content_type, "GraphQL-Preflight": "1"}
    headers.update(scenario["headers"])
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request("POST", url.path + "?" + url.query, body=body, headers=headers)
        connection.getresponse().read()
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--break", dest="broken", choices=BREAKS)
    args = parser.parse_args()
    with open(os.environ["UPSPEC_PLAN"], encoding="utf-8") as f:
        plan = json.load(f)
    for scenario in plan["scenarios"]:
        try:
            perform(copy.deepcopy(scenario), args.broken)
        except Exception as e:  # the judge says what went wrong; this only explains it
            print(f"upspec-scenario {scenario['id']}: {type(e).__name__}: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
