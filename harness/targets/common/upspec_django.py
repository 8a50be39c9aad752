"""Django settings shared by the Django target apps: a new project's defaults as far as an app
without a database has them, configured in code so that each app is one file.

Standard library only at import time, like upspec_uploads: Django comes from the target's own
virtual environment and is imported when configure() is called.
"""


def configure(urlconf, installed_apps=()):
    """Configures Django for the app whose URLs are in the module `urlconf`: DEBUG off, the
    middleware of `django-admin startproject` minus sessions, auth and messages (they need a
    database), CSRF protection included, and unhandled errors logged to stderr (the target's
    log) instead of mailed. Upload limits stay at Django's defaults."""
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="upspec-target-not-a-secret",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=urlconf,
        INSTALLED_APPS=["django.contrib.contenttypes", *installed_apps],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
        DATABASES={},
        USE_TZ=True,
        LOGGING={
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"console": {"class": "logging.StreamHandler"}},
            "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
        },
    )
    django.setup()
