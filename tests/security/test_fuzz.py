"""Random input at every public form and endpoint: never a server error.

A bounded budget (50 examples per endpoint, derandomised so CI sees the same
inputs every run). Any 500 raises in Django's test client and fails the test.
`test_every_public_url_survives_random_input` takes its URLs from the URL
configuration (tests/security/world.py), so a new public URL is fuzzed too.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.models import GroupPage, PhotoCallPage
from tests.community.helpers import make_group, make_photo_call
from tests.factories import story_index
from tests.security.world import build_world, public_urls
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db

BUDGET = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a browser could send (no lone surrogates: they cannot be UTF-8 encoded).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
VALUE = st.one_of(TEXT, st.sampled_from(["", "on", "0", "-1", "1e309", "<b>x</b>", "a@b.dk"]))


def form_data(fields):
    return st.fixed_dictionaries({}, optional={name: VALUE for name in fields})


def _ok(response):
    assert response.status_code < 500, response.status_code


STORY_FIELDS = ["title", "intro", "body", "name", "email", "message", "consent", "firma"]
RECIPE_FIELDS = ["dish", "servings", "history", "ingredients", "steps", "name", "email",
                 "consent"]  # fmt: skip
SIGNUP_FIELDS = ["name", "email", "phone", "consent", "firma", "interests", "groups"]
EVENT_FIELDS = ["title", "intro", "date", "start_time", "end_time", "all_day", "frequency",
                "place_name", "organiser", "audience", "price_dkk", "is_free", "name", "email",
                "categories", "signup_url", "firma"]  # fmt: skip


@BUDGET
@given(data=form_data(STORY_FIELDS))
def test_story_form(client, data):
    story_index()
    _ok(client.post("/fortael/", data))


@BUDGET
@given(data=form_data(RECIPE_FIELDS))
def test_recipe_form(client, data):
    story_index()
    _ok(client.post("/fortael/?type=opskrift", data))


@BUDGET
@given(data=form_data(SIGNUP_FIELDS), task=st.integers(min_value=-5, max_value=10**12))
def test_task_sign_up(client, data, task):
    group = GroupPage.objects.filter(slug="fuzz-gruppe").first() or make_group(
        slug="fuzz-gruppe", tasks=[("til at grille", 2)]
    )
    real = group.tasks.get().pk
    _ok(client.post(f"{group.url}opgave/{real}/", data))
    _ok(client.post(f"{group.url}opgave/{task}/", data))
    _ok(client.post(f"{group.get_parent().url}giv-en-haand/", data))


@BUDGET
@given(data=form_data(["caption", "photographer", "email", "consent"]),
       blob=st.binary(max_size=2048))  # fmt: skip
def test_photo_upload(client, data, blob):
    call = PhotoCallPage.objects.filter(slug="fuzz-fotos").first() or make_photo_call(
        slug="fuzz-fotos"
    )
    upload = SimpleUploadedFile("billede.jpg", blob, content_type="image/jpeg")
    _ok(client.post(call.url, {**data, "image": upload}))


@BUDGET
@given(data=form_data(EVENT_FIELDS))
def test_event_suggestion(client, data):
    index = event_index()
    _ok(client.post(f"{index.url}foreslaa/", data))


@BUDGET
@given(
    body=st.one_of(
        st.binary(max_size=4096),
        TEXT.map(str.encode),
        st.dictionaries(TEXT, VALUE).map(lambda d: json.dumps(d).encode()),
    )
)
def test_reach_beacon(client, body):  # fmt: skip
    _ok(client.post("/api/reach/hit", body, content_type="text/plain;charset=UTF-8"))


@BUDGET
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "query",
                "side",
                "fra",
                "til",
                "kategori",
                "malgruppe",
                "sted",
                "periode",
                "limit",
                "offset",
                "type",
                "emne",
                "since",
            ]
        ),
        TEXT,
        max_size=4,
    )
)
def test_search_feeds_and_api(client, params):  # fmt: skip
    for url in (
        "/search/",
        "/feeds/det-sker.json",
        "/feeds/begivenheder.ics",
        "/feeds/historier.rss",
        "/api/v2/pages/",
        "/historier/",
        "/grupper/",
    ):
        _ok(client.get(url, params))


# Real parameter names of the public URLs and feeds, plus any text.
PARAMETER_NAMES = st.one_of(
    st.sampled_from(
        ["query", "side", "fra", "til", "kategori", "malgruppe", "sted", "periode", "emne",
         "from", "to", "category", "audience", "place", "updated_since", "page", "page_size",
         "limit", "offset", "search", "search_operator", "order", "fields", "type", "child_of",
         "id", "html_path", "facility", "accent", "antal", "titel", "tak", "format"]
    ),
    TEXT,
)  # fmt: skip
NASTY = st.sampled_from(
    ["\x00", "kaffe\x00", "\x1b[31m", "9999-12-31", "0001-01-01", "99999999999999999999",
     "-1", '"', "'", "\\", "*", "%", "a" * 5000, "\ud7ff", "<script>", "xor"]
)  # fmt: skip


@pytest.fixture
def every_public_url(db):
    return public_urls(build_world())


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_public_url_survives_random_input(client, every_public_url, data):
    url = data.draw(st.sampled_from(every_public_url), label="url")
    method = data.draw(st.sampled_from(["GET", "HEAD", "POST"]), label="method")
    params = data.draw(
        st.dictionaries(PARAMETER_NAMES, st.one_of(VALUE, NASTY), max_size=4), label="params"
    )
    if method == "POST":
        _ok(client.post(url, params))
    elif method == "HEAD":
        _ok(client.head(url, params))
    else:
        _ok(client.get(url, params))
