"""Submissions sent before the follow links get theirs, with the status they
reached, so the council's participation figures count them (stories 0011,
locations 0004).

The migrations' functions run on rows made as they were left before them (no
contribution yet). The schema is not taken back to 0010: the pages are made by
today's models, which a later migration (stories 0013 renamed a story's
picture) no longer fits to the old tables."""

import importlib

import pytest
from django.apps import apps
from django.core import mail
from wagtail.models import Workflow

from home.models import Contribution
from home.roles import WORKFLOW_NAME
from locations.models import PlaceSuggestion, SuggestionKind
from stories.models import PhotoSubmission, StorySubmission
from tests.community.helpers import make_photo_call, rebuild_roles, secretariat
from tests.factories import make_image, make_story, story_index
from tests.locations.helpers import make_place

pytestmark = pytest.mark.django_db(transaction=True)

MIGRATIONS = [
    "stories.migrations.0011_contributions_for_earlier_submissions",
    "locations.migrations.0004_contributions_for_earlier_suggestions",
]


def run_backfills():
    for name in MIGRATIONS:
        importlib.import_module(name).backfill(apps, None)


def sent_story(index, title, publish):
    page = make_story(index, title=title, publish=publish)
    StorySubmission.objects.create(page=page, kind="historie", name="Ole", email="ole@x.dk")
    return page


def test_earlier_submissions_get_their_status_and_nobody_is_mailed():
    rebuild_roles()
    index = story_index()
    sent_story(index, "Udgivet før", publish=True)
    rejected = sent_story(index, "Afvist før", publish=False)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    task_state = workflow.start(rejected, None).current_task_state
    task_state.task.specific.on_action(
        task_state.specific, secretariat(), "reject", comment="Den handler ikke om Ishøj."
    )
    sent_story(index, "Venter stadig", publish=False)
    call = make_photo_call()
    PhotoSubmission.objects.create(call=call, image=make_image(), caption="Godkendt foto",
                                   photographer="Lis", consent=True, status="godkendt")  # fmt: skip
    place = make_place("Biblioteket")
    PlaceSuggestion.objects.create(kind=SuggestionKind.CORRECTION, place=place,
                                   place_name=place.title, is_handled=True)  # fmt: skip
    Contribution.objects.all().delete()
    mail.outbox.clear()

    run_backfills()

    status = dict(Contribution.objects.values_list("title", "status"))
    assert status == {
        "Udgivet før": "udgivet",
        "Afvist før": "afvist",
        "Venter stadig": "modtaget",
        "Godkendt foto": "udgivet",
        "Rettelse: Biblioteket": "udgivet",
    }
    assert Contribution.objects.get(title="Afvist før").reason == "Den handler ikke om Ishøj."
    assert Contribution.objects.get(title="Udgivet før").answered_at is not None
    assert len({c.token for c in Contribution.objects.all()}) == 5
    assert mail.outbox == []
