"""Residents' personal data is erased when its period in PERSONAL_DATA_RETENTION is
over, against a clock moved forward; what they sent and the counts stay."""

import datetime

import pytest
from django.apps import apps
from django.core import mail, serializers
from django.core.management import call_command
from django.utils import timezone

from home import retention
from stories.community.personal_data import erase_submission_personal_data, purge_personal_data
from stories.models import StoryPage, StorySubmission, TaskSignup, VolunteerSignup
from tests.community.helpers import make_group, secretariat
from tests.factories import story_index

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def later(days: float) -> datetime.datetime:
    return NOW + datetime.timedelta(days=days)


def send_story(client, title="Kaffe på trappen", email="fatima@example.dk") -> StorySubmission:
    story_index()
    response = client.post(
        "/fortael/",
        {"title": title, "intro": "Naboerne mødes hver fredag.", "body": "Nu kommer tyve.",
         "name": "Fatima", "email": email, "message": "Ring gerne", "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    return StorySubmission.objects.get(page__title=title)


def test_a_task_sign_up_keeps_its_contact_until_the_period_after_the_task_is_over():
    group = make_group(tasks=[("til at grille", 3)])
    task = group.tasks.get()
    task.date = timezone.localdate(NOW)
    task.save()
    signup = TaskSignup.objects.create(task=task, name="Karen", contact="20304050", consent=True)
    period = retention.days("task_signups")

    purge_personal_data(now=later(period - 1))
    assert TaskSignup.objects.get(pk=signup.pk).contact == "20304050"

    counts = purge_personal_data(now=later(period + 1))

    erased = TaskSignup.objects.get(pk=signup.pk)  # still counted as a sign-up
    assert (erased.name, erased.contact) == ("", "")
    assert counts["task_signups"] == 1
    assert purge_personal_data(now=later(period + 2))["task_signups"] == 0  # erased once


def test_a_task_far_ahead_keeps_its_sign_ups_until_after_its_day():
    group = make_group(tasks=[("til plakater", 1)])
    task = group.tasks.get()
    task.date = timezone.localdate(NOW) + datetime.timedelta(days=400)
    task.save()
    TaskSignup.objects.create(task=task, name="Ole", contact="ole@example.dk", consent=True)

    purge_personal_data(now=later(retention.days("submissions") + 10))

    assert TaskSignup.objects.get().contact == "ole@example.dk"


def test_a_volunteer_is_erased_a_period_after_signing_up(client):
    volunteer = VolunteerSignup.objects.create(
        name="Ahmed", contact="ahmed@example.dk", interests="Bage kage", consent=True
    )
    period = retention.days("volunteers")

    purge_personal_data(now=later(period - 1))
    assert VolunteerSignup.objects.get().name == "Ahmed"
    purge_personal_data(now=later(period + 1))

    erased = VolunteerSignup.objects.get(pk=volunteer.pk)
    assert (erased.name, erased.contact, erased.interests) == ("", "", "")


def test_a_rejected_story_loses_its_senders_data_a_period_after_the_decision(client):
    submission = send_story(client)
    task_state = submission.page.current_workflow_task_state
    task_state.reject(user=secretariat(), comment="Den passer ikke til siden.")
    TaskState = type(task_state)
    TaskState.objects.filter(pk=task_state.pk).update(finished_at=NOW)
    kept = send_story(client, title="Bænken ved søen", email="ole@example.dk")  # not decided
    period = retention.days("closed_submissions")

    purge_personal_data(now=later(period - 1))
    assert StorySubmission.objects.get(pk=submission.pk).email == "fatima@example.dk"
    counts = purge_personal_data(now=later(period + 1))

    erased = StorySubmission.objects.get(pk=submission.pk)
    assert (erased.name, erased.email, erased.message) == ("", "", "")
    assert StoryPage.objects.filter(pk=submission.page_id).exists()  # the text stays
    assert counts["closed_submissions"] == 1
    assert StorySubmission.objects.get(pk=kept.pk).email == "ole@example.dk"


def test_every_submission_loses_its_senders_data_after_the_general_period(client):
    submission = send_story(client)
    period = retention.days("submissions")

    purge_personal_data(now=later(period - 1))
    assert StorySubmission.objects.get().email == "fatima@example.dk"
    assert purge_personal_data(now=later(period + 1))["submissions"] == 1

    assert StorySubmission.objects.get(pk=submission.pk).email == ""


def test_a_shorter_period_in_the_settings_is_what_the_job_does(client, settings):
    submission = send_story(client)
    settings.PERSONAL_DATA_RETENTION = {**settings.PERSONAL_DATA_RETENTION, "submissions": 3}

    purge_personal_data(now=later(4))

    assert StorySubmission.objects.get(pk=submission.pk).email == ""


def test_one_submission_is_erased_at_once_by_the_shared_function(client):
    submission = send_story(client)
    other = send_story(client, title="Bænken ved søen", email="ole@example.dk")

    assert erase_submission_personal_data(submission) is True

    assert (submission.name, submission.email, submission.message) == ("", "", "")
    assert StorySubmission.objects.get(pk=submission.pk).email == ""
    assert StorySubmission.objects.get(pk=other.pk).email == "ole@example.dk"
    assert erase_submission_personal_data(submission) is False  # nothing left to erase


def test_each_run_is_logged_with_counts_and_never_the_data(client, caplog):
    send_story(client)
    VolunteerSignup.objects.create(name="Ahmed", contact="ahmed@example.dk", consent=True)

    with caplog.at_level("INFO", logger="voresishoej.retention"):
        call_command("purge_personal_data")
        purge_personal_data(now=later(400))

    assert "submissions=1" in caplog.text and "volunteers=1" in caplog.text
    for personal in ("fatima@example.dk", "Fatima", "Ahmed", "ahmed@example.dk", "Ring gerne"):
        assert personal not in caplog.text


def test_a_message_to_a_group_is_mailed_and_stored_nowhere(client):
    group = make_group("Dyrk Ishøj", contact_name="Birthe", contact_email="birthe@example.dk")
    message = "Må jeg komme og se byhaverne på lørdag? Hilsen fra Vejlebrovej 12"

    response = client.post(
        group.url + group.reverse_subpage("contact"),
        {"name": "Karen Nielsen", "email": "karen.n@example.dk", "message": message,
         "consent": "on"},
    )  # fmt: skip

    assert response.status_code == 302 and len(mail.outbox) == 1
    assert message in mail.outbox[0].body
    for model in apps.get_models():
        stored = serializers.serialize("json", model._base_manager.all())
        assert "Vejlebrovej 12" not in stored and "karen.n@example.dk" not in stored, model
