"""What every Python target app shares: the suite's schema path, reading an upload's bytes and
reporting them, the UploadTree walk, per-item errors for lists, and the gunicorn runner.

Standard library only at import time: it is put on sys.path by target folders whose own
virtual environments hold the servers, and a server's class (Starlette's UploadFile, Django's
UploadedFile, ...) is passed in rather than imported here.
"""

import asyncio
import hashlib
import os
import weakref
from pathlib import Path

SCHEMA = Path(__file__).resolve().parent.parent.parent / "schema.graphql"

CHUNK = 64 * 1024


def expect_upload(upload, kind):
    """Refuses anything but the server's own upload object, as a GraphQL error."""
    if not isinstance(upload, kind):
        raise ValueError(f"expected an uploaded file, got {type(upload).__name__}")


class Tally:
    """The size and SHA-256 of an upload's bytes, as they are read."""

    def __init__(self):
        self.size = 0
        self.digest = hashlib.sha256()

    def add(self, chunk):
        self.size += len(chunk)
        self.digest.update(chunk)

    def report(self, filename, mimetype):
        """The schema's UploadedFile fields."""
        return {
            "filename": filename,
            "mimetype": mimetype,
            "size": self.size,
            "sha256": self.digest.hexdigest(),
        }


def receive_chunks(filename, mimetype, chunks):
    """Reads every chunk of an upload and reports it."""
    tally = Tally()
    for chunk in chunks:
        tally.add(chunk)
    return tally.report(filename, mimetype)


def read_chunks(stream):
    """A binary stream's bytes from the start, in chunks. The same upload object is placed at
    every path the map names for it, so each read starts from the beginning."""
    stream.seek(0)
    while chunk := stream.read(CHUNK):
        yield chunk


# One lock per upload object: resolvers run concurrently on ASGI, so each read of a shared
# upload rewinds and reads the whole file alone.
_locks: "weakref.WeakKeyDictionary[object, asyncio.Lock]" = weakref.WeakKeyDictionary()


async def receive_starlette(upload, upload_file_class):
    """Reads all of one Starlette UploadFile's bytes and reports them."""
    expect_upload(upload, upload_file_class)
    tally = Tally()
    async with _locks.setdefault(upload, asyncio.Lock()):
        await upload.seek(0)
        while chunk := await upload.read(CHUNK):
            tally.add(chunk)
    return tally.report(upload.filename, upload.content_type)


def flatten(tree, field=lambda tree, name: tree.get(name)):
    """The uploads of an UploadTree, depth first: file, files in order (nulls skipped), child.
    `field` reads one input field of a tree node (a dict by default), None when it is unset."""
    uploads = []
    while tree is not None:
        if (file := field(tree, "file")) is not None:
            uploads.append(file)
        uploads.extend(upload for upload in field(tree, "files") or [] if upload is not None)
        tree = field(tree, "child")
    return uploads


def resolve_each(receive, uploads):
    """Resolves each upload on its own for a synchronous executor. An upload that fails becomes
    the exception itself as the list item, which graphql-core reports at that item's index
    (["multiple", 1]) rather than at the field."""
    items = []
    for upload in uploads:
        try:
            items.append(receive(upload))
        except Exception as error:  # reported by graphql-core, not swallowed
            items.append(error)
    return items


def run_gunicorn(application):
    """Serves a WSGI application with gunicorn's defaults (sync workers) on $HOST:$PORT, except
    for 2 workers, so that two requests can be in flight, and no control socket."""
    from gunicorn.app.base import BaseApplication  # from the target's own environment

    class Server(BaseApplication):
        def load_config(self):
            host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", 2)
            # gunicorn 27 opens a control socket under ~/.gunicorn by default: not wanted here.
            self.cfg.set("control_socket_disable", True)

        def load(self):
            return application

    Server().run()
