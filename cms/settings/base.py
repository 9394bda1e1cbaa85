"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment here, with embedded defaults: SQLite, the database task backend,
local-memory cache. `dev`, `test` and `production` only adjust on top.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "stories",
    "locations",
    "cms",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtailgeowidget",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.http_caching.PublicCacheHeadersMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL chooses PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web, worker and clock processes read while one writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
USES_POSTGRES = DATABASES["default"]["ENGINE"].startswith(
    "django.db.backends.postgresql"
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "vores-ishoej",
    }
}

# Background work goes through the Django Tasks API. The database backend is
# the embedded default; TASK_BACKEND=rq moves it onto Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
if os.environ.get("TASK_BACKEND", "db") == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAIL_SITE_NAME = "Vores Ishøj"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# The admin must not call out to wagtail.org (no internet, no third-party requests).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "txt"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Wagtail's database search backend; on PostgreSQL it uses the Danish
# full-text configuration so "cyklerne" finds "cykel".
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
if USES_POSTGRES:
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "danish"

# The community map. Tiles come from OpenStreetMap unless MAP_TILE_URL says otherwise;
# an empty value shows markers and the list without a background map.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragydere',
)
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 55.6155, "lng": 12.3320}  # Ishøj
GEO_WIDGET_ZOOM = 13
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL or "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

# Headless API: rich text leaves as real HTML links, not Wagtail's internal tags.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Read-only CORS for the API and the feeds: any municipal site may read them.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Cache-Control for anonymous GETs of public, shareable resources.
PUBLIC_CACHE_MAX_AGE = int(os.environ.get("PUBLIC_CACHE_MAX_AGE", "60"))

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Vores Ishøj <noreply@voresishoj.dk>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "voresishoj": {"handlers": ["console"], "level": "INFO", "propagate": False}
    },
}

# Residents' event suggestions (/det-sker/foreslaa/): spam limits and image checks.
EVENT_SUBMISSION_RATE_LIMIT = int(os.environ.get("EVENT_SUBMISSION_RATE_LIMIT", "5"))
EVENT_SUBMISSION_RATE_WINDOW = int(os.environ.get("EVENT_SUBMISSION_RATE_WINDOW", "3600"))
EVENT_SUBMISSION_MAX_IMAGE_BYTES = 8 * 1024 * 1024
EVENT_SUBMISSION_MIN_IMAGE_SIZE = (800, 450)
EVENT_SUBMISSION_MAX_IMAGE_SIZE = (10000, 10000)
