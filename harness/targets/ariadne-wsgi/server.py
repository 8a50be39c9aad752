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

import hashlib
import os
from pathlib import Path

from ariadne import (
    MutationType,
    QueryType,
    load_schema_from_path,
    make_executable_schema,
    upload_scalar,
)
from ariadne.wsgi import GraphQL
from python_multipart.multipart import File

SCHEMA = Path(__file__).resolve().parent.parent.parent / "schema.graphql"

query = QueryType()
mutation = MutationType()


def receive(upload):
    """Reads all of one upload's bytes and reports them.

    The same File is placed at every path the map names for it, so each read starts from the
    beginning; execution is synchronous, so reads never interleave.
    """
    if not isinstance(upload, File):
        raise ValueError(f"expected an uploaded file, got {type(upload).__name__}")
    stream = upload.file_object
    stream.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(64 * 1024):
        size += len(chunk)
        digest.update(chunk)
    filename = upload.file_name
    return {
        "filename": filename.decode("utf-8", "replace") if filename is not None else None,
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


def resolve_each(uploads):
    """Resolves each upload on its own. An upload that fails becomes the exception itself as the
    list item, which graphql-core reports at that item's index (["multiple", 1]) rather than at
    the field (execution is synchronous, so there are no per-item awaitables as on ASGI)."""
    items = []
    for upload in uploads:
        try:
            items.append(receive(upload))
        except Exception as error:  # reported by graphql-core, not swallowed
            items.append(error)
    return items


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
    return resolve_each(files)


@mutation.field("tree")
def resolve_tree(*_, input):
    return resolve_each(flatten(input, []))


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
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
            self.cfg.set("workers", 2)
            # gunicorn 27 opens a control socket under ~/.gunicorn by default: not wanted here.
            self.cfg.set("control_socket_disable", True)

        def load(self):
            return app

    Server().run()
