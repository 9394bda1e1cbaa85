"""The Instagram business account: container, status poll, publish.

Instagram fetches and processes the image before a container can be
published; Meta's guidance is to ask for the container's status about once a
minute, for up to five minutes. So an attempt creates the container, asks
once, and when Instagram is still at it hands the same container to the next
attempt a minute later (`NotReadyYet`) instead of keeping a worker waiting.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from channels.governor import QuotaPaused, governor
from channels.http import PlatformClient, PlatformError
from home.sharing import SharedContent

from . import meta
from .base import (
    ChannelBackend,
    Metric,
    NotReadyYet,
    Post,
    PostRecord,
    PostResult,
    Problem,
    ReachResult,
)

MAX_CAPTION_CHARS = 2_200
MAX_HASHTAGS = 30
MAX_MENTIONS = 20
MAX_IMAGE_BYTES = 8 * 1024 * 1024
MIN_ASPECT = 4 / 5
MAX_ASPECT = 1.91
IMAGE_SPEC = "width-1080|format-jpeg|jpegquality-85"
POLL_EVERY = timedelta(minutes=1)
WAIT_AT_MOST = timedelta(minutes=5)
PUBLISHING_WINDOW = timedelta(hours=24)
VIEWS_REPLACED = date(2025, 4, 21)
VIEWS_NOTE_DA = (
    "Instagram erstattede 'impressions', 'plays' og 'video_views' med 'views' i april 2025; "
    "tal fra før og efter måler ikke helt det samme."
)
SUBCODE = re.compile(r"\b(2207\d{3})\b")
# Instagram's subcodes (meta.INSTAGRAM_SUBCODES_DA) that name a part of the post.
IMAGE_SUBCODES = frozenset({2207004, 2207005, 2207009, 2207026})
TEXT_SUBCODES = frozenset({2207010})


class InstagramBackend(meta.GraphAccount, ChannelBackend):
    label = "Instagram"
    can_update = False
    can_withdraw = False
    reach_source = "instagram"
    metrics = (
        Metric(
            "reach",
            "Konti, der så opslaget",
            "Antal unikke konti, der så opslaget.",
            counts_people=True,
        ),
        Metric(
            "views",
            "Visninger af opslaget",
            "Antal gange opslaget blev vist eller afspillet (billede, story og reel ens).",
            changed_on=VIEWS_REPLACED,
            change_note_da=VIEWS_NOTE_DA,
        ),
        Metric("likes", "Synes godt om"),
        Metric("comments", "Kommentarer"),
        Metric("saved", "Gemt af brugere"),
        Metric("impressions", "Visninger (gammel måling)", removed_on=VIEWS_REPLACED),
        Metric("plays", "Afspilninger (gammel måling)", removed_on=VIEWS_REPLACED),
        Metric("video_views", "Videovisninger (gammel måling)", removed_on=VIEWS_REPLACED),
    )
    graph_label = "Instagram"
    id_option = "USER_ID"
    option_names = ("API_URL", "USER_ID", "TOKEN")
    image_spec = IMAGE_SPEC
    links_by_short_address = True
    renewal_steps_da = (
        "1. Log ind på business.facebook.com med en konto, der er administrator af den "
        "Facebook-side, Instagram-kontoen er knyttet til.\n"
        "2. Under Indstillinger → Brugere → Systembrugere: vælg portalens systembruger og "
        "tryk 'Generér ny token' med tilladelserne instagram_basic, "
        "instagram_content_publish, instagram_manage_insights og pages_read_engagement.\n"
        "3. Sæt den nye token i miljøvariablen INSTAGRAM_TOKEN på serveren og genstart "
        "portalen (web, worker og clock).\n"
        "4. Kør 'manage.py channels_check_logins' og se under Indstillinger → Kanaler, at "
        "den nye udløbsdato står der."
    )

    def default_enabled(self, content: SharedContent) -> bool:
        return content.event is None and content.image is not None

    def compose(self, post: Post, content: SharedContent) -> Post:
        parts = (
            post.title,
            post.text,
            f"Læs hele historien via link i bio eller på {post.link.split('://', 1)[-1]}",
            " ".join(post.hashtags),
        )
        return replace(post, text="\n\n".join(p for p in parts if p))

    def validate(self, post: Post) -> list[Problem]:
        text, image_field = post.text_field, post.image_field
        problems: list[Problem] = []
        if len(post.text) > MAX_CAPTION_CHARS:
            problems.append(
                Problem(
                    f"Instagram-teksten er {len(post.text)} tegn; Instagram tillader "
                    f"{MAX_CAPTION_CHARS}. Forkort den med "
                    f"{len(post.text) - MAX_CAPTION_CHARS} tegn.",
                    text,
                )
            )
        hashtags = re.findall(r"(?<!\w)#\w+", post.text)
        if len(hashtags) > MAX_HASHTAGS:
            problems.append(
                Problem(
                    f"Teksten har {len(hashtags)} hashtags; Instagram tillader {MAX_HASHTAGS}. "
                    f"Fjern {len(hashtags) - MAX_HASHTAGS} emner eller hashtags.",
                    text if len(post.hashtags) <= MAX_HASHTAGS else "tags",
                )
            )
        mentions = re.findall(r"(?<![\w@])@[\w.]+", post.text)
        if len(mentions) > MAX_MENTIONS:
            problems.append(
                Problem(
                    f"Teksten nævner {len(mentions)} konti med @; Instagram tillader "
                    f"{MAX_MENTIONS}. Fjern {len(mentions) - MAX_MENTIONS}.",
                    text,
                )
            )
        image = post.image
        if image is None:
            problems.append(
                Problem("Instagram kræver et billede. Vælg et hovedbillede.", image_field)
            )
            return problems
        if image.mime != "image/jpeg":
            problems.append(Problem("Instagram tager kun billeder i JPEG.", image_field))
        if image.size_bytes > MAX_IMAGE_BYTES:
            megabytes = f"{image.size_bytes / 1024 / 1024:.1f}".replace(".", ",")
            problems.append(
                Problem(
                    f"Billedet fylder {megabytes} MB; Instagram tillader højst 8 MB. "
                    "Brug et mindre billede.",
                    image_field,
                )
            )
        aspect = image.width / image.height if image.height else 0
        if not MIN_ASPECT - 0.005 <= aspect <= MAX_ASPECT + 0.005:
            ratio = f"{aspect:.2f}".replace(".", ",")
            problems.append(
                Problem(
                    f"Billedets format er {image.width}×{image.height} (forhold {ratio}:1). "
                    "Instagram kræver mellem 4:5 (højformat) og 1,91:1 (bredformat). "
                    "Beskær billedet eller vælg et andet.",
                    image_field,
                )
            )
        return problems

    def check_publishing_limit(self) -> None:
        """Ask Instagram how much of the rolling 24-hour limit is used; pause if full."""
        answer = (
            self.client()
            .request(
                "GET",
                f"{self.account_id}/content_publishing_limit",
                params={"fields": "quota_usage,config"},
            )
            .data
        )
        data = (answer.get("data") or [{}])[0]
        used = int(data.get("quota_usage") or 0)
        total = int((data.get("config") or {}).get("quota_total") or 100)
        if used >= total:
            raise QuotaPaused(
                until=governor.window_opens(self.slug, PUBLISHING_WINDOW),
                reason=f"Instagram-grænsen på {total} opslag pr. døgn er nået.",
            )

    def publish(self, post: Post, record: PostRecord) -> PostResult:
        try:
            return self._publish(post, record)
        except PlatformError as error:
            raise with_field(error, post)  # noqa: B904 - the same error, located

    def _publish(self, post: Post, record: PostRecord) -> PostResult:
        if post.image is None:  # validate() says so first; never send a post without one
            raise PlatformError(
                kind="permanent",
                message_da="Instagram kræver et billede. Vælg et hovedbillede.",
                field=post.image_field,
            )
        client = self.client()
        user = self.account_id
        container = str(record.draft.get("container") or "")
        started = float(record.draft.get("container_created") or 0)
        if not container:
            self.check_publishing_limit()
            container = str(
                client.request(
                    "POST",
                    f"{user}/media",
                    data={
                        "image_url": post.image.url,
                        "caption": post.text,
                        "alt_text": post.image.alt,
                    },
                ).data["id"]
            )
            started = governor.now().timestamp()
        self._wait_for(client, container, started)
        media_id = str(
            client.request("POST", f"{user}/media_publish", data={"creation_id": container}).data[
                "id"
            ]
        )
        try:
            url = str(
                client.request("GET", media_id, params={"fields": "permalink"}).data.get(
                    "permalink"
                )
                or ""
            )
        except PlatformError:
            # The media is out; failing now would post it again on the retry.
            url = ""
        return PostResult(
            external_id=media_id,
            url=url,
            notice_da="Instagram tillader ikke at rette eller slette opslag via API'et; "
            "ret eller slet det i Instagram-appen.",
            draft={"container": "", "container_created": 0},
        )

    def _wait_for(self, client: PlatformClient, container: str, started: float) -> None:
        """Return when the container is FINISHED; otherwise ask again in a minute."""
        answer = client.request("GET", container, params={"fields": "status_code,status"}).data
        code = answer.get("status_code")
        if code == "FINISHED":
            return
        if code in ("ERROR", "EXPIRED", "PUBLISHED"):
            status = str(answer.get("status") or "")
            found = SUBCODE.search(status)
            raise PlatformError(
                kind="permanent",
                message_da=container_problem_da(code, status),
                drop_draft=("container", "container_created"),
                subcode=int(found.group(1)) if found else None,
            )
        waited = governor.now().timestamp() - started
        if waited >= WAIT_AT_MOST.total_seconds():
            # The container stays on the publication: "Prøv igen" asks about it again.
            raise PlatformError(
                kind="permanent",
                message_da="Instagram blev ikke færdig med billedet inden for "
                f"{int(WAIT_AT_MOST.total_seconds() // 60)} minutter (status {code or 'ukendt'}). "
                "Tryk 'Prøv igen' for at spørge Instagram igen.",
            )
        raise NotReadyYet(
            POLL_EVERY.total_seconds(),
            {"container": container, "container_created": started},
            "Instagram behandler billedet; portalen spørger igen om et minut "
            f"(højst {int(WAIT_AT_MOST.total_seconds() // 60)} minutter).",
        )

    def find_existing(self, post: Post, record: PostRecord) -> PostResult | None:
        if record.created_at is None:
            return None
        items = meta.graph_items_since(
            self.client(),
            f"{self.account_id}/media",
            "id,caption,permalink,timestamp",
            "timestamp",
            record.created_at,
        )
        for item in items:
            caption = item.get("caption") or ""
            # Posts from before the short address carry the page's full URL.
            if post.link.split("://", 1)[-1] in caption or post.canonical_url in caption:
                return PostResult(external_id=str(item["id"]), url=str(item.get("permalink", "")))
        return None

    def fetch_reach(self, record: PostRecord, refused: frozenset[str] = frozenset()) -> ReachResult:
        values, newly_refused = meta.graph_insights(
            self.client(), record.external_id, self.requested_metrics(refused)
        )
        return ReachResult(metrics=values, refused=newly_refused)


def with_field(error: PlatformError, post: Post) -> PlatformError:
    """The error with the field its Instagram subcode points at (image or text), if any."""
    if error.subcode in IMAGE_SUBCODES:
        return replace(error, field=post.image_field)
    if error.subcode in TEXT_SUBCODES:
        return replace(error, field=post.text_field)
    return error


def container_problem_da(code: str, status: str) -> str:
    """The container's own reason, in Danish: its 2207xxx subcode translated."""
    if code == "EXPIRED":
        return (
            "Instagram-udkastet udløb, fordi det ikke blev udgivet inden for 24 timer. "
            "Tryk 'Prøv igen', så laves et nyt."
        )
    if code == "PUBLISHED":
        return "Instagram-udkastet er allerede udgivet. Tryk 'Prøv igen', så laves et nyt."
    found = SUBCODE.search(status)
    translated = meta.subcode_da(int(found.group(1))) if found else ""
    reason = f" – Instagrams begrundelse: »{status}«" if status else ""
    return (
        "Instagram kunne ikke behandle billedet"
        + (f": {translated}" if translated else ".")
        + f"{reason}. Tryk 'Prøv igen', så laves et nyt udkast."
    )
