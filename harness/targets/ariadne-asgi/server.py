"""upspec target: Ariadne's ASGI app (ariadne.asgi.GraphQL) served by uvicorn.

Serves the conformance schema (harness/schema.graphql, loaded as SDL) at /graphql on
$HOST:$PORT. The app is Ariadne's documented setup: make_executable_schema with upload_scalar,
GraphQL(schema) as the ASGI application, run by uvicorn with its defaults. Ariadne parses
multipart requests with Starlette's Request.form() (python-multipart underneath), with
Starlette's default limits. Nothing here catches or rewrites Ariadne's errors.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what Starlette's UploadFile reports for the part.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))

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
from upspec_uploads import SCHEMA, flatten, receive_starlette

query = QueryType()
mutation = MutationType()


async def receive(upload):
    return await receive_starlette(upload, UploadFile)


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
    return [receive(upload) for upload in flatten(input)]


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
