"""Mantelkring settings: everything comes from the environment, with development defaults.

`make run` needs no variables: SQLite, the in-memory channel layer, the console mail backend.
Production sets DJANGO_DEBUG=false, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL
(PostgreSQL) and REDIS_URL; see README.md, "Configuration" (every variable, and the naming
convention) and docs/production.md.

Each section below is complete where it stands: nothing further down edits it again.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from mantelkring.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)
_DEV_SECRET = "django-insecure-development-only-mantelkring-key-change-me"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("MANTELKRING_SITE_URL", "http://127.0.0.1:8000")

# E-mail goes through Django's tasks framework: immediate by default; in production
# DJANGO_TASKS_BACKEND=django_tasks_db.DatabaseBackend stores tasks in PostgreSQL (its app is
# installed below) and `manage.py db_worker` runs them.
_TASKS_BACKEND = env_str("DJANGO_TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
TASKS = {"default": {"BACKEND": _TASKS_BACKEND}}

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "mantelkring",
    "accounts",
    "sociale_kaart",
    "training",
    "panel",
    "werkgroep",
    *(["django_tasks_db"] if _TASKS_BACKEND.startswith("django_tasks_db.") else []),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mantelkring.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.MfaRoleMiddleware",
]

# Benchmarks only (bench/run.py): bench.urls adds a bare view next to the real URLs.
ROOT_URLCONF = "bench.urls" if env_bool("MANTELKRING_BENCH", False) else "mantelkring.urls"
WSGI_APPLICATION = "mantelkring.wsgi.application"
ASGI_APPLICATION = "mantelkring.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.role",
            ],
        },
    },
]

# Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Parallel votes and sign-ups queue for the write lock instead of failing with
    # "database is locked": WAL journal, IMMEDIATE transactions and a busy timeout.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so the browser tests' server process sees the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A connection pool per worker process (psycopg_pool) is the right fit for ASGI, where
    # persistent per-thread connections (CONN_MAX_AGE) are not reused reliably. The DB_POOL*
    # names are the deprecated spellings deployments used before MANTELKRING_DB_POOL*.
    if env_bool("MANTELKRING_DB_POOL", False, old="DB_POOL"):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env_int("MANTELKRING_DB_POOL_MIN_SIZE", 2, old="DB_POOL_MIN_SIZE"),
            "max_size": env_int("MANTELKRING_DB_POOL_MAX_SIZE", 16, old="DB_POOL_MAX_SIZE"),
            "timeout": env_int("MANTELKRING_DB_POOL_TIMEOUT", 10),
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and channel layer -----------------------------------------------------------------
# Without REDIS_URL: a local-memory cache and the in-memory channel layer (one process).
# With it, the cache fails open (rate limits and cached fragments are lost, requests are not)
# and the channel layer may live in its own Redis database (REDIS_CHANNEL_URL).
REDIS_URL = env_str("REDIS_URL", "")
REDIS_CHANNEL_URL = env_str("REDIS_CHANNEL_URL", REDIS_URL)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "mantelkring.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # Two redis-py 8 defaults break channels-redis under load (both seen in the
                # bench, each closed websockets): a pool raises beyond 100 connections (a burst
                # of 250 websockets joining a group on one worker), and the 5 s socket timeout
                # equals channels-redis's 5 s blocking pop (BZPOPMIN), so a busy event loop
                # times it out. 10 s: above the pop, and still bounds how long a hung (not
                # down) Redis holds a vote's after-commit broadcast.
                "hosts": [
                    {
                        "address": REDIS_CHANNEL_URL,
                        "socket_connect_timeout": 1,
                        "socket_timeout": 10,
                        "max_connections": env_int("MANTELKRING_CHANNEL_MAX_CONNECTIONS", 1000),
                    }
                ],
                "capacity": env_int("MANTELKRING_CHANNEL_CAPACITY", 1000),
                "expiry": 30,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Accounts --------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.ProfessionalSignupForm"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 15 * 60
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, written out so nobody turns them off by accident.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "request_login_code": "20/m/ip,3/m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mantelkring] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Mantelkring"

# Language --------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 0 if DEBUG else 60 * 60 * 24 * 365

# E-mail ----------------------------------------------------------------------------------
_EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_EMAIL_OPTIONS = {}
if _EMAIL_BACKEND.endswith("smtp.EmailBackend"):
    _EMAIL_OPTIONS = {
        "host": env_str("DJANGO_EMAIL_HOST", "127.0.0.1"),
        "port": env_int("DJANGO_EMAIL_PORT", 25),
        "username": env_str("DJANGO_EMAIL_HOST_USER", ""),
        "password": env_str("DJANGO_EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
    }
_MAILER = {"BACKEND": _EMAIL_BACKEND, "OPTIONS": _EMAIL_OPTIONS}
# In production e-mail is queued for the task worker instead of sent inside the request
# (mantelkring.mail.QueuedEmailBackend); the worker sends it with the "direct" mailer.
if env_bool("MANTELKRING_MAIL_VIA_TASKS", False):
    MAILERS = {
        "default": {"BACKEND": "mantelkring.mail.QueuedEmailBackend"},
        "direct": _MAILER,
    }
else:
    MAILERS = {"default": _MAILER}
DEFAULT_FROM_EMAIL = env_str(
    "DJANGO_DEFAULT_FROM_EMAIL", "Mantelkring <noreply@mantelkring.example>"
)

# Security --------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Health probes from the load balancer come over plain HTTP on loopback.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# Mantelkring -----------------------------------------------------------------------------
MANTELKRING_GEMEENTE = env_str("MANTELKRING_GEMEENTE", "Meppel")
# Hours before a spiegelgesprek that the reminder e-mail goes out; days an invitation link works.
PANEL_REMINDER_HOURS = env_int("MANTELKRING_PANEL_REMINDER_HOURS", 24)
PANEL_INVITATION_DAYS = env_int("MANTELKRING_PANEL_INVITATION_DAYS", 14)
FORM_RENDERER = "mantelkring.forms.FormRenderer"
