from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from channels import reconciling
from channels.governor import governor
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def sweep_at(minutes):
    moment = timezone.now() + timedelta(minutes=minutes)
    governor.clock = lambda: moment
    return reconciling.retry_due()


def test_a_transient_error_is_retried_with_backoff(standin, django_capture_on_commit_callbacks):
    standin.fault("facebook", "transient", count=2)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")
    assert pub.status == S.QUEUED and pub.next_attempt_at > timezone.now()
    assert "midlertidig fejl" in pub.last_error and pub.trace_id

    sweep_at(5)
    sweep_at(30)
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and len(standin.posts()["facebook"]) == 1
    assert publication(story, "instagram").status == S.PUBLISHED  # other channels unaffected


def test_retries_are_bounded_and_the_story_stays_on_the_site(
    standin, settings, client, django_capture_on_commit_callbacks
):
    settings.CHANNELS_MAX_ATTEMPTS = 3
    standin.fault("facebook", "transient", count=None)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Stadig online")
    for minutes in (10, 60, 240, 600):
        sweep_at(minutes)

    pub = publication(story, "facebook")
    assert pub.status == S.FAILED and pub.attempts == 3
    assert "Opgivet efter 3 forsøg" in pub.last_error
    assert "Stadig online" in client.get(story.url).content.decode()

    standin.state.faults.clear()
    reconciling.retry([pub.pk])
    with django_capture_on_commit_callbacks(execute=True):
        reconciling.retry([pub.pk])
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED


def test_a_permanent_error_fails_at_once_with_the_reason(
    standin, django_capture_on_commit_callbacks
):
    standin.fault("facebook", "permanent")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")

    assert pub.status == S.FAILED and pub.attempts == 1
    assert "platformens begrundelse: »(#100) Invalid parameter«" in pub.last_error


def test_an_expired_token_stops_the_channel_and_mails_once(
    standin, settings, django_capture_on_commit_callbacks
):
    settings.CHANNELS_ALERT_EMAIL = "sekretariat@example.org"
    standin.fault("instagram", "token_expired", count=None)
    with django_capture_on_commit_callbacks(execute=True):
        first = make_story()
        second = make_story()
    calls = len(standin.requests_to("instagram"))
    sweep_at(120)

    assert publication(first, "instagram").status == S.NEEDS_LOGIN
    assert publication(second, "instagram").status == S.NEEDS_LOGIN
    assert len(standin.requests_to("instagram")) == calls == 1  # no retry storm
    assert len(mail.outbox) == 1 and "Instagram kræver nyt login" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["sekretariat@example.org"]
    assert publication(first, "facebook").status == S.PUBLISHED


def test_after_a_new_login_prøv_igen_sends_the_waiting_posts(
    standin, django_capture_on_commit_callbacks
):
    standin.fault("instagram", "token_expired")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "instagram")
    with django_capture_on_commit_callbacks(execute=True):
        reconciling.retry([pub.pk])
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED


def test_the_alert_goes_to_the_site_settings_address_by_default(
    standin, django_capture_on_commit_callbacks
):
    standin.fault("facebook", "token_expired")
    with django_capture_on_commit_callbacks(execute=True):
        make_story()
    assert mail.outbox[0].to == ["voresishoj@ishoj.dk"]


def test_tokens_never_appear_in_what_the_platform_logs(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_story()
    recorded = repr(standin.state.requests)
    assert "test-facebook-token" not in recorded and "test-instagram-token" not in recorded
