"""Production settings must refuse to start in an unsafe state."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_production(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    code = "import django; from django.conf import settings; django.setup(); print(settings.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_refuses_a_missing_secret_key():
    result = load_production(ALLOWED_HOSTS="voresishoj.dk")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_key():
    result = load_production(SECRET_KEY="dev-only-not-secret", ALLOWED_HOSTS="voresishoj.dk")
    assert result.returncode != 0


def test_production_starts_with_a_real_key_and_reads_the_database_url():
    code = (
        "import django; from django.conf import settings; django.setup();"
        "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.ALLOWED_HOSTS)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "q3V9-kTz8wLp2nX5rB7mJc4hGd6sYf1aE0uW_oIiZRt8Lm2NqPx7Ve3",
        "ALLOWED_HOSTS": "voresishoj.dk,www.voresishoj.dk",
        "DATABASE_URL": "postgres://portal@db.example:5432/portal",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "['voresishoj.dk',",
        "'www.voresishoj.dk']",
    ]


def test_production_has_neither_the_demo_nor_the_stand_in_nor_the_benchmarks():
    """An operator cannot load demo users or start the fake platforms in production."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "k" * 50,
        "ALLOWED_HOSTS": "voresishoj.dk",
    }
    env.pop("DATABASE_URL", None)
    production = subprocess.run(
        [sys.executable, "manage.py", "help"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert production.returncode == 0, production.stderr
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    dev = subprocess.run(
        [sys.executable, "manage.py", "help"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    for command in ("load_demo", "run_platform_standin", "bench_channels", "benchmark_pages"):
        assert command in dev.stdout
        assert command not in production.stdout
