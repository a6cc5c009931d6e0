"""Settings for the PDC/kennisbank CMS.

Everything that differs between a laptop, CI and production comes from environment variables
with safe defaults; see README.md ("Configuration") for the full list.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# pytest >= 8.2 sets PYTEST_VERSION for the whole session.
TESTING = "PYTEST_VERSION" in os.environ
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: set SECRET_KEY (production), "
            "or run with DEBUG=1 for local development."
        )
    # Local use only: generate once and keep it, so sessions survive a restart.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "catalogue",
    "api",
    "search",
    "themes",
    "graphene_django",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.users_app.UsersAppConfig",  # wagtail.users, with audited group views
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
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
    "cms.robots.NoIndexMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "themes" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (API, search) run while an editor saves.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "nl")
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

# Public holidays used for opening hours and working-day lead times.
PUBLIC_HOLIDAYS_COUNTRY = os.environ.get("PUBLIC_HOLIDAYS_COUNTRY", "NL")
PUBLIC_HOLIDAYS_SUBDIVISION = os.environ.get("PUBLIC_HOLIDAYS_SUBDIVISION") or None

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "themes" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Producten en diensten")
WAGTAILADMIN_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt"]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Dates in admin forms as Dutch editors write them (cms/admin_formats.py).
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
# Off by default: the admin would fetch releases.wagtail.org from every superuser's browser
# (a third-party request, and a console error on networks without internet access).
WAGTAIL_ENABLE_UPDATE_CHECK = env_bool("WAGTAIL_UPDATE_CHECK", False)

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pdc@localhost")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# --- Editorial governance and content quality (cms/, issue 6) ---
# Phone numbers texts may mention besides a service's own public number.
CENTRAL_PHONE_NUMBERS = env_list("CENTRAL_PHONE_NUMBERS", "14 0555")
# Flesch-Douma score a text should reach (60 = "normaal", the usual B1 target).
READABILITY_TARGET = float(os.environ.get("READABILITY_TARGET") or 60)
LONG_SENTENCE_WORDS = env_int("LONG_SENTENCE_WORDS", 20)
# A review date this many days ahead counts as "due soon" (dashboard, reminders).
REVIEW_DUE_SOON_DAYS = env_int("REVIEW_DUE_SOON_DAYS", 30)
LINK_CHECK_TIMEOUT = env_int("LINK_CHECK_TIMEOUT", 10)
LINK_CHECK_WORKERS = env_int("LINK_CHECK_WORKERS", 8)

# --- GraphQL API (api/, issue 3) ---
GRAPHENE = {"SCHEMA": "api.schema.schema"}
# Limits per request; beyond one the API answers 400 with an error naming the limit.
GRAPHQL_MAX_QUERY_LENGTH = env_int("GRAPHQL_MAX_QUERY_LENGTH", 10_000)  # characters
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 12)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 30)
GRAPHQL_MAX_COST = env_int("GRAPHQL_MAX_COST", 50_000)
GRAPHQL_MAX_BATCH = env_int("GRAPHQL_MAX_BATCH", 10)  # operations in one POSTed list
GRAPHQL_MAX_PAGE_SIZE = env_int("GRAPHQL_MAX_PAGE_SIZE", 100)
GRAPHQL_DEFAULT_PAGE_SIZE = env_int("GRAPHQL_DEFAULT_PAGE_SIZE", 20)
GRAPHQL_MAX_STRING_LENGTH = env_int("GRAPHQL_MAX_STRING_LENGTH", 1_000)  # per argument/variable
# Anonymous GET: Cache-Control max-age, and how long a response is kept in Django's cache
# (keyed by the content version, so a publish invalidates it at once; 0 = off).
GRAPHQL_CACHE_MAX_AGE = env_int("GRAPHQL_CACHE_MAX_AGE", 60)
GRAPHQL_RESPONSE_CACHE_SECONDS = env_int("GRAPHQL_RESPONSE_CACHE_SECONDS", 300)
# Origins of the websites that may call the API from a browser ("*" for any).
GRAPHQL_CORS_ORIGINS = env_list("GRAPHQL_CORS_ORIGINS")
GRAPHQL_GRAPHIQL = env_bool("GRAPHQL_GRAPHIQL", True)
# Signed preview links for the headless website; {token} is replaced by the preview token.
GRAPHQL_PREVIEW_MAX_AGE = env_int("GRAPHQL_PREVIEW_MAX_AGE", 3600)  # seconds
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")

# --- Search (search/, issue 4) ---
# "database" (SQLite FTS5 / PostgreSQL full text, in the content's own database) or
# "elasticsearch"; the database index is always kept too and answers when ES is down.
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "database")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "pdc-search")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 2)
# How long a process may use its cached vocabulary (typo correction, compounds) after
# the index changed; exact matches are always current.
SEARCH_VOCABULARY_REFRESH_SECONDS = env_int(
    "SEARCH_VOCABULARY_REFRESH_SECONDS", 0 if TESTING else 10
)
# Searches are logged (no personal data) for the admin report; days they are kept.
SEARCH_LOG_ENABLED = env_bool("SEARCH_LOG_ENABLED", True)
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 365)

# --- Search: Elasticsearch engine (search/engines/elasticsearch.py, issue 4) ---
# Credentials: an API key, or user:password in ELASTICSEARCH_URL; a CA bundle for TLS.
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_SHARDS = env_int("ELASTICSEARCH_SHARDS", 1)
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", 1)
# After a connection failure, searches go straight to the database for this many seconds.
ELASTICSEARCH_RETRY_SECONDS = env_int("ELASTICSEARCH_RETRY_SECONDS", 0 if TESTING else 30)
# Size of the compound-splitting dictionary built from the content at each rebuild.
ELASTICSEARCH_DECOMPOUND_WORDS = env_int("ELASTICSEARCH_DECOMPOUND_WORDS", 20_000)

# --- Themes and the KCC console (themes/, issue 5) ---
# No asset from another host at run time: Wagtail's admin would load avatars from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
