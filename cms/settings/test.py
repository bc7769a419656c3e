"""Test settings: fast hashing, in-memory e-mail, a throw-away search index per run."""

import os
import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-niet-geheim"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = os.environ.get("AXES_ENABLED", "0") == "1"
# Tests run every task in the request; a test that needs the queue overrides TASKS.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "achtergrond": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="leernetwerk-test-index-"))
HANDREIKING_PDF_DIR = Path(tempfile.mkdtemp(prefix="leernetwerk-test-pdf-"))

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES["default"]["OPTIONS"] = {}
