"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment here, with embedded defaults: SQLite, the database task backend,
local-memory cache. `dev`, `test` and `production` only adjust on top.
"""

import os
from pathlib import Path

import dj_database_url

from .channels import channels_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Which code is deployed (a tag or commit); written into every backup's manifest.
RELEASE = os.environ.get("RELEASE", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "stories",
    # Residents taking part (groups, sign-ups, submissions); models live in stories.
    "stories.community",
    "locations",
    "channels",
    "cms",
    "cms.caching",
    # Backups, restores and the nightly restore drill (docs/deploy.md).
    "cms.backups",
    "channels.reach",
    "channels.fediverse",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtailgeowidget",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # The "Oversæt" action: copies a Danish page into another locale's tree.
    "wagtail.contrib.simple_translation",
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
    "rest_framework.authtoken",
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
    # Loaded for its Danish catalogue: Wagtail's admin says "5 minutes ago" through it.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Oversized public bodies get 413 before anything reads them (home/security.py).
    "home.security.RequestSizeLimitMiddleware",
    # NUL bytes, control characters and non-UTF-8 form posts get a Danish 400 here,
    # before any view or query sees them (home/input_guard.py).
    "home.input_guard.InputCleaningMiddleware",
    "home.security.ContentSecurityPolicyMiddleware",
    # The language is the URL's prefix (/ar/...), or Danish without one; never a
    # cookie or Accept-Language, so a cached page is the same for everyone.
    "home.languages.LanguageFromPathMiddleware",
    "home.security.PublicRateLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Serves anonymous GETs from the page cache before sessions, CSRF and auth run.
    "cms.caching.middleware.PageCacheMiddleware",
    # A database outage in a view answers a Danish 503 (cms/outages.py).
    "cms.outages.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Throttles guessing at /admin/login/ per client and username.
    "home.security.LoginRateLimitMiddleware",
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
USES_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
# PostgreSQL plans a statement every time it is sent; a page view sends the same
# handful of statements over and over. Prepared after DB_PREPARE_THRESHOLD uses on
# a connection, they skip the planning (about a millisecond a story page). Set
# DB_PREPARE_THRESHOLD to "off" behind a transaction-pooling PgBouncer, which
# cannot keep a connection's prepared statements.
DB_PREPARE_THRESHOLD = os.environ.get("DB_PREPARE_THRESHOLD", "5")
POSTGRES_OPTIONS = (
    {"server_side_binding": True, "prepare_threshold": int(DB_PREPARE_THRESHOLD)}
    if DB_PREPARE_THRESHOLD != "off"
    else {}
)
if USES_POSTGRES:
    DATABASES["default"].setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)
    # A database that does not answer is given up on quickly (a 503, a worker
    # that waits and tries again), not after the operating system's minutes.
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
# The languages residents read the site in, each named in its own language and
# script (the language menu shows these names). Danish is the default and keeps
# its URLs without a prefix; the others live under /ar/, /tr/, ... A new
# language is one line here and a catalogue in home/locale (docs/translations.md).
LANGUAGES = [
    ("da", "Dansk"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("ur", "اردو"),
    ("en", "English"),
]
# One page tree per language (Wagtail's own i18n).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk")]
# Everyone works in Danish time; Wagtail then asks no one to pick among 600 zones.
WAGTAIL_USER_TIME_ZONES = ["Europe/Copenhagen"]
# The project's own Danish for what Wagtail's and Django's catalogues lack or get
# wrong (home/locale, compiled by `make install`); first, so it wins.
LOCALE_PATHS = [BASE_DIR / "home" / "locale"]
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_forms.LoginForm"
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
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

REDIS_URL = os.environ.get("REDIS_URL", "")

# One Redis serves every web and worker machine when REDIS_URL is set. Without it
# the general cache is local memory, but the page cache lives in files under
# var/: a purge sent by the task worker (another process) must reach the pages
# that gunicorn's workers (other processes again) serve.
# On Redis the cache degrades instead of failing: while Redis is away every
# read misses and pages are built from the database (home/cache.py).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "voresishoej"),
        },
        "pages": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "voresishoej") + "-pages",
        },
        # The page cache's other copy, in each process, read while Redis is away.
        "pages-local": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages-local",
            "OPTIONS": {"MAX_ENTRIES": 300},
        },
    }
    PAGE_CACHE_FALLBACK_ALIAS = "pages-local"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "vores-ishoej",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# The page cache (cms/caching): anonymous GETs of public pages and feeds.
# PAGE_CACHE_SECONDS=0 switches it off; publish, unpublish and move purge it.
PAGE_CACHE_ALIAS = "pages"
# How long the per-process copy of a page (read only while Redis is away) lives:
# other processes' purges cannot reach it, so it is kept short.
PAGE_CACHE_FALLBACK_SECONDS = int(os.environ.get("PAGE_CACHE_FALLBACK_SECONDS", "60"))
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
FEED_CACHE_SECONDS = int(os.environ.get("FEED_CACHE_SECONDS", "60"))
# What browsers may keep without asking again; a CDN keeps pages PAGE_CACHE_SECONDS
# (s-maxage) because it is purged on publish, a browser cannot be.
PAGE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_BROWSER_MAX_AGE", "0"))

# Wagtail purges a page's URLs on publish and unpublish (cms.caching adds move,
# the listing pages above it and the feeds). Our backend deletes the entries in
# the page cache and, with CDN_PURGE_URL, sends an HTTP PURGE per URL to the CDN.
CDN_PURGE_URL = os.environ.get("CDN_PURGE_URL", "")
WAGTAILFRONTENDCACHE = {
    "default": {
        "BACKEND": "cms.frontend_cache.PageCacheAndCDNBackend",
        "CDN_PURGE_URL": CDN_PURGE_URL,
        "TIMEOUT": float(os.environ.get("CDN_PURGE_TIMEOUT", "5")),
    }
}

# /healthz answers 503 when the oldest queued channel task waited longer than this.
HEALTHZ_MAX_TASK_AGE_SECONDS = int(os.environ.get("HEALTHZ_MAX_TASK_AGE_SECONDS", "900"))

# Media on S3-compatible object storage when a bucket is named. Public, unsigned
# URLs, so renditions can be fetched by Instagram and others. Credentials come
# from the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables (boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
S3_ENDPOINT = {
    "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
    "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            **S3_ENDPOINT,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Backups (cms/backups, docs/deploy.md): `manage.py backup` writes one archive (the
# database as engine-neutral JSON Lines, the media files, a manifest with checksums)
# to BACKUP_DIR, or, with BACKUP_S3_BUCKET set, to that private bucket under
# `backups/` (use a bucket of its own, never the public media bucket's ACL).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_S3_BUCKET = os.environ.get("BACKUP_S3_BUCKET", "")


def private_backup_bucket(bucket: str, endpoint: dict) -> dict:
    """The backups storage on a private S3 bucket: objects readable by the
    account's keys only, links to them signed and short-lived
    (tests/backups/test_s3.py runs it against an S3 server on loopback)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "location": "backups",
            **endpoint,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


if BACKUP_S3_BUCKET:
    STORAGES["backups"] = private_backup_bucket(BACKUP_S3_BUCKET, S3_ENDPOINT)
else:
    STORAGES["backups"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BACKUP_DIR), "base_url": None},
    }
# The clock's nightly backup (local time), and how many archives it keeps: the
# newest of each of the last 7 days, 4 weeks and 12 months.
BACKUP_TIME = os.environ.get("BACKUP_TIME", "03:15")
BACKUP_KEEP_DAILY = int(os.environ.get("BACKUP_KEEP_DAILY", "7"))
BACKUP_KEEP_WEEKLY = int(os.environ.get("BACKUP_KEEP_WEEKLY", "4"))
BACKUP_KEEP_MONTHLY = int(os.environ.get("BACKUP_KEEP_MONTHLY", "12"))
# /healthz and the dashboard call a backup or drill older than this stale.
BACKUP_MAX_AGE_HOURS = int(os.environ.get("BACKUP_MAX_AGE_HOURS", "26"))
# The drill restores into a scratch database: this one when set (emptied first;
# for a database user without CREATEDB), else a new temporary SQLite file or
# PostgreSQL database named "<database>_drill_<random>", dropped afterwards.
BACKUP_DRILL_DATABASE_URL = os.environ.get("BACKUP_DRILL_DATABASE_URL", "")
BACKUP_DRILL_DATABASE_PREFIX = os.environ.get("BACKUP_DRILL_DATABASE_PREFIX", "")
# Who is told, once, when a backup or a drill fails (else the site's contact e-mail).
OPERATIONS_ALERT_EMAIL = os.environ.get("OPERATIONS_ALERT_EMAIL", "")

# Background work goes through the Django Tasks API. The database backend is
# the embedded default; TASK_BACKEND=rq moves it onto Redis. While Redis is away,
# a task enqueued from a request runs in it instead (cms/task_backends.py), except
# a channel post: that stays queued in the database and the clock enqueues it later.
TASKS_ON_REDIS = {
    "default": {
        "BACKEND": "cms.task_backends.ResilientRQBackend",
        "QUEUES": ["default"],
        "OPTIONS": {
            "KEEP_QUEUED": ["channels.tasks.perform_publication"],
            # Run again by the Redis worker once a lost database is back
            # (cms/rq_worker.py): each is safe to run twice.
            "RERUN_AFTER_DATABASE_OUTAGE": [
                "channels.tasks.perform_publication",
                "modelsearch.tasks.insert_or_update_object_task",
                "wagtail.tasks.update_reference_index_task",
                "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task",
            ],
        },
    }
}
# How long a job on the Redis worker waits for a lost database (within its RQ timeout).
RQ_WORKER_MAX_OUTAGE_SECONDS = int(os.environ.get("RQ_WORKER_MAX_OUTAGE_SECONDS", "240"))
if os.environ.get("TASK_BACKEND", "db") == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = TASKS_ON_REDIS
    # A Redis that drops packets instead of refusing them must not hold a request:
    # connecting gives up after two seconds (only the connect; the worker's long
    # blocking read keeps redis-py's default).
    _rq_url = REDIS_URL or "redis://127.0.0.1:6379/0"
    if "socket_connect_timeout=" not in _rq_url:
        _rq_url += ("&" if "?" in _rq_url else "?") + "socket_connect_timeout=2"
    # A job may wait out a database outage (cms/rq_worker.py) within its timeout.
    RQ_QUEUES = {"default": {"URL": _rq_url, "DEFAULT_TIMEOUT": 600}}
    # Every queue django-rq opens, and `rqworker` unless told otherwise, runs
    # Django tasks with the job class that can call them (the Procfile names it too).
    RQ = {"JOB_CLASS": "cms.rq_worker.TaskJob"}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAIL_SITE_NAME = "Vores Ishøj"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# The admin must not call out to wagtail.org (no internet, no third-party requests).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "txt"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Wagtail's database search backend with one analysis on both databases
# (home/search/): each page stemmed in its own language ("cyklerne" finds
# "cykel"), æ/ø/å and accents folded ("ishoj" finds Ishøj).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "home.search"},
}

# The community map. Tiles come from OpenStreetMap unless MAP_TILE_URL says otherwise;
# an empty value shows markers and the list without a background map.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragydere',
)
# The same attribution as plain text, printed on the front page's map picture
# (locations/static_map.py), and how the portal names itself to the tile server.
MAP_TILE_ATTRIBUTION_TEXT = os.environ.get(
    "MAP_TILE_ATTRIBUTION_TEXT", "© OpenStreetMap-bidragydere"
)
MAP_TILE_USER_AGENT = os.environ.get(
    "MAP_TILE_USER_AGENT", "VoresIshoj/1.0 (+https://voresishoj.dk; forsidekort)"
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

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Vores Ishøj <noreply@voresishoj.dk>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"voresishoj": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Residents' event suggestions (/det-sker/foreslaa/): spam limits and image checks.
# Every post counts, valid or not (a resident correcting a mistake posts twice).
EVENT_SUBMISSION_RATE_LIMIT = int(os.environ.get("EVENT_SUBMISSION_RATE_LIMIT", "10"))
EVENT_SUBMISSION_RATE_WINDOW = int(os.environ.get("EVENT_SUBMISSION_RATE_WINDOW", "3600"))
EVENT_SUBMISSION_MAX_IMAGE_BYTES = 8 * 1024 * 1024
EVENT_SUBMISSION_MIN_IMAGE_SIZE = (800, 450)
EVENT_SUBMISSION_MAX_IMAGE_SIZE = (10000, 10000)
# Most pixels an uploaded image may have, read from its header before decoding
# (decoding costs about 3 bytes a pixel): 30 million fits every phone's normal
# photo (12-24 MP). Pillow refuses twice this anywhere (home.apps), and Wagtail's
# admin upload the same as the public forms.
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", str(30_000_000)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS

# Reach (channels.reach): cookie-free page view counting and the council's report.
# A reload by the same visitor within this window is not a new page view.
REACH_REPEAT_WINDOW_MINUTES = int(os.environ.get("REACH_REPEAT_WINDOW_MINUTES", "30"))
# Beacons are written in batches of this many, or after this many seconds
# (channels/reach/hit_buffer.py); 1 writes each beacon at once.
REACH_HIT_BATCH_SIZE = int(os.environ.get("REACH_HIT_BATCH_SIZE", "100"))
REACH_HIT_FLUSH_SECONDS = float(os.environ.get("REACH_HIT_FLUSH_SECONDS", "1"))
# A web process stopping while the database is away tries this long to write its
# last beacons before it logs and counts them as lost (docs/reach-api.md).
REACH_HIT_SHUTDOWN_WAIT_SECONDS = float(os.environ.get("REACH_HIT_SHUTDOWN_WAIT_SECONDS", "5"))
# Behind a reverse proxy the client address is the first X-Forwarded-For entry.
# Behind a reverse proxy: take the visitor's address from X-Forwarded-For (set
# only when the proxy overwrites that header). Used by reach counting and by
# every per-client limit. REACH_TRUST_X_FORWARDED_FOR is the older name.
TRUST_X_FORWARDED_FOR = "1" in (
    os.environ.get("TRUST_X_FORWARDED_FOR", ""),
    os.environ.get("REACH_TRUST_X_FORWARDED_FOR", ""),
)

# The channel layer (docs/channels.md). Base URLs can point the channels at any
# server speaking the platform's wire format (the demo points them at the
# local stand-in). Facebook and Instagram share one Graph API version,
# GRAPH_API_VERSION (checked by `manage.py check`); their URLs are host only.
# Credentials only ever come from the environment; a channel without them is
# "ikke sat op", and a channel left out of CHANNELS is off.
GRAPH_API_VERSION = os.environ.get("GRAPH_API_VERSION", "v26.0")
# Which channels run, each an alias with a backend and its options
# (channels/registry.py), read from the variables documented in docs/channels.md.
CHANNELS = channels_from_environment(os.environ)
CHANNELS_ALERT_EMAIL = os.environ.get("CHANNELS_ALERT_EMAIL", "")
CHANNELS_HTTP_TIMEOUT = float(os.environ.get("CHANNELS_HTTP_TIMEOUT", "10"))
CHANNELS_MAX_ATTEMPTS = int(os.environ.get("CHANNELS_MAX_ATTEMPTS", "6"))
CHANNELS_USAGE_PAUSE_PERCENT = int(os.environ.get("CHANNELS_USAGE_PAUSE_PERCENT", "90"))
# A worker holds a post it is sending for this long and renews the hold while it
# sends (channels/lease.py); a post whose worker was killed is looked up and sent
# again by the clock's next sweep (every 15 s) after that. With the sweep, no more
# than the first retry's wait (30 s, channels/retry.py), so a killed worker delays
# a post no more than a failed attempt would.
CHANNELS_CLAIM_LEASE_SECONDS = int(os.environ.get("CHANNELS_CLAIM_LEASE_SECONDS", "15"))
# How long a worker that has the platform's answer waits for a lost database to
# store it (channels/recording.py), rather than drop it.
CHANNELS_STALE_CLAIM_SECONDS = int(os.environ.get("CHANNELS_STALE_CLAIM_SECONDS", "300"))
# The clock enqueues a waiting post once; only a task still not taken this long
# after it was due is presumed lost and enqueued again.
CHANNELS_REQUEUE_AFTER_SECONDS = int(os.environ.get("CHANNELS_REQUEUE_AFTER_SECONDS", "900"))

# Residents taking part (stories.community): groups' task boards, sign-ups,
# stories, recipes and photos.
# How long personal data is kept, in days from the moment each comment names.
# The retention jobs (`purge_personal_data`, daily; reach counting for the
# beacon) and the /privatliv page read this one dict (home/retention.py), so
# what residents are told is what the code does.
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365"))
PERSONAL_DATA_RETENTION = {
    # A page view's raw beacon hit (no address, no cookie: keys under a salt
    # deleted every night), after its day is counted; the day's figures stay.
    "beacon_hits": int(os.environ.get("RETENTION_BEACON_HITS_DAYS", "1")),
    # A task sign-up's name and e-mail or phone, after the task's day.
    "task_signups": int(os.environ.get("RETENTION_TASK_SIGNUP_DAYS", "30")),
    # "Giv en hånd": name, e-mail or phone and wishes, after signing up.
    "volunteers": int(os.environ.get("RETENTION_VOLUNTEER_DAYS", "365")),
    # A rejected or withdrawn submission's name, e-mail and note, after the decision.
    "closed_submissions": int(os.environ.get("RETENTION_CLOSED_SUBMISSION_DAYS", "30")),
    # Any other submission's name, e-mail and note (the story, event, photo or
    # place stays), after it was sent.
    "submissions": PERSONAL_DATA_RETENTION_DAYS,
}
COMMUNITY_FORM_RATE_LIMIT = int(os.environ.get("COMMUNITY_FORM_RATE_LIMIT", "10"))
COMMUNITY_FORM_RATE_WINDOW = int(os.environ.get("COMMUNITY_FORM_RATE_WINDOW", "3600"))
# The map's place suggestions and corrections, per client; every post counts.
PLACE_FORM_RATE_LIMIT = int(os.environ.get("PLACE_FORM_RATE_LIMIT", "10"))
PLACE_FORM_RATE_WINDOW = int(os.environ.get("PLACE_FORM_RATE_WINDOW", "3600"))
# Old scanned photos are often small; the photo calls accept them from this size.
PHOTO_SUBMISSION_MIN_IMAGE_SIZE = (400, 300)

# Keeping strangers out (home/security.py).
LOGIN_RATE_LIMIT = int(os.environ.get("LOGIN_RATE_LIMIT", "5"))
LOGIN_RATE_WINDOW = int(os.environ.get("LOGIN_RATE_WINDOW", str(15 * 60)))
# Failed logins from one address, whatever the username (home/security.py).
LOGIN_ADDRESS_RATE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_RATE_LIMIT", "20"))
# Largest body a public endpoint accepts (an 8 MB photo plus the form), and
# Django's limit on non-file form data.
PUBLIC_MAX_REQUEST_BYTES = int(os.environ.get("PUBLIC_MAX_REQUEST_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)  # Django default; the editor posts long pages
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Requests per client and minute on public endpoints that take no form; 0 turns
# one off. Generous: a municipal office shares one address between many people.
PUBLIC_RATE_LIMITS = {
    "search": int(os.environ.get("SEARCH_RATE_LIMIT", "60")),
    "feeds": int(os.environ.get("FEED_RATE_LIMIT", "300")),
    "beacon": int(os.environ.get("BEACON_RATE_LIMIT", "600")),
    # HTML pages, per client and minute: far above a reader (or a school behind
    # one address), far below a scraper walking every ?side= and ?emne=.
    "pages": int(os.environ.get("PAGE_RATE_LIMIT", "1200")),
}
# Content-Security-Policy header; on in production, off elsewhere unless asked for.
CONTENT_SECURITY_POLICY = os.environ.get("CONTENT_SECURITY_POLICY", "") == "1"

# The fediverse (ActivityPub, docs/fediverse.md): the two actors' handles on the site's own
# domain, and how careful the portal is with the servers it talks to.
FEDIVERSE_EVENTS_HANDLE = os.environ.get("FEDIVERSE_EVENTS_HANDLE", "detsker")
FEDIVERSE_STORIES_HANDLE = os.environ.get("FEDIVERSE_STORIES_HANDLE", "historier")
# Only https to public addresses; dev and test allow http to loopback (a local server).
FEDIVERSE_ALLOW_HTTP_LOOPBACK = False
# Seconds for connecting to and reading from another server (actor keys, deliveries).
FEDIVERSE_CONNECT_TIMEOUT = 3.0
FEDIVERSE_READ_TIMEOUT = 5.0
# Largest activity the inbox reads (bytes); Mastodon's own limit for a JSON body is 1 MB.
FEDIVERSE_INBOX_MAX_BYTES = 256 * 1024
# Requests one remote host may make to the inbox per minute.
FEDIVERSE_INBOX_RATE_PER_MINUTE = 120
# Deliveries to a server that has failed this many days are given up and its followers pruned.
FEDIVERSE_PRUNE_AFTER_DAYS = 7
# Parallel deliveries of one activity (bounded fan-out).
FEDIVERSE_DELIVERY_CONCURRENCY = 8
