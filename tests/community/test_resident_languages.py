"""A resident who reads Arabic (or Turkish, Urdu, English) sends a form, reads its
errors, its thank-you and every mail about it, and follows it, in that language."""

import datetime
import re

import pytest
from django.core import mail
from django.forms import ModelChoiceField
from django.utils import timezone

from home.models import Contribution
from home.participation import mail_lasting_reviews
from stories.models import EventPage, StoryPage
from tests.community.helpers import jpeg_upload, make_group, make_photo_call, secretariat
from tests.factories import story_index
from tests.locations.helpers import category, map_page
from tests.stories.event_factories import event_index
from tests.stories.test_event_submission import valid_data as event_data

pytestmark = pytest.mark.django_db

ARABIC_FORM = "/ar/det-sker/foreslaa/"
STORY = {
    "title": "قهوة على الدرج",
    "intro": "يلتقي الجيران كل جمعة.",
    "body": "بدأ الأمر بترمس قهوة.",
    "name": "فاطمة",
    "email": "fatima@example.dk",
    "consent": "on",
}
ARABIC_LINK = re.compile(r"https?://[^\s\"<]+/ar/indsendelse/([A-Za-z0-9_-]{40,})/")


def error_of(html: str, field: str) -> str:
    match = re.search(rf'<div class="error" id="id_{field}_error">(.*?)</div>', html, re.S)
    assert match, f"an error at {field}"
    return match.group(1)


def arabic(text: str) -> bool:
    return bool(re.search(r"[\u0600-\u06ff]", text))


def test_an_arabic_resident_reads_the_errors_fixes_them_and_is_thanked_and_mailed_in_arabic(
    client,
):
    event_index()
    past = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    wrong = event_data(title="", email="ikke-en-adresse", date=past, name="عائشة")
    response = client.post(ARABIC_FORM, wrong)
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in html
    assert "ما اسم الفعالية؟" in html  # the label
    assert "يرجى ملء هذا الحقل." in error_of(html, "title")
    assert "اكتب عنوان بريد إلكتروني صالحًا" in error_of(html, "email")
    assert "هذا التاريخ مضى" in error_of(html, "date")
    for danish in ("Udfyld venligst dette felt", "Skriv en gyldig e-mailadresse", "fortiden"):
        assert danish not in html
    # Django's own message (its Arabic catalogue), for a field without one of ours.
    too_long = client.post(ARABIC_FORM, event_data(email="a" * 250 + "@example.dk"))
    own = error_of(too_long.content.decode(), "email")
    assert arabic(own) and "Ensure" not in own and "Sørg" not in own

    response = client.post(ARABIC_FORM, event_data(name="عائشة"))
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/det-sker/foreslaa/?tak=1")
    thanks = client.get(response["Location"]).content.decode()
    assert "شكرًا على اقتراحك" in thanks
    assert "/ar/indsendelse/" in thanks

    contribution = Contribution.objects.get()
    assert contribution.language == "ar"
    (receipt,) = mail.outbox
    assert receipt.subject == "شكرًا على اقتراحك لـ Det sker i Ishøj"
    assert "عزيزي/عزيزتي عائشة" in receipt.body
    assert "مع أطيب التحيات" in receipt.body
    assert ARABIC_LINK.search(receipt.body).group(1) == contribution.token
    assert "Venlig hilsen" not in receipt.body
    html_part, kind = receipt.alternatives[0]
    assert kind == "text/html"
    assert '<html lang="ar" dir="rtl">' in html_part
    assert f"/ar/indsendelse/{contribution.token}/" in html_part


def test_the_in_review_mail_from_the_clock_is_in_the_language_the_resident_wrote_in(client):
    story_index()
    client.post("/ur/fortael/", {**STORY, "title": "سیڑھیوں پر چائے"})
    client.post("/fortael/", {**STORY, "title": "Kaffe på trappen", "name": "Lis"})
    mail.outbox.clear()
    user = secretariat()
    for page in StoryPage.objects.all():
        page.get_latest_revision_as_object().save_revision(user=user, clean=False)
    # The clock runs in no one's language; each mail is in its resident's.
    assert mail_lasting_reviews(now=timezone.now() + datetime.timedelta(minutes=31)) == 2
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "Sekretariatet kigger på din historie",
        "سیکریٹریٹ آپ کی کہانی کو دیکھ رہا ہے",
    ]
    urdu = next(m for m in mail.outbox if m.subject.startswith("سیکریٹریٹ"))
    assert "سیکریٹریٹ اس وقت آپ کی کہانی کو دیکھ رہا ہے۔" in urdu.body
    assert "/ur/indsendelse/" in urdu.body
    assert '<html lang="ur" dir="rtl">' in urdu.alternatives[0][0]
    danish = next(m for m in mail.outbox if m.subject.startswith("Sekretariatet"))
    assert "Kære Lis" in danish.body
    assert "/indsendelse/" in danish.body and "/ur/" not in danish.body


def test_the_follow_page_speaks_arabic_right_to_left_and_the_danish_link_still_works(client):
    story_index()
    html = client.post("/ar/fortael/", STORY, follow=True).content.decode()
    token = ARABIC_LINK.search(html).group(1)
    page = client.get(f"/ar/indsendelse/{token}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in text
    assert "تم الاستلام" in text  # "Modtaget"
    assert "استلمنا قصتك" in text
    assert "هل تريد سحب قصتك؟" in text
    assert "Modtaget" not in text
    assert "no-store" in page["Cache-Control"]
    refused = client.post(f"/ar/indsendelse/{token}/", {"handling": "traek-tilbage"})
    assert refused.status_code == 400
    assert "ضع علامة عند «نعم، أنا متأكد»" in refused.content.decode()
    # A link mailed before the follow page had languages opens exactly as before.
    danish = client.get(f"/indsendelse/{token}/").content.decode()
    assert '<html lang="da" dir="ltr">' in danish
    assert "Vi har modtaget din historie" in danish


def test_a_turkish_photo_call_page_answers_in_turkish(client):
    call = make_photo_call()
    url = f"/tr{call.url}"
    page = client.get(url).content.decode()
    assert '<html lang="tr" dir="ltr">' in page
    assert "Fotoğrafınızı gönderin" in page
    missing = client.post(url, {"caption": "Yaz şenliği", "photographer": "Lis", "consent": "on"})
    assert missing.status_code == 400
    assert "Bir fotoğraf seçin." in error_of(missing.content.decode(), "image")
    sent = client.post(
        url,
        {"image": jpeg_upload(), "caption": "Yaz", "photographer": "Lis", "consent": "on"},
        follow=True,
    )
    html = sent.content.decode()
    assert "Fotoğrafınız için teşekkürler!" in html
    assert Contribution.objects.get().language == "tr"
    assert f"/tr/indsendelse/{Contribution.objects.get().token}/" in html


def test_an_english_volunteer_confirms_by_an_english_mail_on_the_english_site(client):
    group = make_group(tasks=[("Kaffebrygning", 2)])
    task = group.tasks.get()
    url = f"/en{group.url}opgave/{task.pk}/"
    form = client.get(url)
    assert form.status_code == 200, url
    assert "Your e-mail" in form.content.decode()
    sent = client.post(url, {"name": "Sam", "email": "sam@example.dk", "consent": "on"})
    assert sent.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Confirm your sign-up: Kaffebrygning"
    assert "Hello Sam" in message.body
    assert f"/en{group.url}" in message.body
    assert "Venlig hilsen" not in message.body


def test_danish_stays_as_it_was(client):
    event_index()
    html = client.post("/det-sker/foreslaa/", event_data(title="")).content.decode()
    assert '<html lang="da" dir="ltr">' in html
    assert "Udfyld venligst dette felt." in error_of(html, "title")
    client.post("/det-sker/foreslaa/", event_data())
    (receipt,) = mail.outbox
    assert receipt.subject == "Tak for dit forslag til Det sker i Ishøj"
    assert '<html lang="da" dir="ltr">' in receipt.alternatives[0][0]
    assert Contribution.objects.get().language == "da"
    assert EventPage.objects.count() == 1


def test_the_forms_of_a_group_read_in_arabic_are_sent_and_answered_in_arabic(client):
    group = make_group(tasks=[("Kaffebrygning", 2)])
    task = group.tasks.get()
    html = client.get(f"/ar{group.url}").content.decode()
    assert f'href="/ar{group.url}opgave/{task.pk}/"' in html
    assert f'action="/ar{group.url}skriv/"' in html
    answer = client.post(f"/ar{group.url}skriv/", {"name": "ليلى", "email": "x", "message": ""})
    text = answer.content.decode()
    assert answer.status_code == 400
    assert "اكتب عنوان بريد إلكتروني صالحًا" in error_of(text, "email")
    assert "يرجى ملء هذا الحقل." in error_of(text, "message")
    assert f'href="/ar{group.url}"' in text  # "back to the group" keeps the language


def test_a_place_suggested_from_the_urdu_map_is_refused_thanked_and_mailed_in_urdu(client):
    map_page()
    place = {
        "name": "",
        "category": category("Natur og strand").pk,
        "address": "Tranegilde Strandvej",
        "description": "ساحل کے قریب دو شیلٹر اور آگ جلانے کی جگہ۔",
        "submitter_email": "mette@example.dk",
    }
    assert 'href="/ur/kort/foreslaa/"' in client.get("/ur/kort/").content.decode()
    refused = client.post("/ur/kort/foreslaa/", place)
    assert refused.status_code == 400
    assert "جگہ کا نام لکھیں۔" in error_of(refused.content.decode(), "name")
    sent = client.post("/ur/kort/foreslaa/", {**place, "name": "ٹرانےگِلدے شیلٹر"})
    assert sent["Location"].startswith("/ur/")
    assert Contribution.objects.get().language == "ur"
    (receipt,) = mail.outbox
    assert receipt.subject == "نقشے کے لیے آپ کی تجویز کا شکریہ"
    assert "/ur/indsendelse/" in receipt.body


FORMS = (
    "stories.forms.EventSuggestionForm",
    "stories.community.forms.StorySubmissionForm",
    "stories.community.forms.RecipeSubmissionForm",
    "stories.community.forms.PhotoSubmissionForm",
    "stories.community.forms.GroupContactForm",
    "stories.community.forms.TaskSignupForm",
    "stories.community.forms.VolunteerForm",
    "locations.forms.PlaceSuggestionForm",
    "locations.forms.CorrectionForm",
)


def _texts(form_class) -> dict[str, str]:
    """Every text a resident can read in the form's own fields, by where it is."""
    texts = {}
    for name, field in form_class.base_fields.items():
        if name == "firma":
            continue  # the honeypot: hidden from people and screen readers
        texts[f"{name}.label"] = str(field.label or "")
        texts[f"{name}.help_text"] = str(field.help_text or "")
        for code, message in field.error_messages.items():
            texts[f"{name}.{code}"] = str(message)
        if not isinstance(field, ModelChoiceField):  # those name database rows
            for value, label in getattr(field, "choices", ()):
                texts[f"{name}.{value}"] = str(label)
    return {where: text for where, text in texts.items() if text}


@pytest.mark.parametrize("language", ["ar", "tr", "ur", "en"])
def test_every_label_help_text_choice_and_error_of_the_forms_is_translated(language):
    from django.utils import translation
    from django.utils.module_loading import import_string

    untranslated = []
    for path in FORMS:
        form_class = import_string(path)
        with translation.override("da"):
            danish = _texts(form_class)
        with translation.override(language):
            translated = _texts(form_class)
        # Django's own messages come from its catalogues, ours from home/locale.
        untranslated += [
            f"{path}: {where}: {text}"
            for where, text in danish.items()
            if translated[where] == text
        ]
    assert untranslated == []


def test_djangos_own_messages_missing_in_its_urdu_catalogue_are_urdu_not_danish(client):
    event_index()
    html = client.post("/ur/det-sker/foreslaa/", event_data(email="a" * 250 + "@example.dk"))
    message = error_of(html.content.decode(), "email")
    assert "زیادہ سے زیادہ 254 حروف" in message
    assert "tegn" not in message
