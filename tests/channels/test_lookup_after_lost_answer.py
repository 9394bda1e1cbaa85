"""Looking up a post whose answer was lost survives the platform's hiccups.

The lookup reads the account's posts page by page and runs again on every
attempt until it succeeds; one page answering "try later" must not cost the
attempt, or a busy account uses up all of a post's attempts on lookups.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from channels import reconciling
from channels.governor import governor
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_a_hiccup_while_looking_for_a_lost_instagram_post_does_not_cost_the_attempt(
    standin, django_capture_on_commit_callbacks
):
    standin.fault("instagram", "lost_answer", path="media_publish")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "instagram")
    assert pub.status == S.UNCONFIRMED
    # Instagram's media listing answers "try again later" twice in a row.
    standin.fault(
        "instagram",
        "transient",
        count=2,
        path=f"{settings.CHANNELS['instagram']['OPTIONS']['USER_ID']}/media",
    )

    moment = timezone.now() + timedelta(minutes=90)
    governor.clock = lambda: moment
    reconciling.retry_due()

    pub.refresh_from_db()
    created = standin.posts()["instagram"]
    assert pub.status == S.PUBLISHED and pub.external_id == created[0]["id"]
    assert len(created) == 1  # found by the one retry, not posted again
