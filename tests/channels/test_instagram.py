from urllib.parse import urlsplit

import pytest

from channels.models import PublicationStatus as S
from channels.reach.attribution import attribute
from channels.reach.models import Source
from channels.registry import get_channel
from channels.rendering import render_page
from home.models import ShortLink
from tests.channels.helpers import choose, publication, publish, unpublish
from tests.factories import make_image, make_story

pytestmark = pytest.mark.django_db


def test_a_story_goes_out_as_container_poll_and_publish(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(slug="cafe", tags=["ældre", "mad og fællesskab"])

    pub = publication(story, "instagram")
    (media,) = standin.posts()["instagram"]
    paths = [r["path"].rsplit("/", 1)[-1] for r in standin.requests_to("instagram")]
    assert pub.status == S.PUBLISHED and pub.external_id == media["id"]
    assert pub.external_url == media["permalink"]
    assert paths[:2] == ["content_publishing_limit", "media"] and "media_publish" in paths
    assert "#Ældre" in media["caption"] and "#MadOgFællesskab" in media["caption"]
    # The stand-in fetched a 1080-wide JPEG rendition from the portal.
    assert ".width-1080.format-jpeg" in media["image_url"]


def test_the_caption_carries_a_short_address_whose_visits_count_as_instagram(
    client, standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(slug="cafe-paa-torvet")

    (media,) = standin.posts()["instagram"]
    caption = media["caption"]
    link = ShortLink.objects.get(page=story, source="instagram")
    # Links in captions cannot be clicked: a short address to type, and the bio.
    assert f"link i bio eller på localhost/k/{link.code}" in caption
    assert "http" not in caption and "utm_" not in caption
    assert story.full_url not in caption
    # Typed into a phone's browser it leads to the story, counted as Instagram.
    response = client.get(f"/k/{link.code}")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == story.url
    assert attribute(target.query, referrer="").source == Source.INSTAGRAM
    # Rendering again (a retry, an edit) keeps the address already posted.
    render_page(story, get_channel("instagram"))
    assert ShortLink.objects.filter(page=story).count() == 1


def test_an_edit_cannot_change_the_instagram_post_and_says_so(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    story.intro = "Ny tekst."
    publish(story, django_capture_on_commit_callbacks)

    pub = publication(story, "instagram")
    assert pub.status == S.PUBLISHED and "tillader ikke at rette" in pub.notice
    assert len(standin.posts()["instagram"]) == 1


def test_unpublishing_says_the_post_must_be_removed_by_hand(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    unpublish(story, django_capture_on_commit_callbacks)

    assert "Slet det i hånden" in publication(story, "instagram").notice


@pytest.mark.parametrize(
    "size, message",
    [((2000, 600), "mellem 4:5"), ((800, 1400), "mellem 4:5")],
)
def test_a_bad_aspect_ratio_blocks_instagram_only(
    standin, django_capture_on_commit_callbacks, size, message
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(image=make_image(size=size))

    pub = publication(story, "instagram")
    assert pub.status == S.FAILED and message in pub.last_error
    assert standin.posts()["instagram"] == []
    assert publication(story, "facebook").status == S.PUBLISHED


def test_a_long_caption_is_blocked_not_truncated(standin, django_capture_on_commit_callbacks):
    story = make_story(publish=False)
    choose(story, "instagram", text="Ishøj " * 400)
    publish(story, django_capture_on_commit_callbacks)

    pub = publication(story, "instagram")
    assert pub.status == S.FAILED
    assert "Instagram tillader 2200. Forkort den med" in pub.last_error


def test_too_many_hashtags_and_mentions_are_blocked(standin, django_capture_on_commit_callbacks):
    channel = get_channel("instagram")
    story = make_story()
    post = render_page(story, channel)
    from dataclasses import replace

    text = " ".join(f"#emne{i}" for i in range(31)) + " " + " ".join(f"@ven{i}" for i in range(21))
    errors = channel.validate(replace(post, text=text))

    assert any("31 hashtags" in e.message_da for e in errors)
    assert any("21 konti" in e.message_da for e in errors)


def test_a_png_or_oversized_image_is_blocked():
    from channels.rendering import ImageRef

    channel = get_channel("instagram")
    image = ImageRef(
        url="http://x/a.png", width=1080, height=1080, size_bytes=9 * 1024 * 1024, mime="image/png"
    )
    from channels.platforms.base import Post

    post = Post(
        channel="instagram",
        page_id=1,
        title="t",
        text="t",
        link="http://x",
        canonical_url="http://x",
        image=image,
    )
    errors = [e.message_da for e in channel.validate(post)]
    assert "Instagram tager kun billeder i JPEG." in errors
    assert any("højst 8 MB" in e for e in errors)


def test_the_standin_itself_rejects_what_instagram_rejects(standin):
    import requests

    answer = requests.post(
        f"{standin.url}/v26.0/17841400000000001/media",
        data={"image_url": "http://127.0.0.1:1/missing.jpg", "caption": "x"},
        headers={"Authorization": "Bearer t"},
        timeout=5,
    ).json()
    assert answer["error"]["code"] == 9004 and answer["error"]["fbtrace_id"]


def test_reach_leaves_out_metrics_instagram_does_not_return(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    reach = get_channel("instagram").fetch_reach(publication(story, "instagram").record())

    assert reach.metrics["reach"] == 30 and "saved" not in reach.metrics
