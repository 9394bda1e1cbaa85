"""Who may open what: one row per role and endpoint (docs/roles.md).

Roles: anonymous, a resident (logged in, no groups), a co-editor, a report
reader and the secretariat. "ja" means the page opens (200) and, for public
pages, shows none of the residents' contact data; "nej" means the person is
sent to the login page, refused (403) or sent back to the dashboard, and sees
none of it either way.

Beyond the table, `test_every_url_for_every_role` opens every URL the URL
configuration has (tests/security/world.py), choosers, the admin API, each
snippet and setting included, as each role: no 5xx for anyone, and no
resident's name, e-mail or phone for anyone but the secretariat.
"""

from __future__ import annotations

import pytest

from stories.models import (
    EventSubmission,
)
from tests.community.helpers import (
    co_editor,
    report_reader,
    secretariat,
    user_in,
)
from tests.security.world import SECRETS, build_world, every_url

ROLES = ("anonym", "borger", "medredaktør", "rapportlæser", "sekretariat")
EVERYONE = set(ROLES)
STAFF = {"medredaktør", "rapportlæser", "sekretariat"}
EDITORS = {"medredaktør", "sekretariat"}
REPORTS = {"rapportlæser", "sekretariat"}
SECRETARIAT = {"sekretariat"}


# (name, url template, who may open it, is public)
ENDPOINTS = [
    ("admin-forside", "/admin/", STAFF, False),
    ("admin-sider", "/admin/pages/", EDITORS, False),
    ("sideredigering-historie", "/admin/pages/{story}/edit/", EDITORS, False),
    ("snippets-partnere", "/admin/snippets/stories/partner/", EDITORS, False),
    ("snippets-stedkategorier", "/admin/snippets/locations/placecategory/", EDITORS, False),
    ("snippets-begivenhedsforslag", "/admin/snippets/stories/eventsubmission/", SECRETARIAT,
     False),
    ("snippets-stedforslag", "/admin/snippets/locations/placesuggestion/", SECRETARIAT, False),
    ("vaelger-begivenhedsforslag", "/admin/snippets/choose/stories/eventsubmission/",
     SECRETARIAT, False),
    ("vaelger-begivenhedsforslag-resultater",
     "/admin/snippets/choose/stories/eventsubmission/results/", SECRETARIAT, False),
    ("vaelger-begivenhedsforslag-valgt",
     "/admin/snippets/choose/stories/eventsubmission/chosen/{event_submission}/", SECRETARIAT,
     False),
    ("vaelger-stedforslag", "/admin/snippets/choose/locations/placesuggestion/", SECRETARIAT,
     False),
    ("admin-api-billeder", "/admin/api/main/images/", EDITORS, False),
    ("admin-api-dokumenter", "/admin/api/main/documents/", EDITORS, False),
    ("admin-api-sider", "/admin/api/main/pages/", EDITORS, False),
    ("indstillinger-site", "/admin/settings/home/sitesettings/{site}/", SECRETARIAT, False),
    ("kladde-borgers-sted", "/admin/pages/{resident_place}/view_draft/", EDITORS, False),
    ("redigering-gruppe", "/admin/pages/{group}/edit/", EDITORS, False),
    ("kanaler-rapport", "/admin/kanaler/", SECRETARIAT, False),
    ("kanaler-proev-igen", "/admin/kanaler-handling/{publication}/proev-igen/", SECRETARIAT,
     False),
    ("raekkevidde-historier", "/admin/raekkevidde/", REPORTS, False),
    ("raekkevidde-eksport-csv", "/admin/raekkevidde/?format=csv", REPORTS, False),
    ("raekkevidde-eksport-xlsx", "/admin/raekkevidde/kanaler/?format=xlsx", REPORTS, False),
    ("evalueringsrapport", "/admin/raekkevidde/evalueringsrapport/", REPORTS, False),
    ("api-raekkevidde", "/api/reach/stories/", REPORTS, False),
    ("tilmeldinger", "/admin/faellesskab/tilmeldinger/", SECRETARIAT, False),
    ("tilmeldinger-csv", "/admin/faellesskab/tilmeldinger/?format=csv", SECRETARIAT, False),
    ("frivillige-csv", "/admin/faellesskab/frivillige/?format=csv", SECRETARIAT, False),
    ("indsendte-billeder", "/admin/faellesskab/billeder/", SECRETARIAT, False),
    ("persondata-eksport",
     "/admin/faellesskab/persondata/?email=frivillig.hemmelig@example.dk&format=json",
     SECRETARIAT, False),
    ("inviter-medredaktoer", "/admin/faellesskab/inviter/", SECRETARIAT, False),
    ("forside", "/", EVERYONE, True),
    ("gruppe", "{group_url}", EVERYONE, True),
    ("grupper", "/grupper/", EVERYONE, True),
    ("fotoindkaldelse", "{call_url}", EVERYONE, True),
    ("api-sider", "/api/v2/pages/?fields=*&limit=50", EVERYONE, True),
    ("api-gruppe", "/api/v2/pages/{group}/", EVERYONE, True),
    ("api-historie", "/api/v2/pages/{story}/", EVERYONE, True),
    ("feed-historier", "/feeds/historier.rss", EVERYONE, True),
    ("feed-det-sker", "/feeds/det-sker.json", EVERYONE, True),
    ("feed-ics", "/feeds/begivenheder.ics", EVERYONE, True),
    ("steder-geojson", "/api/places.geojson", EVERYONE, True),
    ("soegning", "/search/?query=hemmelig", EVERYONE, True),
    ("kogebog", "/kogebog.pdf", EVERYONE, True),
]  # fmt: skip


@pytest.fixture
def world(db):
    """One of everything, with residents' contact data planted in every store."""
    from wagtail.models import Site

    built = build_world()
    pages, objects = built.pages, built.objects
    return {
        "story": pages["story"].pk,
        "group": pages["group"].pk,
        "group_url": pages["group"].url,
        "call_url": pages["call"].url,
        "publication": objects["publication"].pk,
        "event_submission": EventSubmission.objects.order_by("pk").first().pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "resident_place": pages["resident_place"].pk,
        "image": objects["image"].pk,
    }


def _login(client, role):
    maker = {
        "anonym": None,
        "borger": lambda: user_in(None),
        "medredaktør": co_editor,
        "rapportlæser": report_reader,
        "sekretariat": secretariat,
    }[role]
    if maker:
        client.force_login(maker())


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    """Each row of ENDPOINTS as this role (one world per role, not per row)."""
    _login(client, role)
    problems = []
    for name, template, allowed_roles, public in ENDPOINTS:
        url = template.format(**world)
        allowed = role in allowed_roles
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        if allowed and response.status_code != 200:
            problems.append(f"{name}: skulle kunne åbne {url}, fik {response.status_code}")
        if not allowed:
            if response.status_code not in (302, 401, 403, 404):
                problems.append(f"{name}: må ikke åbne {url}, fik {response.status_code}")
            elif response.status_code == 302 and (
                response["Location"].split("?")[0] == url.split("?")[0]
            ):
                problems.append(f"{name}: {url} sender tilbage til sig selv")
        if public or not allowed:
            leaked = [secret for secret in SECRETS if secret in text]
            if leaked:
                problems.append(f"{name}: {url} viser persondata: {leaked}")
    assert not problems, f"{role}: " + "; ".join(problems)


def _body(response) -> str:
    body = b"".join(response) if response.streaming else response.content
    return body.decode("utf-8", errors="replace")


@pytest.fixture
def everything(db):
    return build_world()


@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(client, everything, role):
    """Every URL in the URLconf as this role: never a 5xx, never a resident's data
    shown to anyone but the secretariat."""
    urls = every_url(everything)
    _login(client, role)
    client.raise_request_exception = False
    problems = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
            continue
        if role != "sekretariat":
            leaked = [secret for secret in SECRETS if secret in _body(response)]
            if leaked:
                problems.append(f"{url}: viser {leaked}")
    assert not problems, f"{role}: " + "; ".join(problems)


# Single-page actions and who may take them on a live page someone else wrote
# (Wagtail's own page permissions, as home/roles.py grants them): the
# confirmation page answers 403 to everyone else, before it shows anything.
PAGE_ACTIONS = [
    ("slet", "/admin/pages/{page}/delete/", SECRETARIAT),
    ("flyt", "/admin/pages/{page}/move/", SECRETARIAT),
    ("flyt-bekraeft", "/admin/pages/{page}/move/{parent}/confirm/", SECRETARIAT),
    ("kopier", "/admin/pages/{page}/copy/", EDITORS),  # a copy is a draft
    ("afpublicer", "/admin/pages/{page}/unpublish/", SECRETARIAT),
    ("gendan-version", "/admin/pages/{page}/revisions/{revision}/revert/", EDITORS),
    ("fjern-planlaegning", "/admin/pages/{page}/revisions/{revision}/unschedule/", SECRETARIAT),
    ("privatliv", "/admin/pages/{page}/privacy/", SECRETARIAT),
]


@pytest.mark.parametrize("role", ("medredaktør", "rapportlæser", "sekretariat"))
def test_single_page_confirmations_answer_403_to_a_role_that_cannot_act(client, db, role):
    from tests.factories import make_story

    story = make_story(title="Fællesspisning i Vejleåparken", owner=secretariat())
    old = story.get_latest_revision()
    story.title = "Fællesspisning i Vejleåparken, nu hver fredag"
    story.save_revision().publish()
    values = {"page": story.pk, "parent": story.get_parent().pk, "revision": old.pk}
    _login(client, role)
    problems = []
    for name, template, allowed_roles in PAGE_ACTIONS:
        url = template.format(**values)
        response = client.get(url)
        expected = 200 if role in allowed_roles else 403
        if response.status_code != expected:
            problems.append(f"{name}: {url} gav {response.status_code}, ventede {expected}")
        elif expected == 403 and "Fællesspisning" in response.content.decode():
            problems.append(f"{name}: {url} viser sidens titel")
    assert not problems, f"{role}: " + "; ".join(problems)


def test_a_co_editor_may_delete_and_move_her_own_draft(client, db):
    """The 403s above are about the page, not the view: her own draft she may."""
    from tests.factories import make_story

    writer = co_editor()
    draft = make_story(publish=False, owner=writer)
    client.force_login(writer)
    for template in ("/admin/pages/{page}/delete/", "/admin/pages/{page}/move/"):
        assert client.get(template.format(page=draft.pk)).status_code == 200, template
