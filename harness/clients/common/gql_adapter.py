"""upspec client adapter for Python's gql: performs each scenario of the plan (UPSPEC_PLAN) with
gql's file uploads (FileVar values and upload_files=True, as gql's file upload docs show) over
the transport named on the command line: aiohttp, requests or httpx. Run by the gql-* adapters'
client.json, each with its own pinned packages (docs/clients.md)."""

import io
import json
import os
import sys

from gql import Client, FileVar, GraphQLRequest


def with_files(scenario):
    """The operations with a FileVar where each file goes; one FileVar per file, so a file used
    twice is the same object, as an application holding one file would pass it."""
    made = {}

    def file_var(file_id):
        if file_id not in made:
            spec = scenario["files"][file_id]
            with open(spec["path"], "rb") as f:
                content = f.read()
            made[file_id] = FileVar(
                io.BytesIO(content), filename=spec["name"], content_type=spec["type"]
            )
        return made[file_id]

    def walk(value):
        if isinstance(value, dict) and set(value) == {"$file"}:
            return file_var(value["$file"])
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(scenario["operations"])


def transport_for(name, scenario):
    if name == "aiohttp":
        from gql.transport.aiohttp import AIOHTTPTransport

        return AIOHTTPTransport(url=scenario["url"], headers=scenario["headers"])
    if name == "requests":
        from gql.transport.requests import RequestsHTTPTransport

        return RequestsHTTPTransport(url=scenario["url"], headers=scenario["headers"])
    if name == "httpx":
        from gql.transport.httpx import HTTPXTransport

        return HTTPXTransport(url=scenario["url"], headers=scenario["headers"])
    raise SystemExit(f"unknown transport {name}")


def perform(transport_name, scenario):
    operations = with_files(scenario)
    request = GraphQLRequest(
        operations["query"],
        variable_values=operations.get("variables"),
        operation_name=operations.get("operationName"),
    )
    client = Client(transport=transport_for(transport_name, scenario))
    # The server's answer is not judged; only the request the transport sent is.
    try:
        client.execute(request, upload_files=True)
    except Exception as e:
        if type(e).__name__.startswith("TransportQueryError"):
            return
        raise


def main():
    transport_name = sys.argv[1]
    with open(os.environ["UPSPEC_PLAN"], encoding="utf-8") as f:
        plan = json.load(f)
    for scenario in plan["scenarios"]:
        try:
            perform(transport_name, scenario)
        except Exception as e:
            message = " ".join(f"{type(e).__name__}: {e}".split())
            print(f"upspec-scenario {scenario['id']}: {message}", file=sys.stderr)


if __name__ == "__main__":
    main()
