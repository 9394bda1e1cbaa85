"""Headers, body limits and production settings that keep strangers out."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.community.helpers import co_editor
from tests.factories import home_page

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "q3V9-kTz8wLp2nX5rB7mJc4hGd6sYf1aE0uW_oIiZ" + "Rt8Lm2NqPx7Ve3"


@pytest.mark.django_db
def test_public_pages_allow_only_our_own_scripts(client, settings):
    settings.CONTENT_SECURITY_POLICY = True
    home_page()
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_the_admin_gets_a_policy_it_can_work_with(client, settings):
    settings.CONTENT_SECURITY_POLICY = True
    client.force_login(co_editor())
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "script-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_oversized_body_is_refused_with_413(client, settings):
    settings.PUBLIC_MAX_REQUEST_BYTES = 1000
    response = client.post("/fortael/", data=b"x" * 5000, content_type="application/octet-stream")
    assert response.status_code == 413
    assert "for stor" in response.content.decode()


def _production(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    clean.update(
        {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "voresishoj.dk",
         "DJANGO_SETTINGS_MODULE": "cms.settings.production"},
        **env,
    )  # fmt: skip
    code = (
        "import django; from django.conf import settings; django.setup();"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.SECURE_HSTS_SECONDS > 0, settings.CONTENT_SECURITY_POLICY)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_sets_secure_cookies_hsts_and_csp():
    result = _production()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True"]


def test_production_refuses_to_start_with_debug_on():
    result = _production(DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr


@pytest.mark.parametrize(
    "env, reason",
    [
        ({"ALLOWED_HOSTS": "*"}, "'*' is not allowed"),
        ({"ALLOWED_HOSTS": "voresishoj.dk,*"}, "'*' is not allowed"),
        ({"SECRET_KEY": "django-insecure-" + GOOD_KEY}, "SECRET_KEY must be set to a long random"),
        ({"SECRET_KEY": GOOD_KEY[:40]}, "SECRET_KEY must be set to a long random"),
        ({"SECRET_KEY": "ab" * 40}, "SECRET_KEY must be set to a long random"),
    ],
)
def test_production_refuses_wildcard_hosts_and_weak_keys(env, reason):
    result = _production(**env)
    assert result.returncode != 0
    assert reason in result.stderr


def test_check_deploy_states_why_w019_and_w021_are_silenced():
    settings_text = (ROOT / "cms/settings/production.py").read_text()
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    clean.update(
        {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "voresishoj.dk",
         "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT, env=clean, capture_output=True, text=True,
    )  # fmt: skip
    assert "security.W019" not in result.stdout + result.stderr
    assert "security.W021" not in result.stdout + result.stderr
    for code in ("W019", "W021"):
        before = settings_text.split(f'"security.{code}"')[0].rsplit("SILENCED", 1)[-1]
        assert f"# {code}:" in before, f"{code} er slået fra uden en begrundelse"
