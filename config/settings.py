"""Settings for the foreign-investment security tracker.

Everything an operator can change comes from the environment (see .env.example) and a bad
value stops the process with a message naming the variable, rather than running half-configured.
Embedded default: SQLite and in-process tasks when DATABASE_URL / CELERY_BROKER_URL are unset.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def envbool(name: str, default: bool) -> bool:
    value = os.getenv(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE_VALUES:
        return True
    if value.strip().lower() in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off, not {value!r}")


def envint(name: str, default: int, *, minimum: int = 0) -> int:
    value = os.getenv(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}")
    return number


def envsecret(name: str) -> str:
    """Read NAME, or the file named by NAME_FILE (Docker / systemd credentials)."""
    path = os.getenv(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as error:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {error.strerror}") from None
    return os.getenv(name, "")


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.getenv(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Core ------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#core-settings

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (or set DEBUG=1 for a trial)")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
for origin in CSRF_TRUSTED_ORIGINS:
    if not origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"CSRF_TRUSTED_ORIGINS entries need a scheme (https://...), not {origin!r}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
    "bootstrap4",
    "django_filters",
    "simple_history",
    "tracker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tracker.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]

# Database ----------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases

DATABASE_URL = os.getenv("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
if not DATABASE_URL.startswith(("postgres://", "postgresql://", "sqlite://")):
    raise ImproperlyConfigured(f"DATABASE_URL must be a postgresql:// or sqlite:// URL, not {DATABASE_URL!r}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A trial site runs the web server and in-process tasks against one file: wait for locks.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES and envbool("DB_PREPARED_STATEMENTS", True):
    # Parameters sent apart from the SQL, and a statement a connection has run 5 times prepared:
    # a worker's per-file statements are then planned once, not once per file (Django leaves
    # both off by default). 0 behind a pooler in transaction mode that cannot keep them.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache ---------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/cache/

REDIS_URL = os.getenv("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL must be a redis:// URL, not {REDIS_URL!r}")
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Authentication --------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "tracker:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Internationalisation ------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.getenv("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static files ------------------------------------------------------------------------
# https://whitenoise.readthedocs.io/en/stable/django.html

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# whitenoise serves from STATIC_ROOT in production; before collectstatic it may not exist yet.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Security ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/

SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
if envbool("BEHIND_PROXY", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself; otherwise clients could fake https.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The site's own origin only: analysts sit on closed networks, and article text is hostile input.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# Celery ----------------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html

CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
if CELERY_BROKER_URL and not CELERY_BROKER_URL.startswith(
    ("redis://", "rediss://", "amqp://", "filesystem://", "memory://")
):
    raise ImproperlyConfigured(f"CELERY_BROKER_URL must be a redis:// or amqp:// URL, not {CELERY_BROKER_URL!r}")
# No broker: run tasks in-process so a trial needs no servers.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 300, minimum=1)
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", 240, minimum=1)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Files queue by the thousand; the refreshes that follow them (search fields, dashboard) go to a
# queue of their own so they do not wait behind them. A worker started without -Q takes both.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = (Queue("celery"), Queue("refresh"))
CELERY_TASK_ROUTES = {
    "tracker.tasks.refresh_search": {"queue": "refresh"},
    "tracker.tasks.refresh_dashboard": {"queue": "refresh"},
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery's Django fixup closes the database connection around every task unless told to reuse
# it: a new PostgreSQL backend per file (connect, then a cold catalog cache) cost ~15 ms of
# ~65. config/celery.py still drops a broken or too-old connection before each task.
CELERY_DB_REUSE_MAX = envint("CELERY_DB_REUSE_MAX", 500, minimum=1)
# With acks_late, a task whose worker died is handed out again after this many seconds (Redis
# broker). Keep it above the hard time limit, or a slow file could run twice at once.
# Workers look for such overdue tasks every 10 s; kombu's default throttle would make that 100 s.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1),
    "unacked_restore_throttle": 1,
}
CELERY_BEAT_SCHEDULE = {
    "poll-feeds": {"task": "tracker.tasks.poll_feeds", "schedule": envint("FEED_POLL_SECONDS", 900, minimum=10)},
    "scan-inbox": {"task": "tracker.tasks.scan_inbox", "schedule": envint("INBOX_SCAN_SECONDS", 60, minimum=5)},
    # Ingest queues a search refresh within seconds; this catches cases whose refresh was lost.
    "refresh-search": {"task": "tracker.tasks.refresh_search", "schedule": 300},
    # Jobs whose message the broker lost are sent again (pipeline.jobs_requeue_lost).
    "requeue-lost-jobs": {
        "task": "tracker.tasks.requeue_lost_jobs",
        "schedule": envint("REQUEUE_LOST_SECONDS", 300, minimum=1),
    },
}

# Ingest ------------------------------------------------------------------------------------

INGEST_MAX_BYTES = envint("INGEST_MAX_BYTES", 10 * 1024 * 1024, minimum=1)
# Folders the workers may read from; empty means "the paths named on the command line".
INGEST_ROOTS = [Path(p).resolve() for p in envlist("INGEST_ROOTS", [])]
INGEST_INBOX = Path(os.getenv("INGEST_INBOX", BASE_DIR / "var" / "inbox"))

# Logging --------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    "loggers": {"trafilatura": {"level": "WARNING"}, "htmldate": {"level": "WARNING"}},
}

# django-bootstrap4 ------------------------------------------------------------------------------
# https://django-bootstrap4.readthedocs.io/en/latest/settings.html
# Local copies from static/vendor/ (see its README): analysts sit on closed networks, and the
# Content-Security-Policy only allows our own origin. No CDN, so no integrity/crossorigin needed.

BOOTSTRAP4 = {
    "css_url": {"href": "/" + STATIC_URL + "vendor/bootstrap/bootstrap.min.css"},
    "javascript_url": {"url": "/" + STATIC_URL + "vendor/bootstrap/bootstrap.bundle.min.js"},
    "jquery_url": {"url": "/" + STATIC_URL + "vendor/jquery/jquery.min.js"},
    "jquery_slim_url": {"url": "/" + STATIC_URL + "vendor/jquery/jquery.min.js"},
    "include_jquery": True,
    "theme_url": None,
    # Filter forms are always bound: only errors get a colour, not every valid field.
    "success_css_class": "",
}
