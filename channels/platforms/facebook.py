"""The Facebook Page: link posts and photo posts through the Graph API."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from home.sharing import SharedContent

from . import meta
from .base import ChannelBackend, Metric, Post, PostRecord, PostResult, Problem, ReachResult

MAX_MESSAGE_CHARS = 63_206
MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png", "image/gif")
PHOTO_SPEC = "width-1200|format-jpeg|jpegquality-85"
VIEWS_REPLACED_IMPRESSIONS = date(2025, 11, 15)
VIEWS_NOTE_DA = (
    "Meta erstattede 'impressions' med 'views' den 15.11.2025 på alle API-versioner; "
    "tal fra før og efter måler ikke helt det samme."
)


class FacebookBackend(meta.GraphAccount, ChannelBackend):
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
    id_option = "PAGE_ID"
    option_names = ("API_URL", "PAGE_ID", "TOKEN")
    image_spec = PHOTO_SPEC
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

    def default_enabled(self, content: SharedContent) -> bool:
        return True

    def compose(self, post: Post, content: SharedContent) -> Post:
        parts = [post.title, post.text]
        if post.as_photo:
            parts.append(f"Læs mere: {post.link}")
        parts.append(" ".join(post.hashtags))
        return replace(
            post,
            text="\n\n".join(p for p in parts if p),
            image=post.image if post.as_photo else None,
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

    def publish(self, post: Post, record: PostRecord) -> PostResult:
        page_id = self.account_id
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

    def update(self, post: Post, record: PostRecord) -> PostResult:
        # Graph lets a Page edit the message of its own post; the link stays.
        self.client().request("POST", record.external_id, data={"message": post.text})
        return PostResult(external_id=record.external_id, url=record.external_url)

    def withdraw(self, record: PostRecord) -> PostResult:
        self.client().request("DELETE", record.external_id)
        return PostResult(external_id=record.external_id)

    def find_existing(self, post: Post, record: PostRecord) -> PostResult | None:
        if record.created_at is None:
            return None
        items = meta.graph_items_since(
            self.client(),
            f"{self.account_id}/feed",
            "id,link,message,created_time",
            "created_time",
            record.created_at,
        )
        for item in items:
            if post.canonical_url in (item.get("link") or "") + " " + (item.get("message") or ""):
                return PostResult(external_id=str(item["id"]), url=permalink(str(item["id"])))
        return None

    def fetch_reach(self, record: PostRecord, refused: frozenset[str] = frozenset()) -> ReachResult:
        values, newly_refused = meta.graph_insights(
            self.client(), record.external_id, self.requested_metrics(refused)
        )
        return ReachResult(metrics=values, refused=newly_refused)


def permalink(post_id: str) -> str:
    return f"https://www.facebook.com/{post_id}"
