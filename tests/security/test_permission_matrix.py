"""Who may open what: one row per role and endpoint (docs/roles.md).

Roles: anonymous, a resident (logged in, no groups), a co-editor, a report
reader and the secretariat. "ja" means the page opens (200) and, for public
pages, shows none of the residents' contact data; "nej" means the person is
sent to the login page, refused (403) or sent back to the dashboard, and sees
none of it either way.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from stories.models import (
    EventSubmission,
    PhotoSubmission,
    StorySubmission,
    TaskSignup,
    VolunteerSignup,
)
from tests.community.helpers import (
    co_editor,
    jpeg_upload,
    make_group,
    make_photo_call,
    report_reader,
    secretariat,
    user_in,
)
from tests.factories import make_image, make_story

ROLES = ("anonym", "borger", "medredaktør", "rapportlæser", "sekretariat")
EVERYONE = set(ROLES)
STAFF = {"medredaktør", "rapportlæser", "sekretariat"}
EDITORS = {"medredaktør", "sekretariat"}
REPORTS = {"rapportlæser", "sekretariat"}
SECRETARIAT = {"sekretariat"}

# Residents' contact data planted by the fixture; none may leak into public pages.
SECRETS = (
    "frivillig.hemmelig@example.dk",
    "99 88 77 66",
    "indsender.hemmelig@example.dk",
    "fotograf.hemmelig@example.dk",
    "kontakt.hemmelig@example.dk",
    "forslag.hemmelig@example.dk",
)

# (name, url template, who may open it, is public)
ENDPOINTS = [
    ("admin-forside", "/admin/", STAFF, False),
    ("admin-sider", "/admin/pages/", EDITORS, False),
    ("sideredigering-historie", "/admin/pages/{story}/edit/", EDITORS, False),
    ("snippets-partnere", "/admin/snippets/stories/partner/", EDITORS, False),
    ("snippets-stedkategorier", "/admin/snippets/locations/placecategory/", EDITORS, False),
    ("snippets-begivenhedsforslag", "/admin/snippets/stories/eventsubmission/", SECRETARIAT,
     False),
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


def _rows():
    for name, url, allowed, public in ENDPOINTS:
        for role in ROLES:
            yield pytest.param(role, url, role in allowed, public, id=f"{name}-{role}")


@pytest.fixture
def world(db):
    """One of everything, with residents' contact data planted in every store."""
    from channels.models import Publication

    story = make_story(title="Naboer planter tulipaner", image=make_image())
    group = make_group(
        "Dyrk Ishøj",
        tasks=[("til at grille", 3)],
        contact_email="kontakt.hemmelig@example.dk",
        contact_phone="+45 99 88 77 66",
    )
    TaskSignup.objects.create(
        task=group.tasks.get(), name="Karen", contact="frivillig.hemmelig@example.dk",
        consent=True,
    )  # fmt: skip
    VolunteerSignup.objects.create(name="Jens", contact="+45 99 88 77 66", consent=True)
    draft = make_story(title="Min mormors frikadeller", publish=False)
    StorySubmission.objects.create(
        page=draft, kind="opskrift", name="Fatima", email="indsender.hemmelig@example.dk"
    )
    call = make_photo_call()
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Strand", file=jpeg_upload())
    PhotoSubmission.objects.create(
        call=call, image=image, caption="Ishøj Strand i juli", photographer="Lis",
        email="fotograf.hemmelig@example.dk", consent=True, status="godkendt",
        reviewed_at=timezone.now(),
    )  # fmt: skip
    from tests.stories.event_factories import make_event

    event = make_event(start_date=timezone.localdate() + datetime.timedelta(days=3))
    EventSubmission.objects.create(page=event, name="Ole", email="forslag.hemmelig@example.dk")
    publication = Publication.objects.create(page=story, channel="facebook", status="failed")
    return {
        "story": story.pk,
        "group": group.pk,
        "group_url": group.url,
        "call_url": call.url,
        "publication": publication.pk,
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


@pytest.mark.parametrize("role, url, allowed, public", list(_rows()))
def test_permission_matrix(client, world, role, url, allowed, public):
    url = url.format(**world)
    _login(client, role)
    response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    if allowed:
        assert response.status_code == 200, f"{role} skulle kunne åbne {url}"
    else:
        assert response.status_code in (302, 401, 403, 404), f"{role} må ikke åbne {url}"
        if response.status_code == 302:
            assert response["Location"].split("?")[0] != url.split("?")[0]
    if public or not allowed:
        leaked = [secret for secret in SECRETS if secret in text]
        assert not leaked, f"{url} viser persondata for {role}: {leaked}"
