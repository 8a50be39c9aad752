"""upspec target: graphene-file-upload's Django view (FileUploadGraphQLView) on graphene-django,
served by gunicorn.

Serves the conformance schema at /graphql on $HOST:$PORT. Graphene is code-first, so the types
below are harness/schema.graphql written in Graphene; at startup the printed schema is compared
with that file and the server refuses to start if they differ. The app is the setup of
graphene-file-upload's README: the Upload scalar from graphene_file_upload.scalars and
FileUploadGraphQLView.as_view() as the /graphql view, wrapped in csrf_exempt as graphene-django's
documentation does. Django parses the multipart body (request.POST, request.FILES) with its
default settings; the middleware is that of a new Django project minus the parts that need a
database (sessions, auth, messages). gunicorn runs the WSGI application with its defaults (sync
worker) except for 2 workers and no control socket. Nothing here catches or rewrites the
errors of graphene-file-upload, graphene-django or Django.

The resolvers report what actually arrived: every byte of every upload is read and hashed;
the filename and the mimetype are what Django's UploadedFile reports (name, content_type).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))

import django
from django.conf import settings
from upspec_uploads import (
    SCHEMA,
    expect_upload,
    flatten,
    receive_chunks,
    resolve_each,
    run_gunicorn,
)

settings.configure(
    DEBUG=False,
    SECRET_KEY="upspec-target-not-a-secret",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "graphene_django"],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    DATABASES={},
    USE_TZ=True,
    # Logging only: unhandled errors go to stderr (the log) instead of mail_admins.
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
    },
)
django.setup()

import graphene  # noqa: E402
from django.core.files.uploadedfile import UploadedFile as DjangoUploadedFile  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from graphene_file_upload.django import FileUploadGraphQLView  # noqa: E402
from graphene_file_upload.scalars import Upload  # noqa: E402
from graphql import build_schema, lexicographic_sort_schema, print_schema  # noqa: E402


class UploadedFile(graphene.ObjectType):
    filename = graphene.String(required=True)
    mimetype = graphene.String(required=True)
    size = graphene.Int(required=True)
    sha256 = graphene.String(required=True)


class UploadTree(graphene.InputObjectType):
    file = Upload()
    files = graphene.List(Upload)
    child = graphene.InputField(lambda: UploadTree)


def receive(upload):
    """Reads all of one upload's bytes and reports them (execution is synchronous, so reads of
    an upload placed at several paths never interleave)."""
    expect_upload(upload, DjangoUploadedFile)
    upload.seek(0)
    return UploadedFile(**receive_chunks(upload.name, upload.content_type, upload.chunks()))


class Query(graphene.ObjectType):
    ping = graphene.Boolean(required=True)

    def resolve_ping(root, info):
        return True


class Mutation(graphene.ObjectType):
    single = graphene.Field(UploadedFile, required=True, file=Upload(required=True))
    optional = graphene.Field(UploadedFile, file=Upload())
    multiple = graphene.NonNull(
        graphene.List(graphene.NonNull(UploadedFile)),
        files=graphene.NonNull(graphene.List(graphene.NonNull(Upload))),
    )
    tree = graphene.NonNull(
        graphene.List(graphene.NonNull(UploadedFile)),
        input=graphene.NonNull(UploadTree),
    )
    echo = graphene.String(value=graphene.String())
    # Returns the Upload value itself, to observe how graphene-file-upload's scalar serialises it.
    echo_upload = graphene.Field(Upload, file=Upload())

    def resolve_single(root, info, file):
        return receive(file)

    def resolve_optional(root, info, file=None):
        return None if file is None else receive(file)

    def resolve_multiple(root, info, files):
        return resolve_each(receive, files)

    def resolve_tree(root, info, input):
        return resolve_each(receive, flatten(input))

    def resolve_echo(root, info, value=None):
        return value

    def resolve_echo_upload(root, info, file=None):
        return file


schema = graphene.Schema(query=Query, mutation=Mutation)


# The code-first schema must be the conformance schema, type for type and field for field.
# (Descriptions aside: graphene-file-upload's Upload scalar has one.)
def _canonical(sdl: str) -> str:
    return print_schema(lexicographic_sort_schema(build_schema(sdl, no_location=True)))


def _without_descriptions(sdl: str) -> str:
    from graphql import parse, print_ast, visit, Visitor

    class Strip(Visitor):
        def enter(self, node, *_):
            if getattr(node, "description", None) is not None:
                node.description = None

    document = parse(sdl)
    visit(document, Strip())
    return print_ast(document)


if _canonical(_without_descriptions(SCHEMA.read_text())) != _canonical(_without_descriptions(str(schema))):
    raise SystemExit(f"schema differs from {SCHEMA}:\n{schema}")

urlpatterns = [path("graphql", csrf_exempt(FileUploadGraphQLView.as_view(schema=schema)))]

if __name__ == "__main__":
    from django.core.wsgi import get_wsgi_application

    sys.modules.setdefault("server", sys.modules[__name__])
    run_gunicorn(get_wsgi_application())
