"""The Facebook Page: link posts and photo posts through the Graph API."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings

from channels import rendering

from . import meta
from .base import Channel, Metric, Post, PostResult, Problem, ReachResult

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication

MAX_MESSAGE_CHARS = 63_206
MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png", "image/gif")
PHOTO_SPEC = "width-1200|format-jpeg|jpegquality-85"
VIEWS_REPLACED_IMPRESSIONS = date(2025, 11, 15)
VIEWS_NOTE_DA = (
    "Meta erstattede 'impressions' med 'views' den 15.11.2025 på alle API-versioner; "
    "tal fra før og efter måler ikke helt det samme."
)


class FacebookChannel(meta.GraphAccount, Channel):
    slug = "facebook"
    label = "Facebook-siden"
    can_update = True
    can_withdraw = True
    reach_source = "facebook"
    metrics = (
        Metric(
            "post_total_media_view_unique",
            "Personer, der så opslaget",
            "Antal personer, der fik opslaget vist mindst én gang (Metas 'views', unikke).",
            counts_people=True,
            changed_on=VIEWS_REPLACED_IMPRESSIONS,
            change_note_da=VIEWS_NOTE_DA,
        ),
        Metric(
            "post_media_view",
            "Visninger af opslaget",
            "Antal gange opslaget blev vist, også flere gange for samme person.",
            changed_on=VIEWS_REPLACED_IMPRESSIONS,
            change_note_da=VIEWS_NOTE_DA,
        ),
        Metric(
            "post_impressions_unique",
            "Personer, der fik opslaget vist (gammel måling)",
            "Metas 'impressions', unikke; erstattet af post_total_media_view_unique.",
            counts_people=True,
            removed_on=VIEWS_REPLACED_IMPRESSIONS,
        ),
        Metric(
            "post_impressions",
            "Visninger af opslaget (gammel måling)",
            "Metas 'impressions'; erstattet af post_media_view.",
            removed_on=VIEWS_REPLACED_IMPRESSIONS,
        ),
    )
    graph_label = "Facebook"
    id_setting = "FACEBOOK_PAGE_ID"
    token_setting = "FACEBOOK_PAGE_TOKEN"
    url_setting = "FACEBOOK_API_URL"
    renewal_steps_da = (
        "1. Log ind på business.facebook.com med en konto, der er administrator af "
        "Facebook-siden.\n"
        "2. Under Indstillinger → Brugere → Systembrugere: vælg portalens systembruger og "
        "tryk 'Generér ny token' for appen, med tilladelserne pages_manage_posts, "
        "pages_read_engagement og read_insights.\n"
        "3. Sæt den nye token i miljøvariablen FACEBOOK_PAGE_TOKEN på serveren og genstart "
        "portalen (web, worker og clock).\n"
        "4. Kør 'manage.py channels_check_logins' og se under Indstillinger → Kanaler, at "
        "den nye udløbsdato står der."
    )

    def default_enabled(self, page: Page) -> bool:
        return True

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, self.link_tags())
        tags = rendering.hashtags_for(page)
        as_photo = bool(choice and choice.as_photo)
        parts = [page.title, rendering.base_text(page, choice)]
        if as_photo:
            parts.append(f"Læs mere: {link}")
        parts.append(" ".join(tags))
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text="\n\n".join(p for p in parts if p),
            link=link,
            canonical_url=rendering.canonical_url(page),
            hashtags=tags,
            image=rendering.rendition_ref(page, PHOTO_SPEC) if as_photo else None,
            as_photo=as_photo,
            text_field=rendering.text_field(choice),
            image_field=rendering.image_field(page),
        )

    def validate(self, post: Post) -> list[Problem]:
        problems: list[Problem] = []
        if len(post.text) > MAX_MESSAGE_CHARS:
            problems.append(
                Problem(
                    f"Facebook-teksten er {len(post.text):,} tegn; Facebook tillader "
                    f"{MAX_MESSAGE_CHARS:,}. Forkort den med "
                    f"{len(post.text) - MAX_MESSAGE_CHARS:,} tegn.".replace(",", "."),
                    post.text_field,
                )
            )
        if post.as_photo:
            if post.image is None:
                message = "Et billedopslag kræver et billede. Vælg et hovedbillede."
            elif post.image.size_bytes > MAX_PHOTO_BYTES:
                message = (
                    "Billedet er større end 10 MB, som Facebook tillader. Brug et mindre billede."
                )
            elif post.image.mime not in PHOTO_TYPES:
                message = "Facebook tager kun billeder i JPEG, PNG eller GIF."
            else:
                message = ""
            if message:
                problems.append(Problem(message, post.image_field))
        if not post.link.startswith(("http://", "https://")):
            # The site's address is set up by whoever runs the portal, not in the story.
            problems.append(Problem("Historien har ingen offentlig adresse at linke til."))
        return problems

    def publish(self, post: Post, publication: Publication) -> PostResult:
        page_id = settings.FACEBOOK_PAGE_ID
        if post.as_photo and post.image is not None:
            answer = (
                self.client()
                .request(
                    "POST", f"{page_id}/photos", data={"url": post.image.url, "caption": post.text}
                )
                .data
            )
            post_id = str(answer.get("post_id") or answer["id"])
            return PostResult(
                external_id=post_id, url=permalink(post_id), draft={"photo_id": str(answer["id"])}
            )
        answer = (
            self.client()
            .request("POST", f"{page_id}/feed", data={"message": post.text, "link": post.link})
            .data
        )
        return PostResult(external_id=str(answer["id"]), url=permalink(str(answer["id"])))

    def update(self, publication: Publication, post: Post) -> PostResult:
        # Graph lets a Page edit the message of its own post; the link stays.
        self.client().request("POST", publication.external_id, data={"message": post.text})
        return PostResult(external_id=publication.external_id, url=publication.external_url)

    def withdraw(self, publication: Publication) -> PostResult:
        self.client().request("DELETE", publication.external_id)
        return PostResult(external_id=publication.external_id)

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        items = meta.graph_items_since(
            self.client(),
            f"{settings.FACEBOOK_PAGE_ID}/feed",
            "id,link,message,created_time",
            "created_time",
            publication.created_at,
        )
        for item in items:
            if post.canonical_url in (item.get("link") or "") + " " + (item.get("message") or ""):
                return PostResult(external_id=str(item["id"]), url=permalink(str(item["id"])))
        return None

    def fetch_reach(
        self, publication: Publication, refused: frozenset[str] = frozenset()
    ) -> ReachResult:
        values, newly_refused = meta.graph_insights(
            self.client(), publication.external_id, self.requested_metrics(refused)
        )
        return ReachResult(metrics=values, refused=newly_refused)


def permalink(post_id: str) -> str:
    return f"https://www.facebook.com/{post_id}"
