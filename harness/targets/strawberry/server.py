"""upspec target: Strawberry's ASGI app (strawberry.asgi.GraphQL) served by uvicorn.

Serves the conformance schema at /graphql on $HOST:$PORT. Strawberry is code-first, so the
types below are harness/schema.graphql written in Strawberry; at startup the printed schema is
compared with that file and the server refuses to start if they differ. The app is Strawberry's
documented ASGI setup with file uploads turned on (multipart_uploads_enabled=True, off by
default since 0.243 for CSRF reasons), run by uvicorn with its defaults. Strawberry parses
multipart requests with Starlette's Request.form() (python-multipart underneath). Nothing here
catches or rewrites Strawberry's errors.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what Starlette's UploadFile reports for the part.
"""

import os
import sys
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))

import strawberry
import uvicorn
from graphql import build_schema, lexicographic_sort_schema, print_schema
from starlette.datastructures import UploadFile
from strawberry.asgi import GraphQL
from strawberry.file_uploads import Upload
from upspec_uploads import SCHEMA, flatten, receive_starlette


@strawberry.type
class UploadedFile:
    filename: str
    mimetype: str
    size: int
    sha256: str


@strawberry.input
class UploadTree:
    file: Optional[Upload]
    files: Optional[list[Optional[Upload]]]
    child: Optional["UploadTree"]


async def receive(upload) -> UploadedFile:
    return UploadedFile(**await receive_starlette(upload, UploadFile))


def given(value):
    """A missing argument or input field (UNSET) counts as null."""
    return None if value is None or value is strawberry.UNSET else value


@strawberry.type
class Query:
    @strawberry.field
    def ping(self) -> bool:
        return True


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def single(self, file: Upload) -> UploadedFile:
        return await receive(file)

    @strawberry.mutation
    async def optional(self, file: Optional[Upload] = strawberry.UNSET) -> Optional[UploadedFile]:
        return None if given(file) is None else await receive(file)

    # Lists of awaitables: graphql-core completes each item on its own, so an upload that fails
    # is reported at its own index (["multiple", 1]) rather than at the field.
    @strawberry.mutation
    def multiple(self, files: list[Upload]) -> list[UploadedFile]:
        return [receive(upload) for upload in files]

    @strawberry.mutation
    def tree(self, input: UploadTree) -> list[UploadedFile]:
        return [receive(upload) for upload in flatten(given(input), lambda tree, name: given(getattr(tree, name)))]

    @strawberry.mutation
    def echo(self, value: Optional[str] = strawberry.UNSET) -> Optional[str]:
        return given(value)

    # Returns the Upload value itself, to observe how Strawberry's Upload scalar serialises it.
    @strawberry.mutation
    def echo_upload(self, file: Optional[Upload] = strawberry.UNSET) -> Optional[Upload]:
        return given(file)


schema = strawberry.Schema(query=Query, mutation=Mutation)

# The code-first schema must be the conformance schema, type for type and field for field.
# (Descriptions aside: Strawberry's Upload scalar has one.)
def _canonical(sdl: str) -> str:
    printed = print_schema(lexicographic_sort_schema(build_schema(sdl)))
    return printed.replace('"""Represents a file upload."""\n', "")


if _canonical(SCHEMA.read_text()) != _canonical(str(schema)):
    raise SystemExit(f"schema differs from {SCHEMA}:\n{schema}")

app = GraphQL(schema, multipart_uploads_enabled=True)

if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
