"""upspec target: Ariadne's WSGI app (ariadne.wsgi.GraphQL) served by gunicorn.

Serves the conformance schema (harness/schema.graphql, loaded as SDL) at /graphql on
$HOST:$PORT. The app is Ariadne's documented setup: make_executable_schema with upload_scalar,
GraphQL(schema) as the WSGI application. Ariadne parses multipart requests itself with
python-multipart's parse_form and its default configuration. gunicorn runs it with its
defaults (sync workers) except for the number of workers, 2 instead of 1, so that two requests
can be in flight, and its control socket, which is turned off. Nothing here catches or rewrites Ariadne's errors.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what python-multipart's File reports for the part
(file_name, bytes, decoded as UTF-8; content_type).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))

from ariadne import (
    MutationType,
    QueryType,
    load_schema_from_path,
    make_executable_schema,
    upload_scalar,
)
from ariadne.wsgi import GraphQL
from python_multipart.multipart import File
from upspec_uploads import (
    SCHEMA,
    expect_upload,
    flatten,
    read_chunks,
    receive_chunks,
    resolve_each,
    run_gunicorn,
)

query = QueryType()
mutation = MutationType()


def receive(upload):
    """Reads all of one upload's bytes and reports them (execution is synchronous, so reads of
    an upload placed at several paths never interleave)."""
    expect_upload(upload, File)
    filename = upload.file_name
    return receive_chunks(
        filename.decode("utf-8", "replace") if filename is not None else None,
        upload.content_type,
        read_chunks(upload.file_object),
    )


@query.field("ping")
def resolve_ping(*_):
    return True


@mutation.field("single")
def resolve_single(*_, file):
    return receive(file)


@mutation.field("optional")
def resolve_optional(*_, file=None):
    return None if file is None else receive(file)


@mutation.field("multiple")
def resolve_multiple(*_, files):
    return resolve_each(receive, files)


@mutation.field("tree")
def resolve_tree(*_, input):
    return resolve_each(receive, flatten(input))


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
    run_gunicorn(app)
