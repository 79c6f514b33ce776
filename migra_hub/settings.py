"""Settings for Migra Hub, driven by environment variables (see .env.example)."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from migra_hub import embedded_db
from migra_hub.env import (
    env_bool,
    env_date,
    env_email,
    env_int,
    env_json_object,
    env_list,
    env_str,
    env_url,
    parse_database_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

TESTING = "pytest" in sys.modules or env_bool("TESTING")
DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Migra Hub"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "django.contrib.postgres",
    "django_filters",
    "mailer",
    "allauth",
    "allauth.account",
    "csp",
    "simple_history",
    "parler",
    "migra_hub",
    "accounts",
    "organisations",
    "networks",
    "events",
    "exchange",
    "funding",
    "following",
    "opendata",
    "workspace",
    "accessibility",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, so that its Content-Length is computed on the converted page.
    "migra_hub.languages.LocalDigitsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "migra_hub.urls"
WSGI_APPLICATION = "migra_hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "migra_hub.context_processors.site",
            ],
        },
    },
]
FORM_RENDERER = "migra_hub.forms.FormRenderer"

# Database: PostgreSQL, the server DATABASE_URL names. Without it, in development and tests, the
# embedded server under var/postgres (migra_hub/embedded_db.py): manage.py with DEBUG on and
# pytest start it when it is not running, and reuse it when it is.
DATABASE_URL = env_str("DATABASE_URL", default="")
if not DATABASE_URL:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "DATABASE_URL is required when DEBUG is off (DEBUG=true uses the embedded PostgreSQL)."
        )
    DATABASE_URL = embedded_db.ensure_running() if TESTING else embedded_db.url()
DATABASES = {"default": parse_database_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. Throwaway data (directory counts, filter choices) lives in the "directory" cache:
# Redis when REDIS_URL is set (required with more than one app host), otherwise a database cache
# table, shared by the processes of one host and culled when full. What must survive is never in
# a culling cache: the directory's version is a database row (organisations.directory_version);
# our rate-limit counters are Redis keys or rows of their own table (migra_hub.ratelimit);
# sessions are rows of the session table, with Redis only as a read cache in front of them.
# The default cache holds only what libraries keep there (allauth's counters of failed logins):
# without Redis a table of its own that culls only expired rows long before it is ever full.
REDIS_URL = env_str("REDIS_URL", default="")
CACHES: dict[str, dict[str, Any]]
if TESTING:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "directory": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "directory",
        },
    }
elif REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "directory": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "directory",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
        "directory": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache_directory",
        },
    }
RATE_LIMIT_STORE = "cache" if REDIS_URL else "database"
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
# After signing up, registering one's organisation is the next step.
ACCOUNT_SIGNUP_REDIRECT_URL = "organisations:mine"

# django-allauth: e-mail is the login, verification is mandatory, rate limits stay on.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Migra Hub] "
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # "key" of login_failed: the address together with the client IP (accounts.adapter).
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# --- Account security and privacy (accounts) -----------------------------------------------------
# Everyone who sees other people's personal data (site administrators, district staff, staff of
# city-wide networks) must set up a second factor first: an authenticator app (TOTP) or a
# security key (WebAuthn), with recovery codes as the fallback (django-allauth's MFA).
# accounts.middleware also marks the account's own pages "Cache-Control: private, no-store".
INSTALLED_APPS += ["allauth.mfa"]
MIDDLEWARE += [
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "accounts.middleware.PrivateAccountPagesMiddleware",
]
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# Browsers treat http://localhost as secure, the fido2 library does not: development only.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Failed logins are limited per (address, client IP) and per client IP (accounts.adapter): behind
# N reverse proxies the client's IP is the N-th entry from the right of X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0)
# --- end of account security and privacy ------------------------------------------------------

# E-mail: every mail is queued in the database (django-mailer) in the transaction of the action
# that sends it, so a mail server that is down never breaks a saved action and loses no mail.
# `manage.py send_queued_mail` delivers the queue (cron or systemd, docs/operations.md; `make run`
# starts it in development) through EMAIL_DELIVERY_BACKEND: SMTP in production, the console in
# development. pytest-django replaces EMAIL_BACKEND with its memory backend in tests.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="Migra Hub <noreply@migra-hub.invalid>")
SERVER_EMAIL = env_str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = "mailer.backend.DbBackend"
MAILER_EMAIL_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    MAILER_EMAIL_BACKEND = EMAIL_BACKEND
# Every failure defers the mail (not only SMTP errors), so one broken mail never blocks the queue.
MAILER_ERROR_HANDLER = "migra_hub.mail_queue.defer_after_failure"
# A deferred mail is tried again after 1, 2, 4, ... minutes, at most every 6 hours; after 12
# retries (about a day) it counts as failed and waits for staff in the admin.
MAILER_EMAIL_MAX_RETRIES = env_int("MAIL_MAX_RETRIES", default=12)
MAIL_RETRY_FIRST_SECONDS = env_int("MAIL_RETRY_FIRST_SECONDS", default=60)
MAIL_RETRY_MAX_SECONDS = env_int("MAIL_RETRY_MAX_SECONDS", default=6 * 3600)
# The log of delivery attempts keeps no copy of the mails (addresses, private links).
MAILER_EMAIL_LOG_MESSAGE_DATA = False
# One worker per host at a time (row locks keep workers on several hosts apart).
MAILER_LOCK_PATH = env_str("MAILER_LOCK_PATH", default=str(VAR_DIR / "send_mail"))
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10

# Languages: German is the default; the URL carries the language.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
]
# locale/ first (makemessages writes there); locale/allauth overrides django-allauth's German,
# which says "du" where we say "Sie". Earlier paths win over later ones and over the apps.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "allauth"]
# Vocabulary names (django-parler): one row per language, so an eighth interface language needs
# only an entry in LANGUAGES (README, "Languages"). A missing name falls back to German, then
# English. No cache of parler's own: pages prefetch the names ("translations") with the entries.
PARLER_DEFAULT_LANGUAGE_CODE = LANGUAGE_CODE
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": ["de", "en"], "hide_untranslated": False},
}
PARLER_ENABLE_CACHING = False
USE_I18N = True
# Our own formats where Django's differ from CLDR for the digits we show (Persian).
FORMAT_MODULE_PATH = ["migra_hub.formats"]
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", default="Europe/Berlin")
LANGUAGE_COOKIE_SECURE = not DEBUG and not TESTING
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# In development and tests whitenoise serves straight from the app folders (no collectstatic).
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Files browsers ask for at the root of the site (/favicon.ico), made by tools/render_icons.py.
WHITENOISE_ROOT = BASE_DIR / "public"
# The theme colour of the web app manifest and the browser's toolbar (--brand in site.css).
THEME_COLOUR = "#1d4e89"
# Uploaded files (migra_hub/files.py) go through Django's storage API: a folder under var/ by
# default, S3-compatible object storage in production through django-storages, e.g.
# FILE_STORAGE_BACKEND=storages.backends.s3.S3Storage and FILE_STORAGE_OPTIONS as a JSON object
# ({"bucket_name": ..., "endpoint_url": ...}; docs/deployment.md). Files are never served from
# MEDIA_URL: only the views that checked access send them.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
FILE_STORAGE_BACKEND = env_str(
    "FILE_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
)
FILE_STORAGE_OPTIONS = env_json_object("FILE_STORAGE_OPTIONS")
# The largest file people may upload (documents of networks, results of events).
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": FILE_STORAGE_BACKEND, "OPTIONS": FILE_STORAGE_OPTIONS},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security. Behind a TLS-terminating reverse proxy set SECURE_PROXY_SSL_HEADER_ENABLED=true
# (the proxy must set X-Forwarded-Proto and strip it from client requests).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
if env_bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy: no inline scripts or styles anywhere.
MAP_TILE_URL = env_str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]) if "://" in MAP_TILE_URL else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_tile_origin] if _tile_origin else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "plain"}
    },
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-mailer logs every recipient and subject at INFO: personal data stays out of logs.
        "mailer": {"level": "WARNING"},
    },
}

# Who runs this installation (the sender of the site, its imprint and privacy contact), shown
# in the header, the footer, the imprint and the privacy policy. The defaults are a clearly
# marked demo; `manage.py check --deploy` warns (migra_hub.W001) while they are in place.
# OPERATOR_ADDRESS: lines separated by "|", e.g. "Breite Straße 24-26|13187 Berlin".
# OPERATOR_LOGO: optional path of a static file, e.g. "operator/logo.svg".
DEMO_OPERATOR_NAME = "Bezirksamt Musterstadt (Demo)"
OPERATOR_NAME = env_str("OPERATOR_NAME", default=DEMO_OPERATOR_NAME)
OPERATOR_URL = env_str("OPERATOR_URL", default="")
OPERATOR_LOGO = env_str("OPERATOR_LOGO", default="")
OPERATOR_ADDRESS = env_str("OPERATOR_ADDRESS", default="Musterstraße 1|12345 Musterstadt")
OPERATOR_REPRESENTATIVE = env_str("OPERATOR_REPRESENTATIVE", default="")
OPERATOR_EMAIL = env_str("OPERATOR_EMAIL", default="kontakt@musterstadt.invalid")
OPERATOR_PHONE = env_str("OPERATOR_PHONE", default="")
OPERATOR_PRIVACY_CONTACT = env_str(
    "OPERATOR_PRIVACY_CONTACT", default="datenschutz@musterstadt.invalid"
)

# Data licence of the public directory (shown in the footer and the API).
DATA_LICENCE_NAME = env_str("DATA_LICENCE_NAME", default="CC BY 4.0")
DATA_LICENCE_URL = env_str(
    "DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/"
)

# Open data (opendata/): the country of our postal addresses (ISO 3166-1), the largest page of the
# HSDS API, and the largest file the import commands accept.
OPENDATA_COUNTRY = env_str("OPENDATA_COUNTRY", default="DE")
HSDS_DEFAULT_PER_PAGE = 25
HSDS_MAX_PER_PAGE = env_int("HSDS_MAX_PER_PAGE", default=100)
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
# An import file uploaded on the web waits this long for its confirmation, then it is deleted.
IMPORT_UPLOAD_HOURS = env_int("IMPORT_UPLOAD_HOURS", default=24)
# --- Events ------------------------------------------------------------------------------------
# Reminders go out this many days before an event (send_event_reminders, cron).
EVENTS_REMINDER_DAYS_BEFORE = env_int("EVENTS_REMINDER_DAYS_BEFORE", default=2)
# Personal data of registrations is deleted this many days after the event (purge_registrations).
EVENTS_PURGE_AFTER_DAYS = env_int("EVENTS_PURGE_AFTER_DAYS", default=90)
# Sign-ups per hour from one e-mail address and from one IP address (a shared wifi in a
# community centre is one IP address, hence the higher number).
EVENTS_SIGNUP_LIMIT_PER_EMAIL = env_int("EVENTS_SIGNUP_LIMIT_PER_EMAIL", default=5)
EVENTS_SIGNUP_LIMIT_PER_IP = env_int("EVENTS_SIGNUP_LIMIT_PER_IP", default=60)

# Peer exchange: posts per day and answers per hour one person may send.
EXCHANGE_POSTS_PER_DAY = env_int("EXCHANGE_POSTS_PER_DAY", default=10)
EXCHANGE_ANSWERS_PER_HOUR = env_int("EXCHANGE_ANSWERS_PER_HOUR", default=20)

# --- Accessibility statement, Leichte Sprache, sign language (BITV 2.0) -------------------------
# Who answers feedback on barriers: the form on /accessibility/feedback/ writes to this address.
ACCESSIBILITY_CONTACT_EMAIL = env_email(
    "ACCESSIBILITY_CONTACT_EMAIL", default="barrierefreiheit@migra-hub.invalid"
)
ACCESSIBILITY_CONTACT_NAME = env_str("ACCESSIBILITY_CONTACT_NAME", default="")
ACCESSIBILITY_CONTACT_PHONE = env_str("ACCESSIBILITY_CONTACT_PHONE", default="")
ACCESSIBILITY_CONTACT_ADDRESS = env_str("ACCESSIBILITY_CONTACT_ADDRESS", default="")
# When the statement was written or last updated, and when the site was last evaluated.
ACCESSIBILITY_STATEMENT_DATE = env_date(
    "ACCESSIBILITY_STATEMENT_DATE", default=datetime.date(2026, 12, 3)
)
ACCESSIBILITY_EVALUATION_DATE = env_date(
    "ACCESSIBILITY_EVALUATION_DATE", default=datetime.date(2026, 12, 3)
)
# The enforcement procedure. The default is the federal arbitration board (§ 16 BGG); a body of
# a federal state names its own (Berlin: Schlichtungsstelle nach § 33 LGBG).
ACCESSIBILITY_ENFORCEMENT_NAME = env_str("ACCESSIBILITY_ENFORCEMENT_NAME", default="")
# The federal board's contact details are the defaults only while no other body is named.
_federal_board = not ACCESSIBILITY_ENFORCEMENT_NAME
ACCESSIBILITY_ENFORCEMENT_URL = env_url(
    "ACCESSIBILITY_ENFORCEMENT_URL",
    default="https://www.schlichtungsstelle-bgg.de/" if _federal_board else "",
)
ACCESSIBILITY_ENFORCEMENT_EMAIL = env_email(
    "ACCESSIBILITY_ENFORCEMENT_EMAIL",
    default="info@schlichtungsstelle-bgg.de" if _federal_board else "",
)
ACCESSIBILITY_ENFORCEMENT_PHONE = env_str(
    "ACCESSIBILITY_ENFORCEMENT_PHONE", default="+49 30 18 527-2805" if _federal_board else ""
)
ACCESSIBILITY_ENFORCEMENT_ADDRESS = env_str(
    "ACCESSIBILITY_ENFORCEMENT_ADDRESS",
    default="Mauerstraße 53, 10117 Berlin" if _federal_board else "",
)
# Feedback messages per hour from one IP address.
ACCESSIBILITY_FEEDBACK_LIMIT_PER_IP = env_int("ACCESSIBILITY_FEEDBACK_LIMIT_PER_IP", default=5)
# The explanation of the site in German Sign Language (a video); empty until it is produced.
SIGN_LANGUAGE_VIDEO_URL = env_url("SIGN_LANGUAGE_VIDEO_URL", default="")

# --- Request limits (migra_hub.middleware) ---------------------------------------------------
# The largest request body accepted: a larger one is answered 413 from its Content-Length, before
# it is read. Its largest form (an entry with its texts in every interface language) stays far
# below. Views that take files (marked ``migra_hub.files.accepts_upload``) accept
# UPLOAD_MAX_BYTES more. Keep the proxy's limit (nginx: client_max_body_size) at the larger sum
# (docs/deployment.md); the app refuses large bodies to every other view itself.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", default=2 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES
# Right after SecurityMiddleware: before anything reads the body or the query.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "migra_hub.middleware.RequestLimitsMiddleware",
)

# --- Placing an entry's pin (organisations.geocoding) ----------------------------------------
# A Nominatim-compatible search address (e.g. https://nominatim.openstreetmap.org/search, whose
# usage policy asks for an identifying User-Agent and at most one request a second). Empty: no
# address lookup; pins are placed on the map or typed.
GEOCODER_URL = env_url("GEOCODER_URL", default="")
GEOCODER_TIMEOUT = env_int("GEOCODER_TIMEOUT", default=5)
GEOCODER_USER_AGENT = env_str("GEOCODER_USER_AGENT", default="") or f"Migra Hub ({SITE_URL})"
# Lookups per hour and signed-in person.
GEOCODER_LIMIT_PER_USER = env_int("GEOCODER_LIMIT_PER_USER", default=30)
# The area every pin must lie in, as south,west,north,east in degrees (empty: anywhere).
try:
    MAP_BOUNDS = tuple(float(value) for value in env_list("MAP_BOUNDS"))
except ValueError:
    raise ImproperlyConfigured("MAP_BOUNDS must be four numbers: south,west,north,east.") from None
if MAP_BOUNDS and (
    len(MAP_BOUNDS) != 4
    or not (-90 <= MAP_BOUNDS[0] < MAP_BOUNDS[2] <= 90)
    or not (-180 <= MAP_BOUNDS[1] < MAP_BOUNDS[3] <= 180)
):
    raise ImproperlyConfigured("MAP_BOUNDS must be four numbers: south,west,north,east.")
