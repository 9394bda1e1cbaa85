"""A resident writes her name and her text in her own script: Arabic, Urdu,
Turkish with its dotted İ, Danish, or several at once. Every public form keeps
them exactly as written (no 400, no mangled letters), and the secretariat reads
them back as they were sent."""

import unicodedata

import pytest

from stories.models import StoryPage, StorySubmission, VolunteerSignup
from tests.community.helpers import group_index
from tests.factories import story_index

pytestmark = pytest.mark.django_db

NAMES = [
    "فاطمة الزهراء",  # Arabic
    "عائشہ بی بی",  # Urdu
    "Ayşe İnce Işık",  # Turkish: dotted capital İ, dotless ı
    "Søren Ørsted-Åberg",
    "محمد Mohammed Øzkan",  # two scripts in one name
]
TEXTS = {
    "title": "İstanbul'dan Ishøj'e: مكتبة الجيران",
    "intro": "ہم ہر جمعہ کو ملتے ہیں۔ Komşular kütüphanede buluşuyor.",
    "body": "يقرأ الأطفال القصص مع الجدات.\n\nDİKKAT: ıiİI — Turkish case, kept as typed.",
}


@pytest.mark.parametrize("name", NAMES)
def test_a_story_is_received_with_the_name_and_text_as_written(client, name):
    story_index()
    response = client.post(
        "/fortael/", {**TEXTS, "name": name, "email": "beboer@example.dk", "consent": "on"}
    )
    assert response.status_code == 302, response.content.decode()
    submission = StorySubmission.objects.get()
    draft = StoryPage.objects.get(pk=submission.page_id).get_latest_revision_as_object()
    assert submission.name == name
    assert (draft.title, draft.intro) == (TEXTS["title"], TEXTS["intro"])
    body = " ".join(str(block.value) for block in draft.body)
    assert "يقرأ الأطفال القصص مع الجدات." in body and "DİKKAT: ıiİI" in body


def test_a_name_typed_in_decomposed_letters_is_accepted(client):
    """A phone keyboard may send "İ" as I + a combining dot: no refusal, the same name."""
    story_index()
    decomposed = unicodedata.normalize("NFD", "Ayşe İnce")
    response = client.post(
        "/fortael/",
        {**TEXTS, "name": decomposed, "email": "ayse@example.dk", "consent": "on"},
    )
    assert response.status_code == 302
    stored = StorySubmission.objects.get().name
    assert unicodedata.normalize("NFC", stored) == "Ayşe İnce"


@pytest.mark.parametrize("name", NAMES)
def test_a_volunteer_signs_up_in_her_own_script(client, name):
    groups = group_index()
    url = groups.url + groups.reverse_subpage("volunteer")
    response = client.post(
        url,
        {
            "name": name,
            "phone": "+45 20 30 40 50",
            "interests": "أساعد في المقهى · Kahve yapabilirim · میں کھانا پکا سکتی ہوں",
            "consent": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    signup = VolunteerSignup.objects.get()
    assert signup.name == name
    assert signup.interests == "أساعد في المقهى · Kahve yapabilirim · میں کھانا پکا سکتی ہوں"
