"""A fresh demo posts its stories' videos: the stand-in, started as the
Procfile starts it, knows every video the demo stories show."""

import pytest

from channels.models import PublicationStatus as S
from demo.management.commands.run_platform_standin import seed_videos
from demo.stories.stories import STORIES, demo_video_ids
from tests.channels.helpers import publication
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_every_demo_video_goes_out_on_youtube(
    standin, standin_server, django_capture_on_commit_callbacks
):
    seed_videos(standin_server.state, demo_video_ids())  # what run_platform_standin does
    videos = [
        (story["title"], value["url"])
        for story in STORIES
        for block_type, value in story["body"]
        if block_type == "video"
    ]
    assert videos  # the demo shows at least one video
    for title, url in videos:
        body = [("video", {"url": url, "title": title, "caption": ""})]
        with django_capture_on_commit_callbacks(execute=True):
            story = make_story(title=title, body=body)
        assert publication(story, "youtube").status == S.PUBLISHED, title
