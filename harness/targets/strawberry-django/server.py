"""upspec target: Strawberry's Django view (strawberry.django.views.GraphQLView), served by
gunicorn.

Serves the conformance schema at /graphql on $HOST:$PORT. Strawberry is code-first, so the
types below are harness/schema.graphql written in Strawberry; at startup the printed schema is
compared with that file and the server refuses to start if they differ. The app is Strawberry's
documented Django setup with file uploads turned on as its documentation says
(GraphQLView.as_view(schema=schema, multipart_uploads_enabled=True)); since 0.243 the view is no
longer exempt from Django's CSRF protection, and this app keeps it, so clients send Django's
CSRF cookie and X-CSRFToken header (target.json). Django parses the multipart body with its
default settings; the rest of the project is common/upspec_django.py. gunicorn runs the WSGI
application with its defaults (sync worker) except for 2 workers and no control socket. Nothing
here catches or rewrites the errors of Strawberry or Django.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what Django's UploadedFile reports (name, content_type).
"""

import sys
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))

from upspec_django import configure
from upspec_uploads import (
    SCHEMA,
    expect_upload,
    flatten,
    receive_chunks,
    resolve_each,
    run_gunicorn,
)

configure(__name__)

import strawberry  # noqa: E402
from django.core.files.uploadedfile import UploadedFile as DjangoUploadedFile  # noqa: E402
from django.urls import path  # noqa: E402
from graphql import build_schema, lexicographic_sort_schema, print_schema  # noqa: E402
from strawberry.django.views import GraphQLView  # noqa: E402
from strawberry.file_uploads import Upload  # noqa: E402


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


def receive(upload) -> UploadedFile:
    """Reads all of one upload's bytes and reports them (the view executes synchronously, so
    reads of an upload placed at several paths never interleave)."""
    expect_upload(upload, DjangoUploadedFile)
    upload.seek(0)
    return UploadedFile(**receive_chunks(upload.name, upload.content_type, upload.chunks()))


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
    def single(self, file: Upload) -> UploadedFile:
        return receive(file)

    @strawberry.mutation
    def optional(self, file: Optional[Upload] = strawberry.UNSET) -> Optional[UploadedFile]:
        return None if given(file) is None else receive(file)

    @strawberry.mutation
    def multiple(self, files: list[Upload]) -> list[UploadedFile]:
        return resolve_each(receive, files)

    @strawberry.mutation
    def tree(self, input: UploadTree) -> list[UploadedFile]:
        return resolve_each(receive, flatten(given(input), lambda tree, name: given(getattr(tree, name))))

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

urlpatterns = [path("graphql", GraphQLView.as_view(schema=schema, multipart_uploads_enabled=True))]

if __name__ == "__main__":
    from django.core.wsgi import get_wsgi_application

    run_gunicorn(get_wsgi_application())
