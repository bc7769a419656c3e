"""Settings shared by every environment. Environment-specific modules import from here."""

import json
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LEERNETWERK_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "cms",
    "cms.search",
    "kennisbank",
    "kennisbank.handreiking",
    "oefeningen",
    "leernetwerk",
    "leernetwerk.leercyclus",
    "leernetwerk.herinneringen",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.GebruikersbeheerConfig",  # wagtail.users; only superusers grant superuser
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.middleware.SiteUitCacheMiddleware",
    "cms.invoer.StuurtekensMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "cms.huidige.HuidigeGebruikerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.navigatie",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "leernetwerk.sqlite3",
        "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20},
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "cms.sessies.Wachtwoordbackend",  # Django's ModelBackend, reading the user prepared
    "cms.oidc_inloggen.OidcBackend",  # only acts on the callback of an OIDC sign-in
]

LOGIN_URL = "inloggen"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "inloggen"
WAGTAILADMIN_LOGIN_URL = "/inloggen/"
WAGTAIL_FRONTEND_LOGIN_URL = "/inloggen/"

# The platform speaks Dutch to everyone: no LocaleMiddleware, so an English browser does not get
# English month names and decimal points inside Dutch pages. Texts are wrapped in gettext, so an
# English translation can follow; the Wagtail admin applies each user's own admin language.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: keep them small; imports and images only.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "odt"]

SESSION_ENGINE = "cms.sessies"  # Django's database sessions, read with a prepared query
SESSION_COOKIE_AGE = 60 * 60 * 10  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

WAGTAIL_SITE_NAME = "Leernetwerk"
# No avatars from gravatar.com: that would send a hash of each editor's e-mail address abroad
# (and the Content-Security-Policy blocks images from elsewhere anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]

# Rendered fragments of shared content (cms.inhoudcache) and Wagtail's own caches: local memory
# per worker by default. Several machines: CACHE_BACKEND=django.core.cache.backends.redis.
# RedisCache with CACHE_LOCATION=redis://host:6379/1 (or PyMemcacheCache and host:11211).
CACHE_BACKEND = os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache")
CACHES = {"default": {"BACKEND": CACHE_BACKEND, "LOCATION": os.environ.get("CACHE_LOCATION", "")}}
if CACHE_BACKEND.endswith("LocMemCache"):
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 5000}

SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", VAR_DIR / "zoekindex"))
# Search backend, chosen by configuration only: "whoosh" (default: our Dutch-aware backend in
# cms/search/backend.py, index in SEARCH_INDEX_DIR), "database" (modelsearch's backend for the
# configured database: SQLite FTS5 or PostgreSQL full text) or e.g. OpenSearch by editing this.
ZOEKBACKENDS = {
    "whoosh": {"BACKEND": "cms.search.backend", "SOORTWOORDEN": True},
    "database": {"BACKEND": "cms.search.database"},
}
WAGTAILSEARCH_BACKENDS = {"default": ZOEKBACKENDS[os.environ.get("ZOEKBACKEND", "whoosh")]}

# Intervisie content (casus, notes, leerpunten) is removed after this many months by
# `manage.py intervisie_opschonen`; dates, duration and attendance stay.
INTERVISIE_BEWAARTERMIJN_MAANDEN = int(os.environ.get("INTERVISIE_BEWAARTERMIJN_MAANDEN", "24"))

# `manage.py backup_maken` writes into BACKUP_DIR (0700, archives 0600) and keeps only the newest
# BACKUP_BEWAAR_AANTAL there: backups hold intervisie content until they rotate out.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
# PDFs of the handreiking, one per book version, built by the "achtergrond" task worker.
HANDREIKING_PDF_DIR = Path(os.environ.get("HANDREIKING_PDF_DIR", VAR_DIR / "handreiking-pdf"))

BACKUP_BEWAAR_AANTAL = int(os.environ.get("BACKUP_BEWAAR_AANTAL", "14"))

# Two task backends. "default" runs in the request: Wagtail's and modelsearch's own tasks (search
# index, reference index, image focal points, file clean-up) use it, so a saved page is findable
# at once. "achtergrond" (django-tasks-db) queues long work (the spreadsheet import) in the
# database; `manage.py db_worker --backend achtergrond` runs it beside the site
# (`make start` starts it, production runs it as a service: see the README).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "achtergrond": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def _proxy_aantal():
    waarde = os.environ.get("VERTROUWDE_PROXY_AANTAL", "0").strip()
    if not waarde.isdigit():
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "VERTROUWDE_PROXY_AANTAL moet een heel getal zijn: het aantal eigen reverse proxy's "
            f"voor Leernetwerk (0 als er geen is), niet {waarde!r}."
        )
    return int(waarde)


# Login throttling locks the combination of account and client address: five wrong passwords
# lock that account from that address only, so an attacker elsewhere cannot lock the real user
# out, and users behind one proxy do not lock each other out. The client address comes from
# cms.beveiliging.client_adres: X-Forwarded-For counts only behind VERTROUWDE_PROXY_AANTAL of
# our own proxies (0: the header is ignored, REMOTE_ADDR counts).
VERTROUWDE_PROXY_AANTAL = _proxy_aantal()
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.beveiliging.client_adres"
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"


def _oidc_organisaties():
    waarde = os.environ.get("OIDC_ORGANISATIES", "").strip()
    if not waarde:
        return {}
    try:
        organisaties = json.loads(waarde)
    except ValueError as fout:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"OIDC_ORGANISATIES is geen geldige JSON ({fout}). Verwacht: "
            '{"<issuer>": {"organisatie": "<slug>", "rollen": {"<claimwaarde>": "<rol>"}}}'
        ) from fout
    return organisaties


# Sign-in with the gemeente's own account (OpenID Connect, mozilla-django-oidc). Off unless
# OIDC_RP_CLIENT_ID and OIDC_OP_DISCOVERY_URL are set; local login always stays. Endpoints and
# the issuer come from the discovery document unless set here (OIDC_OP_TOKEN_ENDPOINT, ...).
# OIDC_ORGANISATIES: per issuer the organisation (slug) and which values of the role claims
# (OIDC_ROLLEN_CLAIMS) give which of the five roles; an issuer without mapping gives no role.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_DISCOVERY_URL = os.environ.get("OIDC_OP_DISCOVERY_URL", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_ROLLEN_CLAIMS = [
    c.strip() for c in os.environ.get("OIDC_ROLLEN_CLAIMS", "roles,groups").split(",") if c.strip()
]
OIDC_ORGANISATIES = _oidc_organisaties()
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "leernetwerk@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "leernetwerk": {"handlers": ["console"], "level": "INFO"},
        "leernetwerk.audit": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
