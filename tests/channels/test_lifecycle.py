"""A publication's status has one owner: the table of allowed moves.

The table is walked exhaustively (every source, every target), and a
hypothesis state machine drives one post through the real planner, worker,
clock and editor functions in any order, checking every move it makes.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from channels import performing, planning, reconciling, recording
from channels.governor import governor
from channels.http import PlatformError
from channels.models import IllegalTransition, Publication, PublicationAction
from channels.models import PublicationStatus as S
from channels.models.lifecycle import TRANSITIONS, allowed
from channels.platforms import PostResult
from channels.registry import get_channel
from tests.factories import make_story

pytestmark = pytest.mark.django_db

STATUSES = list(S)


@pytest.fixture
def row():
    story = make_story()
    return Publication.objects.create(page=story, channel="facebook", status=S.QUEUED)


def test_every_move_the_table_allows_happens_and_every_other_is_refused(row):
    for source in STATUSES:
        for target in STATUSES:
            check_move(row, source, target)


def check_move(row, source, target):
    Publication.objects.filter(pk=row.pk).update(status=source, notice="")
    rows = Publication.objects.filter(pk=row.pk)
    if allowed(source, target):
        assert rows.move_to(target, sources=[source], notice="moved") == 1, (source, target)
        assert rows.get().status == target
    else:
        with pytest.raises(IllegalTransition):
            rows.move_to(target, sources=[source], notice="moved")
        kept = rows.get()
        assert (kept.status, kept.notice) == (source, ""), (source, target)


def test_the_instance_move_checks_the_table_too(row):
    Publication.objects.filter(pk=row.pk).update(status=S.WITHDRAWN)
    row.refresh_from_db()
    with pytest.raises(IllegalTransition):
        row.move_to(S.PUBLISHED)
    assert Publication.objects.get(pk=row.pk).status == S.WITHDRAWN


def test_the_table_names_every_status():
    assert set(TRANSITIONS) == {None, *STATUSES}
    assert all(targets <= set(STATUSES) for targets in TRANSITIONS.values())


OUTCOMES = [
    ("published", None),
    ("transient", PlatformError("transient", "Midlertidig fejl.")),
    ("lost", PlatformError("lost", "Svaret gik tabt.")),
    ("auth", PlatformError("auth", "Login udløbet.")),
    ("permanent", PlatformError("permanent", "Afvist.")),
]


class OnePostsLife(RuleBasedStateMachine):
    """One story on the Facebook Page, driven by the real functions in any order."""

    def __init__(self):
        super().__init__()
        self.story = make_story(publish=False)
        self.seen: list[tuple[str | None, str]] = []
        self.last: str | None = None
        self.moment = timezone.now()
        governor.clock = lambda: self.moment

    def _observe(self):
        pub = Publication.objects.filter(page=self.story, channel="facebook").first()
        status = pub.status if pub else None
        if status != self.last:
            self.seen.append((self.last, status))
            self.last = status
        return pub

    @rule()
    def editor_publishes(self):
        self.story.save_revision().publish()
        planning.plan_page(self.story)
        self._observe()

    @rule()
    def editor_unpublishes(self):
        planning.plan_withdrawal(self.story)
        self._observe()

    @rule(outcome=st.sampled_from(OUTCOMES))
    def a_worker_attempts(self, outcome):
        pub = self._observe()
        if pub is None:
            return
        claimed = performing.claim(pub.pk)
        self._observe()
        if claimed is None:
            return
        pub, _ = claimed
        name, error = outcome
        channel = get_channel("facebook")
        if name == "published":
            if pub.action == PublicationAction.WITHDRAW:
                recording.finish(pub, pub.claim_token, status=S.WITHDRAWN, external_id="")
            else:
                result = PostResult(external_id=f"{pub.pk}_1", url="https://www.facebook.com/x")
                recording.published(pub, pub.claim_token, result, "fingerprint")
        else:
            recording.failed(pub, pub.claim_token, channel, error)
        self._observe()

    @rule()
    def a_worker_is_killed_and_the_clock_sweeps(self):
        pub = self._observe()
        if pub is None:
            return
        if performing.claim(pub.pk) is None:
            return
        self._observe()
        self.moment += timedelta(hours=1)
        reconciling.retry_due(self.moment)
        self._observe()

    @rule()
    def editor_presses_retry(self):
        pub = self._observe()
        if pub is not None:
            reconciling.retry([pub.pk])
        self._observe()

    @rule()
    def time_passes(self):
        self.moment += timedelta(minutes=30)

    @invariant()
    def every_move_is_in_the_table(self):
        for source, target in self.seen:
            assert target is None or allowed(source, target), (source, target)

    def teardown(self):
        governor.clock = timezone.now


def test_a_posts_life_in_any_order_only_takes_allowed_moves(settings):
    settings.CHANNELS = {
        "facebook": {
            "BACKEND": "channels.platforms.facebook.FacebookBackend",
            "OPTIONS": {"API_URL": "http://127.0.0.1:9", "PAGE_ID": "1", "TOKEN": "t"},
        }
    }
    run_state_machine_as_test(
        OnePostsLife,
        settings=hypothesis_settings(
            max_examples=15,
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
