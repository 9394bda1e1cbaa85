"""The two actors people follow, their documents and their keys.

An actor's id never contains its handle (`/fediverse/events`), so a handle
changed in the settings keeps every follower; WebFinger maps the handle to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from .models import ActorKey, Follower
from .signatures import generate_key_pair

AS_CONTEXT = "https://www.w3.org/ns/activitystreams"
SECURITY_CONTEXT = "https://w3id.org/security/v1"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


@dataclass(frozen=True)
class Actor:
    key: str
    """The stable internal name: 'events' or 'stories'."""
    handle: str
    name_da: str
    summary_da: str
    page_model: str
    """The site page people land on ('stories.eventindexpage')."""

    @property
    def id(self) -> str:
        return absolute(reverse("fediverse:actor", args=[self.key]))

    @property
    def key_id(self) -> str:
        return f"{self.id}#main-key"

    @property
    def inbox(self) -> str:
        return absolute(reverse("fediverse:inbox", args=[self.key]))

    @property
    def outbox(self) -> str:
        return absolute(reverse("fediverse:outbox", args=[self.key]))

    @property
    def followers(self) -> str:
        return absolute(reverse("fediverse:followers", args=[self.key]))

    @property
    def address(self) -> str:
        return f"@{self.handle}@{domain()}"


def actors() -> dict[str, Actor]:
    return {
        "events": Actor(
            key="events",
            handle=settings.FEDIVERSE_EVENTS_HANDLE,
            name_da="Det sker i Ishøj",
            summary_da="Begivenheder i Ishøj fra Vores Ishøj: koncerter, fællesspisning, "
            "loppemarkeder, foreningsliv og meget mere. Vi følger ikke selv nogen tilbage.",
            page_model="stories.eventindexpage",
        ),
        "stories": Actor(
            key="stories",
            handle=settings.FEDIVERSE_STORIES_HANDLE,
            name_da="Vores Ishøj – historier",
            summary_da="Gode historier om mennesker, der mødes på tværs af alder, kultur og "
            "bydel i Ishøj. Fra Vores Ishøj.",
            page_model="stories.storyindexpage",
        ),
    }


def by_handle(handle: str) -> Actor | None:
    return next((a for a in actors().values() if a.handle.lower() == handle.lower()), None)


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    return base_url() + path if path.startswith("/") else path


def domain() -> str:
    return urlsplit(base_url()).netloc


def current_key(actor_key: str) -> ActorKey:
    """The actor's signing key, generated on first use (and only once, also when two
    requests ask at the same moment)."""
    key = ActorKey.objects.filter(actor=actor_key, retired_at__isnull=True).first()
    if key is not None:
        return key
    with transaction.atomic():
        # Lock whatever rows exist so two first uses do not both generate (PostgreSQL).
        list(ActorKey.objects.select_for_update().filter(actor=actor_key))
        key = ActorKey.objects.filter(actor=actor_key, retired_at__isnull=True).first()
        if key is None:
            private, public = generate_key_pair()
            key = ActorKey.objects.create(actor=actor_key, private_pem=private, public_pem=public)
    return key


def rotate_key(actor_key: str) -> ActorKey:
    """Retire the actor's key and make a new one (announce it with an Update)."""
    with transaction.atomic():
        ActorKey.objects.filter(actor=actor_key, retired_at__isnull=True).update(
            retired_at=timezone.now()
        )
        private, public = generate_key_pair()
        return ActorKey.objects.create(actor=actor_key, private_pem=private, public_pem=public)


def landing_url(actor: Actor) -> str:
    """The site page people land on for the actor (Det sker, Historier), else the front page."""
    app, model = actor.page_model.split(".")
    page = Page.objects.live().filter(content_type__app_label=app, content_type__model=model)
    found = page.first()
    url = found.get_full_url() if found else None
    return url or base_url() + "/"


def actor_document(actor: Actor) -> dict:
    """The actor as Mastodon reads it (a Service: published by an organisation, not a person)."""
    key = current_key(actor.key)
    site = landing_url(actor)
    return {
        "@context": [AS_CONTEXT, SECURITY_CONTEXT],
        "id": actor.id,
        "type": "Service",
        "preferredUsername": actor.handle,
        "name": actor.name_da,
        "summary": f"<p>{actor.summary_da}</p>",
        "url": site,
        "inbox": actor.inbox,
        "outbox": actor.outbox,
        "followers": actor.followers,
        "endpoints": {"sharedInbox": absolute(reverse("fediverse:shared_inbox"))},
        "manuallyApprovesFollowers": False,
        "discoverable": True,
        "indexable": True,
        "published": key.created_at.isoformat(),
        "icon": {
            "type": "Image",
            "mediaType": "image/png",
            "url": absolute(static("apple-touch-icon.png")),
        },
        "attachment": [
            {
                "type": "PropertyValue",
                "name": "Hjemmeside",
                "value": f'<a href="{site}" rel="me">{site}</a>',
            }
        ],
        "publicKey": {"id": actor.key_id, "owner": actor.id, "publicKeyPem": key.public_pem},
    }


def follower_count(actor_key: str) -> int:
    return Follower.objects.of(actor_key).count()
