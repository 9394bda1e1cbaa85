"""One of everything, and every URL of the portal made concrete from the URLconf.

The permission matrix, the fuzz test and the "nothing unmoderated is public"
walk all start from `every_url()`: it walks `cms.urls` (and each routable
page's own routes), so a URL added tomorrow is tested tomorrow. A pattern
whose parameters this module cannot fill fails the tests with its name, until
a sample for it is added to SAMPLES below.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Task, TaskState, Workflow, WorkflowState

from home.participation_models import Contribution, StandardAnswer
from stories.models import (
    EventSubmission,
    PhotoSubmission,
    StorySubmission,
    TaskSignup,
    VolunteerSignup,
)
from tests.community.helpers import jpeg_upload, make_group, make_photo_call, user_in
from tests.factories import make_image, make_story
from tests.locations.helpers import category, facility, make_place, map_page
from tests.stories.event_factories import event_index, make_event

# Residents' personal data planted in every store; no one but the secretariat
# may ever be shown any of it.
SECRETS = (
    "frivillig.hemmelig@example.dk",
    "99 88 77 66",
    "Hemmeligsen",
    "indsender.hemmelig@example.dk",
    "fotograf.hemmelig@example.dk",
    "kontakt.hemmelig@example.dk",
    "forslag.hemmelig@example.dk",
    "sted.hemmelig@example.dk",
)

# The file names residents gave their uploads (a person and a street).
RESIDENT_FILE_NAMES = ("karen-jensen-vejlebrovej-12.jpg", "ole-hansen-strandgaarden.png")

# URLs walked by no test, each with the reason.
SKIPPED = {
    "admin/logout/": "logs the role out for the rest of the walk",
    "admin/failwhale/": "Wagtail's deliberate 500 for testing error pages (superusers only)",
    "admin/test404/": "Wagtail's deliberate 404",
}


def _image_file(name: str, kind: str = "JPEG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (200, 120, 40)).save(buffer, kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{kind.lower()}")


def submit_as_residents(client: Client) -> dict:
    """Send a photo, an event with an image and a place through the public forms."""
    call = make_photo_call(slug="sommer-fotos")
    response = client.post(
        call.url,
        {"image": _image_file(RESIDENT_FILE_NAMES[0]), "caption": "Gaden i sne",
         "photographer": "Karen Hemmeligsen", "email": "fotograf.hemmelig@example.dk",
         "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    index = event_index()
    day = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(
        f"{index.url}foreslaa/",
        {"title": "Suppe og sang i Vejleåparken", "intro": "Vi laver suppe og synger.",
         "description": "Tag en ven med.", "date": day.isoformat(), "start_time": "17:00",
         "end_time": "20:00", "frequency": "ingen", "place_name": "Glashuset",
         "address": "Vejleåparken 45, 2635 Ishøj", "organiser": "Forældre-netværket",
         "contact": "", "is_free": "on", "audience": ["familier"],
         "name": "Ole Hemmeligsen", "email": "forslag.hemmelig@example.dk", "message": "",
         "website": "", "image": _image_file(RESIDENT_FILE_NAMES[1], "PNG"),
         "image_alt": "Suppe i gryder", "image_rights": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    places = map_page()
    response = client.post(
        f"{places.url}foreslaa/",
        {"name": "Shelterpladsen ved Tranegilde", "category": category("Natur og strand").pk,
         "address": "Tranegilde Strandvej, 2635 Ishøj",
         "description": "To shelters og en bålplads lige ved stranden.",
         "facilities": [facility("Toilet").pk], "opening_hours": "Hele døgnet",
         "website": "", "submitter_name": "Mette Hemmeligsen",
         "submitter_email": "sted.hemmelig@example.dk", "firma": ""},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    return {
        "photo": PhotoSubmission.objects.get(call=call),
        "event": EventSubmission.objects.get(email="forslag.hemmelig@example.dk").page,
    }


@dataclass
class World:
    pages: dict
    objects: dict


def _one_of_each_snippet(story) -> None:
    from channels.reach.models import (
        ManualFigure,
        PressCoverage,
        StoryEvaluation,
        TimelineNote,
    )
    from tests.factories import make_partner
    from tests.stories.event_factories import make_category

    make_partner()
    make_category()
    today = timezone.localdate()
    ManualFigure.objects.create(
        kind="facebook_group_members", value=10, date=today, source="Optalt"
    )
    PressCoverage.objects.create(story=story, outlet="TV 2 Lorry", level="regional", date=today)
    StoryEvaluation.objects.create(story=story, is_branding_story=True)
    TimelineNote.objects.create(date=today, text="Kampagne i Ishøj Bycenter")
    StandardAnswer.objects.create(
        title="Ikke fra Ishøj", text="Tak, men det ligger uden for Ishøj."
    )
    from channels.fediverse.models import BlockedDomain, Follower

    Follower.objects.create(
        actor="events",
        account_uri="https://social.example/users/nabo",
        inbox="https://social.example/users/nabo/inbox",
        domain="social.example",
    )
    BlockedDomain.objects.create(domain="spam.example", reason="Reklamer")


def build_world() -> World:
    """Pages of every type, residents' data in every store, one row of each admin model."""
    from channels.models import Publication
    from locations.models import PlaceSuggestion

    story = make_story(title="Naboer planter tulipaner", image=make_image())
    group = make_group(
        "Dyrk Ishøj", tasks=[("til at grille", 3)],
        contact_name="Grethe fra haven", contact_email="kontakt.hemmelig@example.dk",
        contact_phone="+45 99 88 77 66",
    )  # fmt: skip
    TaskSignup.objects.create(
        task=group.tasks.get(), name="Karen Hemmeligsen", contact="frivillig.hemmelig@example.dk",
        consent=True,
    )  # fmt: skip
    VolunteerSignup.objects.create(name="Jens Hemmeligsen", contact="+45 99 88 77 66", consent=True)
    draft = make_story(title="Min mormors frikadeller", publish=False)
    StorySubmission.objects.create(
        page=draft, kind="opskrift", name="Fatima Hemmeligsen",
        email="indsender.hemmelig@example.dk",
    )  # fmt: skip
    call = make_photo_call()
    image = get_image_model().objects.create(title="Strand", file=jpeg_upload())
    PhotoSubmission.objects.create(
        call=call, image=image, caption="Ishøj Strand i juli", photographer="Lis",
        email="fotograf.hemmelig@example.dk", consent=True, status="godkendt",
        reviewed_at=timezone.now(),
    )  # fmt: skip
    event = make_event(start_date=timezone.localdate() + datetime.timedelta(days=3))
    place = make_place("Legepladsen i Strandparken")
    resident = submit_as_residents(Client())
    suggested_place = PlaceSuggestion.objects.get(submitter_email="sted.hemmelig@example.dk")
    publication = Publication.objects.create(page=story, channel="facebook", status="failed")
    document = get_document_model().objects.create(
        title="Referat", file=SimpleUploadedFile("referat.txt", "Referat fra mødet".encode())
    )
    workflow_state = WorkflowState.objects.filter(status="in_progress").first()
    _one_of_each_snippet(story)
    pages = {
        "story": story,
        "draft": draft,
        "group": group,
        "call": call,
        "event": event,
        "resident_event": resident["event"],
        "place": place,
        "resident_place": suggested_place.place,
    }
    objects = {
        "image": image,
        "document": document,
        "collection": Collection.objects.exclude(depth=1).first(),
        "workflow": Workflow.objects.first(),
        "task": Task.objects.first(),
        "task_state": TaskState.objects.filter(workflow_state=workflow_state).first(),
        "workflow_state": workflow_state,
        "publication": publication,
        "site": Site.objects.get(is_default_site=True),
        "user": user_in(None, username="hemmeligsen"),
        "group": Group.objects.first(),
        "redirect": Redirect.objects.create(old_path="/gammel", redirect_link="/"),
        "task_id": group.tasks.get().pk,
        "place_id": place.pk,
    }
    return World(pages=pages, objects=objects)


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def routes() -> list[str]:
    """Every URL pattern of the project as text, e.g. 'admin/pages/<int:page_id>/edit/'."""
    return list(_walk(get_resolver().url_patterns))


_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)|\(([^?][^)]*)\)")
_SNIPPET = re.compile(r"admin/snippets/(?:choose/)?(\w+)/(\w+)/")
_BULK = (("wagtailcore", "page"), ("stories", "eventsubmission"), ("locations", "placesuggestion"),
         ("wagtailimages", "image"))  # fmt: skip


def _pk_for(route: str, world: World, page: Page):
    snippet = _SNIPPET.match(route)
    if snippet:
        model = apps.get_model(snippet.group(1), snippet.group(2))
        last = model._default_manager.order_by("pk").last()
        if last is None:
            raise LookupError(f"build_world() laver ingen {model.__name__} til {route}")
        return last.pk
    for fragment, key in (
        ("pages", None), ("images", "image"), ("documents", "document"),
        ("collections", "collection"), ("workflows/tasks", "task"), ("workflows", "workflow"),
        ("kanaler", "publication"), ("kanaler-handling", "publication"),
        ("settings", "site"), ("sites", "site"),
        ("users", "user"), ("groups", "group"),
    ):  # fmt: skip
        if f"/{fragment}/" in route or f"^{fragment}/" in route:
            return page.pk if key is None else world.objects[key].pk
    if "translation/submit/snippet/" in route:
        # Wagtail's "Oversæt" for snippets (simple_translation): no snippet is
        # translatable here, so every role must get a 4xx.
        return page.pk
    if "/indsendelser/" in route:
        # A resident's submission waiting for an answer (made by the public forms).
        contribution = Contribution.objects.order_by("pk").last()
        if contribution is None:
            raise LookupError(f"build_world() laver ingen indsendelse til {route}")
        return contribution.pk
    if "/delte-links/" in route:
        # The council share links (reach): revoking one is a POST; a GET with an
        # unknown id must still be a 4xx for every role.
        return 0
    return None


def _value(name: str, route: str, world: World, page: Page):
    objects = world.objects
    fixed = {
        "page_id": page.pk, "parent_page_id": page.pk, "page_to_move_id": page.pk,
        "page_pk": page.pk, "destination_id": page.get_parent().pk, "object_id": page.pk,
        "revision_id": page.latest_revision_id, "revision_id_a": "earliest",
        "revision_id_b": "latest", "image_id": objects["image"].pk,
        "document_id": objects["document"].pk, "doc_id": objects["document"].pk,
        "collection_id": objects["collection"].pk, "redirect_id": objects["redirect"].pk,
        "workflow_pk": objects["workflow"].pk, "task_id": objects["task"].pk,
        "task_state_id": objects["task_state"].pk, "workflow_state_id":
        objects["workflow_state"].pk, "uploaded_file_id": 0, "session_id": 0,
        "restriction_id": 0, "page_view_restriction_id": 0, "filter_spec": "max-165x165",
        "action_name": "approve", "action": "delete", "uidb64": "MQ", "token": "x-y",
        "slug": "facebook", "code": "abc23",
        "uuid": "00000000-0000-4000-8000-000000000000", "key": "events",
        "content_type_app_name": "stories", "content_type_model_name": "storypage",
        "app_label": "stories", "model_name": "storypage", "app_name": "stories",
    }  # fmt: skip
    if name == "pk":
        return _pk_for(route, world, page)
    if name == "task_id" and route.startswith("opgave/"):
        return objects["task_id"]
    if name == "place_id":
        return objects["place_id"]
    if name == "event_id":
        return world.pages["event"].pk
    if route.startswith("admin/settings/") and name in ("app_name", "model_name"):
        model = world.objects["setting"]
        return {"app_name": model._meta.app_label, "model_name": model._meta.model_name}[name]
    if route.startswith("admin/tag-autocomplete/") and name in ("app_name", "model_name"):
        return {"app_name": "stories", "model_name": "storypage"}[name]
    return fixed.get(name)


def fill(route: str, world: World, page: Page) -> str:
    """A concrete URL for a route, or raise LookupError naming what is missing."""

    def replace(match):
        name = match.group(2) or match.group(3)
        if name is None:  # an unnamed regex group (document serving)
            return "1" if "\\d" in match.group(4) else "x.txt"
        value = _value(name, route, world, page)
        if value is None:
            raise LookupError(f"Ingen prøveværdi for '{name}' i {route} (tests/security/world.py)")
        return str(value)

    url = _PARAM.sub(replace, route)
    url = url.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\Z", "")
    if "(" in url or "\\" in url or "*" in url:
        raise LookupError(f"Kan ikke udfylde {route} (tests/security/world.py)")
    return "/" + url


def _page_routes(page: Page) -> list[str]:
    specific = page.specific
    if not isinstance(specific, RoutablePageMixin):
        return []
    return [str(p.pattern) for p in specific.get_subpage_urls()]


def public_urls(world: World) -> list[str]:
    """Every URL outside the admin, and every live page with each of its routes."""
    urls = []
    for route in routes():
        if route.startswith("admin/") or route in SKIPPED:
            continue
        if route.startswith("^((?:"):  # Wagtail's page serving: every live page instead
            for page in Page.objects.live().filter(depth__gt=1).specific():
                urls.append(page.url)
                for sub in _page_routes(page):
                    if sub:
                        urls.append(page.url + fill(sub, world, page).lstrip("/"))
            continue
        urls.append(fill(route, world, world.pages["story"]))
    return sorted(set(urls))


# Page URLs are walked once per page here: these hold the residents' data.
PAGE_VARIANTS = ("story", "group", "resident_event", "resident_place", "draft")


def setting_models() -> list:
    from wagtail.contrib.settings.registry import registry

    return list(registry)


def admin_urls(world: World) -> list[str]:
    """Every admin URL; those naming a page once per page in PAGE_VARIANTS, bulk
    actions once per model holding residents' data."""
    urls = []
    for route in routes():
        if not route.startswith("admin/") or route in SKIPPED or route == "admin/^.*/$":
            continue
        if route.startswith("admin/bulk/"):
            for app_label, model in _BULK:
                target = world.pages["resident_event"].pk if model == "page" else (
                    apps.get_model(app_label, model)._default_manager.order_by("pk").last().pk
                )  # fmt: skip
                urls.append(f"/admin/bulk/{app_label}/{model}/delete/?id={target}")
            continue
        names_page = any(
            f"<int:{n}>" in route or f"(?P<{n}>" in route
            for n in ("page_id", "parent_page_id", "page_to_move_id", "page_pk", "object_id")
        ) or route.startswith(("admin/pages/^(?P<pk>", "admin/api/main/^pages/<int:pk>"))
        variants = PAGE_VARIANTS if names_page else ("story",)
        settings_models = setting_models() if route.startswith("admin/settings/") else [None]
        for setting in settings_models:
            world.objects["setting"] = setting
            for key in variants:
                urls.append(fill(route, world, world.pages[key]))
    return sorted(set(urls))


def every_url(world: World) -> list[str]:
    return public_urls(world) + admin_urls(world)
