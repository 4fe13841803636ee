"""cchc settings: one module, every deployment value read from the environment.

Development defaults need nothing set. CCHC_ENV=production refuses to start without
a secret key and allowed hosts, and switches on the secure cookie and HTTPS settings.
"""

from pathlib import Path

from csp.constants import NONCE, NONE, SELF

from cchc.env import ConfigError, envbool, envint, envlist, envstr, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("CCHC_VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = envstr("CCHC_ENV", "development") == "production"
DEBUG = envbool("CCHC_DEBUG", "False" if PRODUCTION else "True")

SECRET_KEY = envstr("CCHC_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ConfigError("CCHC_SECRET_KEY (or CCHC_SECRET_KEY_FILE) must be set in production")
    SECRET_KEY = "development-only-key-never-use-in-production-0123456789abcdefghijklmnop"  # nosec B105: refused in production (above)

ALLOWED_HOSTS = envlist("CCHC_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("CCHC_ALLOWED_HOSTS must be set in production")
CSRF_TRUSTED_ORIGINS = envlist("CCHC_CSRF_TRUSTED_ORIGINS", "")

DOMAIN_APPS = [
    "core",
    "org",
    "accounts",
    "audit",
    "workdays",
    "frameworks",
    "assessments",
    "plans",
    "inspections",
    "imports",
    "dossiers",
    "surveys",
    "documents",
    "dashboards",
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    *DOMAIN_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "accounts.middleware.PasswordChangeRequiredMiddleware",
]

ROOT_URLCONF = "cchc.urls"
WSGI_APPLICATION = "cchc.wsgi.application"

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
                "core.context_processors.navigation",
            ],
            "builtins": ["core.templatetags.vn"],
        },
    }
]

DATABASES = {"default": parse_database_url(envstr("DATABASE_URL", "sqlite:///var/cchc.sqlite3"), BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock an account + address after repeated failed log-ins, and an address alone after many more failures on any
# accounts (password spraying); an office behind one address fails far fewer times than that in a cool-off period.
AXES_FAILURE_LIMIT = envint("CCHC_LOGIN_FAILURE_LIMIT", "5")
CCHC_LOGIN_ADDRESS_FAILURE_LIMIT = envint("CCHC_LOGIN_ADDRESS_FAILURE_LIMIT", "30")
AXES_COOLOFF_TIME = envint("CCHC_LOGIN_COOLOFF_MINUTES", "15") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "accounts.lockout.AddressLimitHandler"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cchc.formats"]
TIME_ZONE = envstr("CCHC_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
# Years and codes must never read "2.024": thousands are grouped only where a template asks (|vn_number).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = Path(envstr("CCHC_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(envstr("CCHC_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": envstr("CCHC_FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
CCHC_MAX_UPLOAD_MB = envint("CCHC_MAX_UPLOAD_MB", "200")
# Every upload is checked before it is parsed (core/uploads.py: sizes packed and unpacked, entries, ratio, rows,
# columns, cells, per upload form in its PROFILES; e.g. {"plan": {"max_rows": 10000}} changes one), then parsed,
# like a user's Word template is filled, in a child process bounded in CPU time and memory (core/bounded.py).
CCHC_UPLOAD_LIMITS: dict = {}
CCHC_BOUNDED_CPU_SECONDS = envint("CCHC_BOUNDED_CPU_SECONDS", "10")
CCHC_BOUNDED_MEMORY_MB = envint("CCHC_BOUNDED_MEMORY_MB", "1024")
CCHC_BOUNDED_WALL_SECONDS = envint("CCHC_BOUNDED_WALL_SECONDS", "30")
# Root certificates (.cer/.crt/.pem) that signed evidence may chain to, e.g. the Government root CA.
CCHC_TRUSTED_CA_DIR = Path(envstr("CCHC_TRUSTED_CA_DIR", str(VAR_DIR / "trusted-ca")))

EMAIL_BACKEND = envstr(
    "CCHC_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
EMAIL_HOST = envstr("CCHC_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("CCHC_EMAIL_PORT", "25")
EMAIL_HOST_USER = envstr("CCHC_EMAIL_USER")
EMAIL_HOST_PASSWORD = envstr("CCHC_EMAIL_PASSWORD")
EMAIL_USE_TLS = envbool("CCHC_EMAIL_TLS", "False")
DEFAULT_FROM_EMAIL = envstr("CCHC_EMAIL_FROM", "cchc <cchc@localhost>")
SITE_URL = envstr("CCHC_SITE_URL", "http://127.0.0.1:8000")  # links in e-mails (reminders, password links)
PASSWORD_RESET_TIMEOUT = envint("CCHC_PASSWORD_LINK_HOURS", "72") * 3600

# Counters shared by every worker process (the survey pages' rate limit): a database table, created by the
# core app's migration, unless CCHC_CACHE=memory asks for a per-process cache.
CACHE_KIND = envstr("CCHC_CACHE", "database")
if CACHE_KIND not in ("database", "memory"):
    raise ConfigError("CCHC_CACHE must be 'database' or 'memory'")
CACHES = {"default": {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache" if CACHE_KIND == "database"
    else "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "cchc_cache",
    # One entry per client and survey during a campaign: keep them, rather than culling at Django's default 300.
    "OPTIONS": {"MAX_ENTRIES": 200_000},
}}
# How many reverse proxies (nginx) stand in front of gunicorn: the client's address is then read from the
# X-Forwarded-For entry that many places from the right, for the survey rate limit and the log-in lock-out.
CCHC_PROXY_COUNT = envint("CCHC_PROXY_COUNT", "0")
AXES_CLIENT_IP_CALLABLE = "core.http.client_address"

# Background work (dossier imports, PDF conversion, large exports, reminder e-mails) runs as tasks of Django's
# task framework stored in the database, run by `manage.py worker` (db_worker plus the warm LibreOffice);
# CCHC_TASKS=immediate runs each task inside the request instead (a quick try without a worker).
TASKS_KIND = envstr("CCHC_TASKS", "database")
if TASKS_KIND not in ("database", "immediate"):
    raise ConfigError("CCHC_TASKS must be 'database' or 'immediate'")
TASKS = {"default": {
    "BACKEND": "django_tasks_db.DatabaseBackend" if TASKS_KIND == "database"
    else "django_tasks.backends.immediate.ImmediateBackend",
    "QUEUES": ["default", "imports", "documents"],
}}
# A task left running this long without its worker's lease is taken as interrupted (core.jobs).
CCHC_TASK_CLAIM_GRACE_SECONDS = envint("CCHC_TASK_CLAIM_GRACE_SECONDS", "30")
# How many dossier imports run at once across every worker (each holds one slot while it reads and writes).
CCHC_PARALLEL_IMPORTS = envint("CCHC_PARALLEL_IMPORTS", "2")
# A running LibreOffice (unoserver) the PDF conversion uses when it answers; the worker starts it.
CCHC_UNOSERVER = envstr("CCHC_UNOSERVER", "127.0.0.1:2003")
# Exports prepared by the worker (documents.ExportJob): every PDF, and any export of more rows than this (smaller
# ones are built in the request); how many run at once across every worker; how long the files are kept; and where
# (a folder outside CCHC_MEDIA_ROOT, read back only through the permission-checked download).
CCHC_EXPORT_INLINE_ROWS = envint("CCHC_EXPORT_INLINE_ROWS", "5000")
CCHC_PARALLEL_EXPORTS = envint("CCHC_PARALLEL_EXPORTS", "2")
CCHC_EXPORT_RETENTION_DAYS = envint("CCHC_EXPORT_RETENTION_DAYS", "7")
CCHC_EXPORT_ROOT = Path(envstr("CCHC_EXPORT_ROOT", str(VAR_DIR / "exports")))

# Content-Security-Policy (django-csp): scripts and stylesheets only from cchc's own static files; the one kind of
# inline style allowed is the <style> that carries this response's nonce (pygal's inside each chart's SVG, the
# citizens' one-file survey page). No inline script, no on…= handler, no style="…" attribute anywhere.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, NONCE],
    "img-src": [SELF, "data:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}}

SESSION_COOKIE_AGE = 8 * 3600
if PRODUCTION:
    SECURE_SSL_REDIRECT = envbool("CCHC_SSL_REDIRECT", "True")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("CCHC_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("CCHC_LOG_LEVEL", "WARNING")},
}
