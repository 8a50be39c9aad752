"""upspec target: Ariadne's ASGI app (ariadne.asgi.GraphQL) served by uvicorn.

Serves the conformance schema (harness/schema.graphql, loaded as SDL) at /graphql on
$HOST:$PORT. The app is Ariadne's documented setup: make_executable_schema with upload_scalar,
GraphQL(schema) as the ASGI application, run by uvicorn with its defaults. Ariadne parses
multipart requests with Starlette's Request.form() (python-multipart underneath), with
Starlette's default limits. Nothing here catches or rewrites Ariadne's errors.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what Starlette's UploadFile reports for the part.
"""

import asyncio
import hashlib
import os
import weakref
from pathlib import Path

import uvicorn
from ariadne import (
    MutationType,
    QueryType,
    load_schema_from_path,
    make_executable_schema,
    upload_scalar,
)
from ariadne.asgi import GraphQL
from starlette.datastructures import UploadFile

SCHEMA = Path(__file__).resolve().parent.parent.parent / "schema.graphql"

query = QueryType()
mutation = MutationType()

# One lock per upload object: the same UploadFile is placed at every path the map names for
# it, and resolvers run concurrently, so each read rewinds and reads the whole file alone.
_locks: "weakref.WeakKeyDictionary[UploadFile, asyncio.Lock]" = weakref.WeakKeyDictionary()


async def receive(upload):
    """Reads all of one upload's bytes and reports them."""
    if not isinstance(upload, UploadFile):
        raise ValueError(f"expected an uploaded file, got {type(upload).__name__}")
    lock = _locks.setdefault(upload, asyncio.Lock())
    async with lock:
        await upload.seek(0)
        digest = hashlib.sha256()
        size = 0
        while chunk := await upload.read(64 * 1024):
            size += len(chunk)
            digest.update(chunk)
    return {
        "filename": upload.filename,
        "mimetype": upload.content_type,
        "size": size,
        "sha256": digest.hexdigest(),
    }


def flatten(tree, into):
    """The uploads of an UploadTree, depth first: file, files in order (nulls skipped), child."""
    while tree is not None:
        if tree.get("file") is not None:
            into.append(tree["file"])
        for upload in tree.get("files") or []:
            if upload is not None:
                into.append(upload)
        tree = tree.get("child")
    return into


@query.field("ping")
def resolve_ping(*_):
    return True


@mutation.field("single")
async def resolve_single(*_, file):
    return await receive(file)


@mutation.field("optional")
async def resolve_optional(*_, file=None):
    return None if file is None else await receive(file)


# Lists of awaitables: graphql-core completes each item on its own, so an upload that fails is
# reported at its own index (["multiple", 1]) rather than at the field.
@mutation.field("multiple")
def resolve_multiple(*_, files):
    return [receive(upload) for upload in files]


@mutation.field("tree")
def resolve_tree(*_, input):
    return [receive(upload) for upload in flatten(input, [])]


@mutation.field("echo")
def resolve_echo(*_, value=None):
    return value


# Returns the Upload value itself: upload_scalar's serializer then refuses it.
@mutation.field("echoUpload")
def resolve_echo_upload(*_, file=None):
    return file


schema = make_executable_schema(load_schema_from_path(str(SCHEMA)), upload_scalar, query, mutation)
app = GraphQL(schema)

if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
