"""Every admin screen each role uses reads in Danish (issue 14).

Each screen is rendered twice for the same user and data: once in Danish and
once in English. Whatever Wagtail or Django translates differs between the two;
any visible text that is the *same* in both was never translated, so it is
English on the Danish screen. Only three kinds of identical text pass:
- text the project wrote itself (its own code and templates, Danish by rule;
  see tests/home/admin_text.py),
- content from the database (titles, names, file names) and figures,
- the few words below, each with the reason it is the same in both languages.
No list of English words is involved: a new untranslated string fails the test
the day it appears.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Collection, Workflow
from wagtail.users.models import UserProfile

from channels.models import Publication, PublicationStatus
from home.models import Contribution, ContributionKind, StandardAnswer
from home.roles import MEDREDAKTOR, RAPPORTLAESER, SEKRETARIAT, WORKFLOW_NAME
from home.text import MONTHS_DA
from tests.community.helpers import user_in
from tests.factories import home_page, make_image, make_partner, make_story, story_index
from tests.home.admin_text import (
    ProjectStrings,
    danish_catalogue,
    form_values,
    script_texts,
    visible_texts,
)
from tests.stories.event_factories import event_index, make_event

# Identical in Danish and English for a reason; nothing else may be.
SAME_IN_BOTH = {
    "Wagtail": "the name of the CMS",
    "Vores Ishøj": "the portal's name",
    "Ishøj": "the town's name",
    "Facebook": "platform name",
    "Instagram": "platform name",
    "YouTube": "platform name",
    "Dansk": "a language's own name in the language menu",
    "English": "a language's own name in the language menu",
    "URL": "the same abbreviation in Danish",
    "Status": "the same word in Danish",
    "Alt-tekst": "Danish, written by the project",
    "PDF": "file format",
    "CSV": "file format",
    "XLSX": "file format",
    "JPG": "file format",
    "JPEG": "file format",
    "PNG": "file format",
    "WEBP": "file format",
    "GIF": "file format",
    "AVIF": "file format",
    "SVG": "file format",
    "HEIC": "file format",
    "DOCX": "file format",
    "ODT": "file format",
    "TXT": "file format",
    "MB": "unit",
    "px": "unit",
    "h1": "heading level shown in the outline panel",
    "h2": "heading level shown in the outline panel",
    "h3": "heading level shown in the outline panel",
    "h4": "heading level shown in the outline panel",
    "Kb": "unit",
    "OK": "the same word in Danish",
    "E-mail": "the same word in Danish",
    "Slug": "the web term Danish editors use; explained in the help text",
}
# Wrong Danish that Wagtail's own catalogue ships (issue 25); a screen that shows
# one again fails, as does a heading "Hjem" on a screen that is not home.
WRONG_DANISH = (
    "Skriv din brugernavn",
    "Søge term",
    "Side opsummering",
    "Send til Godkendelse",
    "Tilføj Kanal",
    "Bevæg op",
    "Bevæg ned",
    "Skitse",
    "skitse",
    "Log ind i Wagtail",
    "er blevet opdateret",
    "0 minutter siden",
)
_NO_WORDS = re.compile(r"^[\W\d_]*$")
_WORD = re.compile(r"\||[^\W_]+")
# Links and hashtags in the channel previews are content, as are Python/Django
# identifiers of page types that Wagtail's page-type report shows as they are.
CONTENT_TOKENS = re.compile(
    r"https?://\S+|#[^\W_]+|\b\d+x\d+\b|\bv\d+(\.\d+)*\b|\b\d+\b"  # links, tags, sizes, versions
    r"|@[\w.-]+@[\w.:-]+"  # fediverse handles (@detsker@voresishoj.dk)
    r"|\?[\w.%-]+=\S*"  # a link's query, left when the page's own URL was cut out first
)
SEPARATORS = re.compile(r": | – | · ")
IDENTIFIER = re.compile(r"[a-z_]+\.[a-z_]+")
# Key names in the keyboard shortcuts dialog ("Esc", "Ctrl + Shift + v") are
# printed on Danish keyboards the same way.
KEYS = re.compile(r"(Ctrl|Alt|Shift|Cmd|Esc)( \+ (Ctrl|Alt|Shift|\S))*")
# Dates the project writes with its own Danish month names are figures.
_MONTHS = "|".join(MONTHS_DA + tuple(m[:3] for m in MONTHS_DA))
DANISH_DATE = re.compile(rf"(\d{{1,2}}\.? )?\b({_MONTHS})\b( \d{{4}})?\*?")

ROLES = {
    "sekretariat": SEKRETARIAT,
    "medredaktør": MEDREDAKTOR,
    "rapportlæser": RAPPORTLAESER,
}
EDITORS = ("sekretariat", "medredaktør")

# The body is a StreamField its JavaScript fills in; sent empty, as it would be.
EMPTY_PAGE = {"title": "", "slug": "", "body-count": "0"}
# (screen, roles, url, POST data or None); urls use the world's ids.
SCREENS = [
    ("forside", ROLES, "/admin/", None),
    ("konto", ROLES, "/admin/account/", None),
    ("sider", EDITORS, "/admin/pages/", None),
    ("sider-forside", EDITORS, "/admin/pages/{home}/", None),
    ("sider-historier", EDITORS, "/admin/pages/{index}/", None),
    ("sider-begivenheder", EDITORS, "/admin/pages/{events}/", None),
    ("historier-med-kanaler", EDITORS, "/admin/historier/", None),
    ("begivenheder-med-kanaler", EDITORS, "/admin/begivenheder/", None),
    ("søg-sider", EDITORS, "/admin/pages/search/?q=Historie", None),
    ("vælg-sidetype", EDITORS, "/admin/pages/{home}/add_subpage/", None),
    ("ny-historie", EDITORS, "/admin/pages/add/stories/storypage/{index}/", None),
    ("ny-historie-tom", EDITORS, "/admin/pages/add/stories/storypage/{index}/", EMPTY_PAGE),
    ("ret-historie", EDITORS, "/admin/pages/{story}/edit/", None),
    ("ret-historie-tom", EDITORS, "/admin/pages/{story}/edit/", EMPTY_PAGE),
    ("ret-kladde", EDITORS, "/admin/pages/{draft}/edit/", None),
    ("ret-til-godkendelse", EDITORS, "/admin/pages/{moderated}/edit/", None),
    ("ret-begivenhed", EDITORS, "/admin/pages/{event}/edit/", None),
    ("sidehistorik", EDITORS, "/admin/pages/{story}/history/", None),
    ("sidehistorik-godkendt", ("sekretariat",), "/admin/pages/{approved}/history/", None),
    ("ret-udgivet-med-kladde", EDITORS, "/admin/pages/{live_draft}/edit/", None),
    ("kopiér-side", ("sekretariat",), "/admin/pages/{story}/copy/", None),
    ("træk-tilbage", ("sekretariat",), "/admin/sider/{moderated}/traek-tilbage/", None),
    ("vejledning", ROLES, "/admin/vejledning/", None),
    ("vælg-side", EDITORS, "/admin/choose-page/", None),
    ("vælg-link", EDITORS, "/admin/choose-external-link/", None),
    ("vælg-e-mail-link", EDITORS, "/admin/choose-email-link/", None),
    ("vælg-telefon-link", EDITORS, "/admin/choose-phone-link/", None),
    ("billeder", EDITORS, "/admin/images/", None),
    ("upload-billeder", EDITORS, "/admin/images/multiple/add/", None),
    ("billeder-i-samling", ("sekretariat",), "/admin/images/?collection_id={collection}", None),
    ("vælg-billede", EDITORS, "/admin/images/chooser/", None),
    (
        "upload-billede-tom",
        EDITORS,
        "/admin/images/chooser/",
        {"_post_to": "/admin/images/chooser/create/", "image-chooser-upload-title": ""},
    ),
    ("dokumenter", EDITORS, "/admin/documents/", None),
    ("upload-dokumenter", EDITORS, "/admin/documents/multiple/add/", None),
    ("vælg-dokument", EDITORS, "/admin/documents/chooser/", None),
    ("snippets", EDITORS, "/admin/snippets/", None),
    ("partnere", EDITORS, "/admin/snippets/stories/partner/", None),
    ("ny-partner-tom", EDITORS, "/admin/snippets/stories/partner/add/", {"name": ""}),
    ("ret-partner", EDITORS, "/admin/snippets/stories/partner/edit/{partner}/", None),
    ("billede", ("sekretariat",), "/admin/images/{image}/", None),
    ("dokument", ("sekretariat",), "/admin/documents/edit/{document}/", None),
    ("afpublicér", ("sekretariat",), "/admin/pages/{story}/unpublish/", None),
    ("slet-side", ("sekretariat",), "/admin/pages/{story}/delete/", None),
    ("flyt-side", ("sekretariat",), "/admin/pages/{story}/move/", None),
    ("rapport-låste", ("sekretariat",), "/admin/reports/locked/", None),
    ("rapport-gamle", ("sekretariat",), "/admin/reports/aging-pages/", None),
    (
        "rapport-gamle-ingen",
        ("sekretariat",),
        "/admin/reports/aging-pages/?last_published_at=2000-01-01T00:00",
        None,
    ),
    ("rapport-historik", ("sekretariat",), "/admin/reports/site-history/", None),
    ("rapport-arbejdsgange", ("sekretariat",), "/admin/reports/workflow/", None),
    ("rapport-opgaver", ("sekretariat",), "/admin/reports/workflow_tasks/", None),
    ("rapport-sidetyper", ("sekretariat",), "/admin/reports/page-types-usage/", None),
    ("kanaler", ("sekretariat",), "/admin/kanaler/", None),
    ("forny-login", ("sekretariat",), "/admin/kanaler/forny-login/", None),
    ("kanalindstillinger", ("sekretariat",), "/admin/kanalindstillinger/", None),
    ("indstillinger", ("sekretariat",), "/admin/settings/home/sitesettings/", None),
    ("omdirigeringer", ("sekretariat",), "/admin/redirects/", None),
    ("ny-omdirigering-tom", ("sekretariat",), "/admin/redirects/add/", {}),
    ("rækkevidde", ("sekretariat", "rapportlæser"), "/admin/raekkevidde/", None),
    ("rækkevidde-kanaler", ("sekretariat", "rapportlæser"), "/admin/raekkevidde/kanaler/", None),
    ("rækkevidde-perioder", ("sekretariat", "rapportlæser"), "/admin/raekkevidde/perioder/", None),
    ("rækkevidde-historie", ("sekretariat",), "/admin/raekkevidde/historie/{story}/", None),
    (
        "evalueringsrapport",
        ("sekretariat", "rapportlæser"),
        "/admin/raekkevidde/evalueringsrapport/",
        None,
    ),
    ("manuelle-tal", ("sekretariat", "rapportlæser"), "/admin/snippets/reach/manualfigure/", None),
    ("lister-rapportlæser", ("rapportlæser",), "/admin/snippets/", None),
    ("mål-for-evalueringen", ("sekretariat",), "/admin/settings/reach/evaluationtargets/", None),
    ("standardsvar", ("sekretariat",), "/admin/snippets/home/standardanswer/", None),
    (
        "nyt-standardsvar-tom",
        ("sekretariat",),
        "/admin/snippets/home/standardanswer/add/",
        {"title": "", "text": ""},
    ),
    (
        "svar-borgeren",
        ("sekretariat",),
        "/admin/faellesskab/indsendelser/{contribution}/svar/",
        None,
    ),
    (
        "svar-borgeren-uden-begrundelse",
        ("sekretariat",),
        "/admin/faellesskab/indsendelser/{contribution}/svar/",
        {"decision": "reject", "reason": ""},
    ),
]
ANONYMOUS_SCREENS = [
    ("login", "/admin/login/", None),
    ("login-forkert", "/admin/login/", {"username": "ingen", "password": "forkert"}),
    ("glemt-adgangskode", "/admin/password_reset/", None),
    ("glemt-adgangskode-tom", "/admin/password_reset/", {"email": ""}),
    ("glemt-adgangskode-sendt", "/admin/password_reset/done/", None),
]


@pytest.fixture
def world(db):
    home = home_page()
    index = story_index(home)
    secretary = user_in(SEKRETARIAT, username="sekretariat-sprog")
    co_editor = user_in(MEDREDAKTOR, username="medredaktor-sprog")
    user_in(RAPPORTLAESER, username="rapportlaeser-sprog")
    image = make_image("Strandbillede")
    story = make_story(index, title="Sommer på stranden", image=image, tags=["strand"])
    Publication.objects.create(page=story, channel="facebook", status=PublicationStatus.PUBLISHED)
    Publication.objects.create(
        page=story, channel="youtube", status=PublicationStatus.FAILED, last_error="Fejl 400"
    )
    draft = make_story(index, title="Kladde om loppemarked", publish=False, owner=co_editor)
    moderated = make_story(index, title="Fællesspisning i hallen", publish=False, owner=co_editor)
    Workflow.objects.get(name=WORKFLOW_NAME).start(moderated, co_editor)
    approved = make_story(index, title="Byttemarked i hallen", publish=False, owner=co_editor)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(approved, co_editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, secretary, "approve")
    live_draft = make_story(index, title="Loppemarked i parken")
    live_draft.title = "Loppemarked i parken og på torvet"
    live_draft.save_revision(user=secretary, log_action=True)
    event = make_event("Koncert i parken", index=event_index(home))
    Collection.get_first_root_node().add_child(name="Strandbilleder")
    document = get_document_model().objects.create(
        title="Årsberetning", file=ContentFile(b"%PDF-1.4 test", name="aarsberetning.pdf")
    )
    partner = make_partner()
    StandardAnswer.objects.create(title="Ikke fra Ishøj", text="Den foregår ikke i Ishøj.")
    contribution = Contribution.objects.create(
        kind=ContributionKind.STORY, title="Kaffe på trappen", page=moderated
    )
    ids = {
        "contribution": contribution.pk,
        "home": home.pk,
        "index": index.pk,
        "events": event.get_parent().pk,
        "story": story.pk,
        "draft": draft.pk,
        "moderated": moderated.pk,
        "event": event.pk,
        "image": image.pk,
        "document": document.pk,
        "partner": partner.pk,
        "approved": approved.pk,
        "collection": Collection.objects.get(name="Strandbilleder").pk,
        "live_draft": live_draft.pk,
    }
    return ids, {"sekretariat": secretary, "medredaktør": co_editor}


def _database_texts() -> list[str]:
    """Content the editors typed or the fixture made: the same in any admin language."""
    from django.apps import apps
    from django.db import models

    texts = set()
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField)) and not f.choices
        ]
        if fields and model._meta.app_label not in ("sessions", "contenttypes", "auth"):
            for row in model.objects.values_list(*fields):
                texts.update(v for v in row if isinstance(v, str))
    for user in get_user_model().objects.all():
        texts.update([user.username, user.get_full_name(), user.first_name, user.email])
    texts.update(Group.objects.values_list("name", flat=True))
    # Wagtail names the page tree's and the collections' root "Root" itself; not content.
    return sorted({t for t in texts if len(t) > 1 and t != "Root"}, key=len, reverse=True)


@pytest.fixture(scope="module")
def project_strings():
    return ProjectStrings()


def _html(response) -> str:
    """Choosers answer with JSON that carries the modal's HTML."""
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html") or data.get("htmlFragment") or ""
    return response.content.decode()


def _render(client, settings, language, url, data):
    settings.LANGUAGE_CODE = language
    # English is one of settings.LANGUAGES (the site speaks it); the admin offers only Danish.
    response = client.get(url)
    if data is not None:  # the form as shown, with `data` changed, sent back
        data = dict(data)
        post_to = data.pop("_post_to", url)
        response = client.post(post_to, {**form_values(_html(response)), **data})
    if response.status_code != 200:
        return [f"HTTP {response.status_code} for {url}"]
    html = _html(response)
    return visible_texts(html) + script_texts(html)


_DATABASE_PATTERNS: dict[tuple, re.Pattern] = {}


def _cut_database(text: str, database: list[str], hole: str = "\0") -> str:
    """Cut content out of a text, whole words only: the locale code "da" is content,
    the "da" in "date/time" is not."""
    key = (id(database), len(database), database[0] if database else "")
    if key not in _DATABASE_PATTERNS:
        alternatives = "|".join(re.escape(value) for value in database)
        _DATABASE_PATTERNS.clear()
        _DATABASE_PATTERNS[key] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return _DATABASE_PATTERNS[key].sub(hole, text) if database else text


def _allowed(text: str, database: list[str], ours, danish) -> bool:
    """Identical text that is not a missing translation: ours, content, names, figures."""
    if text.rstrip(":") in SAME_IN_BOTH or _NO_WORDS.match(text) or ours.wrote(text):
        return True
    if text in danish[0]:
        return True  # translated once at import, so Danish in both renders
    for pattern in danish[1]:
        # A Danish sentence with holes ("%(time_period)s siden"), whose holes are
        # allowed too: Danish "time" (hour) must not excuse "Go live date/time".
        found = pattern.fullmatch(text)
        if found and all(
            _NO_WORDS.match(hole) or _allowed(hole.strip(), database, ours, danish)
            for hole in found.groups()
        ):
            return True
    if IDENTIFIER.fullmatch(text) or KEYS.fullmatch(text):
        return True
    # Dates first: a short database value ("10") must not cut one apart.
    rest = "\0".join(ours.pieces_left(DANISH_DATE.sub("\0", text)))
    rest = CONTENT_TOKENS.sub("\0", _cut_database(rest, database))
    # Our labels joined by punctuation ("YouTube: Fejlet") are still ours.
    rest = SEPARATORS.sub("\0", rest)
    pieces = [piece.strip(" -–:·|,.()»«\"'") for piece in rest.split("\0")]
    if len(pieces) == 1:
        return False
    return all(
        _NO_WORDS.match(piece) or piece in SAME_IN_BOTH or ours.wrote(piece) for piece in pieces
    )


def _shared_run(da: str, en: str, database: list[str]) -> str | None:
    """Two or more words in a row left in English inside a translated sentence
    ("Approve with comment og Publicér")."""
    da, en = _cut_database(da, database, " | "), _cut_database(en, database, " | ")
    da_words, en_words = _WORD.findall(da), _WORD.findall(en)
    match = difflib.SequenceMatcher(None, da_words, en_words, autojunk=False)
    for block in match.get_matching_blocks():
        run = da_words[block.a : block.a + block.size]
        words = [w for w in run if w != "|" and not w.isdigit() and w not in SAME_IN_BOTH]
        if len(words) >= 2 and "|" not in run:
            return " ".join(run)
    return None


_ALLOWED_CACHE: dict[str, bool] = {}


def _allowed_cached(text: str, database: list[str], ours, danish) -> bool:
    """The same texts recur on every screen; decide each once per check (see _check)."""
    if text not in _ALLOWED_CACHE:
        _ALLOWED_CACHE[text] = _allowed(text, database, ours, danish)
    return _ALLOWED_CACHE[text]


def _untranslated(da: list[str], en: list[str], database: list[str], ours, danish) -> list[str]:
    english = set(en)
    left = [
        text
        for text in dict.fromkeys(da)
        if text in english and not _allowed_cached(text, database, ours, danish)
    ]
    # Texts translated in part: pair the differing texts in the order they appear.
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, da, en).get_opcodes():
        if tag == "replace" and a2 - a1 == b2 - b1:
            for da_text, en_text in zip(da[a1:a2], en[b1:b2], strict=True):
                run = _shared_run(da_text, en_text, database)
                if run and not _allowed(run, database, ours, danish) and da_text not in left:
                    left.append(f"{da_text}  [engelsk: {run!r}]")
    return left


def _check(client, settings, user, screens, ids, ours):
    failures = {}
    database, danish = _database_texts(), danish_catalogue()
    _ALLOWED_CACHE.clear()
    for name, url, data in screens:
        url = url.format(**ids)
        rendered = {}
        for language in ("da", "en"):
            if user is not None:
                profile = UserProfile.get_for_user(user)
                # Wagtail renders the admin in the user's own language.
                profile.preferred_language = "" if language == "da" else language
                profile.save()
            rendered[language] = _render(client, settings, language, url, data)
        left = _untranslated(rendered["da"], rendered["en"], database, ours, danish)
        left += [
            f"{text}  [forkert dansk]"
            for text in dict.fromkeys(rendered["da"])
            if text == "Hjem" or any(wrong in text for wrong in WRONG_DANISH)
        ]
        if left:
            failures[name] = left
    if os.environ.get("DANISH_DUMP"):  # a translator's list of what is left
        with open(os.environ["DANISH_DUMP"], "a", encoding="utf-8") as dump:
            dump.write(json.dumps(failures, ensure_ascii=False) + "\n")
    return failures


@pytest.mark.parametrize("role", list(ROLES))
def test_every_admin_screen_of_a_role_is_danish(role, world, client, settings, project_strings):
    ids, users = world
    user = get_user_model().objects.get(username=f"{_ascii(role)}-sprog")
    client.force_login(user)
    screens = [(name, url, data) for name, roles, url, data in SCREENS if role in roles]
    failures = _check(client, settings, user, screens, ids, project_strings)
    assert not failures, _report(failures)


def test_login_and_password_reset_are_danish(world, client, settings, project_strings):
    ids, _ = world
    failures = _check(client, settings, None, ANONYMOUS_SCREENS, ids, project_strings)
    assert not failures, _report(failures)


def test_password_reset_email_is_danish(world, client, settings, project_strings):
    bodies = {}
    for language in ("da", "en"):
        mail.outbox.clear()
        settings.LANGUAGE_CODE = language
        client.post("/admin/password_reset/", {"email": "sekretariat-sprog@example.dk"})
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        bodies[language] = [message.subject.strip()] + [
            line.strip() for line in message.body.splitlines() if line.strip()
        ]
    left = [
        line
        for line in _untranslated(
            bodies["da"], bodies["en"], _database_texts(), project_strings, danish_catalogue()
        )
        if not line.startswith("http")
    ]
    assert not left, _report({"e-mail": left})


def _ascii(role: str) -> str:
    return role.replace("ø", "o").replace("æ", "ae")


def _report(failures: dict[str, list[str]]) -> str:
    lines = ["Tekst der er ens på dansk og engelsk (altså ikke oversat):"]
    for screen, texts in failures.items():
        lines.append(f"  {screen}:")
        lines += [f"    {text!r}" for text in texts]
    return "\n".join(lines)


def test_the_duplicate_image_dialog_is_danish(world, client, settings, project_strings):
    """Uploading a picture that is already there asks which one to keep, in Danish."""
    ids, users = world
    client.force_login(users["sekretariat"])

    def picture():
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 400), (200, 80, 40)).save(buffer, "JPEG")
        buffer.seek(0)
        buffer.name = "strand.jpg"
        return buffer

    def upload():
        return client.post(
            "/admin/images/chooser/create/",
            {
                "image-chooser-upload-title": "Strand",
                "image-chooser-upload-description": "Strand ved Ishøj",
                "image-chooser-upload-collection": Collection.get_first_root_node().pk,
                "image-chooser-upload-file": picture(),
            },
        )

    assert json.loads(upload().content)["step"] == "chosen"
    rendered = {}
    for language in ("da", "en"):
        settings.LANGUAGE_CODE = language
        profile = UserProfile.get_for_user(users["sekretariat"])
        profile.preferred_language = "" if language == "da" else language
        profile.save()
        data = json.loads(upload().content)
        assert data["step"] == "duplicate_found"
        rendered[language] = visible_texts(data["htmlFragment"])
    left = _untranslated(
        rendered["da"], rendered["en"], _database_texts(), project_strings, danish_catalogue()
    )
    assert not left, _report({"dubletbillede": left})
    assert "Brug det eksisterende og slet det nye" in rendered["da"]


def test_something_changed_a_moment_ago_reads_lige_nu(settings):
    """Wagtail's "just now" (not "For 0 minutter siden") in the editors' Danish."""
    from django.utils import timezone, translation
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("da"):
        assert timesince_simple(timezone.now()) == "lige nu"
        assert (
            timesince_simple(timezone.now() - timezone.timedelta(hours=3)) == "for 3\xa0timer siden"
        )
