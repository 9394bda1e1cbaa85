"""TASK_BACKEND=rq and Redis cut: an editor still saves and publishes, and the
story's channel posts go out once Redis is back.

Redis sits behind a TCP proxy the test starts and cuts (tests/tcp_proxy.py);
the task backend is the production one (settings.TASKS_ON_REDIS), the queue
and the platform stand-in are real.
"""

import copy
import logging
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from channels import reconciling
from channels.governor import governor
from channels.models import PublicationStatus as S
from stories.models import StoryPage
from tests.channels.helpers import publication
from tests.factories import make_story
from tests.redis_support import REDIS_PORT, REDIS_TEST_DB, require_redis
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.django_db


@pytest.fixture
def rq_queue_behind_proxy(settings):
    """The production task backend on the real Redis, through a proxy; (proxy, queue)."""
    import django_rq.queues

    require_redis()
    proxy = TcpProxy(REDIS_PORT).start()
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{proxy.port}/{REDIS_TEST_DB}"}}
    settings.TASKS = copy.deepcopy(settings.TASKS_ON_REDIS)
    queue = django_rq.queues.get_queue("default")
    queue.empty()
    yield proxy, queue
    proxy.restore()
    queue.empty()
    proxy.cut()


def drain(queue):
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)


def published_in_the_editor(client, story, title):
    """What the story editor posts when the editor changes the title and publishes."""
    form = nested_form_data(
        {
            "title": title,
            "slug": story.slug,
            "intro": story.intro,
            "date": "2026-05-01",
            "image": story.image_id,
            "image_alt": story.image_alt,
            "body": streamfield([("paragraph", rich_text("<p>Brødtekst.</p>"))]),
            "tags": "natur",
            "channel_settings": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    return client.post(f"/admin/pages/{story.pk}/edit/", form)


def test_publishing_while_redis_is_cut_saves_the_page_and_its_post_goes_out_later(
    client, standin, rq_queue_behind_proxy, django_capture_on_commit_callbacks, caplog
):
    proxy, queue = rq_queue_behind_proxy
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@ishoj.dk", "x"))
    story = make_story(title="Kladde", publish=False)

    proxy.cut()
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = published_in_the_editor(client, story, "Strandrensning lørdag")

    assert response.status_code == 302
    saved = StoryPage.objects.get(pk=story.pk)
    assert saved.live and saved.title == "Strandrensning lørdag"
    assert "Redis svarer ikke" in caplog.text  # Wagtail's own tasks ran in the request
    assert f"publication {publication(story, 'facebook').pk} stays queued" in caplog.text
    waiting = publication(story, "facebook")
    assert waiting.status == S.QUEUED and waiting.enqueued_for is None  # kept for the clock
    assert standin.posts()["facebook"] == []

    proxy.restore()
    later = timezone.now() + timedelta(minutes=3)
    governor.clock = lambda: later
    assert reconciling.retry_due() >= 1
    drain(queue)

    (post,) = standin.posts()["facebook"]
    assert "Strandrensning lørdag" in post["message"]
    assert publication(story, "facebook").status == S.PUBLISHED
