"""Settings for running modelsearch's own BackendTests against cms.search.backend.

Only modelsearch, its test app and what they need are installed (not Wagtail, whose
wagtail.search would be a second modelsearch app). Run: `make test` does it, or
`python -m pytest --ds=cms.settings.modelsearch_suite --noconftest -o python_files='suite_*.py'
tests/modelsearch_suite`.
"""

import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = "test-only-modelsearch-suite"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

INSTALLED_APPS = [
    "modelsearch.test.testapp",
    "modelsearch",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = []
ROOT_URLCONF = "modelsearch.test.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": []},
    }
]
STATIC_URL = "/static/"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The `search` fixture of the django-modelsearch repository (not shipped in its wheel), in
# ../shared beside the checkout (a worktree one level deeper looks one level further up).
FIXTURE_DIRS = [
    pad
    for pad in (
        BASE_DIR.parent / "shared" / "modelsearch-fixtures",
        BASE_DIR.parent.parent / "shared" / "modelsearch-fixtures",
    )
    if pad.is_dir()
][:1]

SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="leernetwerk-modelsearch-suite-"))
MODELSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
