"""Local development: DEBUG on, SQLite in ./var, console e-mail."""

import os

from cms.bestanden import prive_map

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-niet-geheim-leernetwerk")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

prive_map(VAR_DIR)  # noqa: F405
