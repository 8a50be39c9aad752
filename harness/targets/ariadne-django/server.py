"""upspec target: Ariadne on Django through ariadne-django's GraphQLView, served by gunicorn.

Serves the conformance schema (harness/schema.graphql, loaded as SDL) at /graphql on
$HOST:$PORT. Ariadne 1.x has no Django view of its own; ariadne-django is the package its
documentation points Django users to. The app is ariadne-django's documented setup:
"ariadne_django" in INSTALLED_APPS, make_executable_schema with Ariadne's upload_scalar, and
GraphQLView.as_view(schema=schema) as the /graphql view (the view exempts itself from CSRF).
Django parses the multipart body (request.POST, request.FILES) with its default settings; the
rest of the project is common/upspec_django.py. gunicorn runs the WSGI application with its
defaults (sync worker) except for 2 workers and no control socket. Nothing here catches or
rewrites the errors of ariadne-django, Ariadne or Django.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what Django's UploadedFile reports (name, content_type).
"""

import sys
from pathlib import Path

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

configure(__name__, installed_apps=["ariadne_django"])

from ariadne import (  # noqa: E402
    MutationType,
    QueryType,
    load_schema_from_path,
    make_executable_schema,
    upload_scalar,
)
from ariadne_django.views import GraphQLView  # noqa: E402
from django.core.files.uploadedfile import UploadedFile  # noqa: E402
from django.urls import path  # noqa: E402

query = QueryType()
mutation = MutationType()


def receive(upload):
    """Reads all of one upload's bytes and reports them (execution is synchronous, so reads of
    an upload placed at several paths never interleave)."""
    expect_upload(upload, UploadedFile)
    upload.seek(0)
    return receive_chunks(upload.name, upload.content_type, upload.chunks())


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
urlpatterns = [path("graphql", GraphQLView.as_view(schema=schema))]

if __name__ == "__main__":
    from django.core.wsgi import get_wsgi_application

    run_gunicorn(get_wsgi_application())
