"""Residents' part of the upgrade fixture, sent through the release's own public forms.

Run by the release being frozen, after `load_demo` (README.md beside this file):
    manage.py shell < .../make_fixture.py
The demo has pages, users, channel posts and reach figures; this adds what
residents leave: a story, an event and a place suggestion (each a draft in the
approval workflow), a task sign-up and a "give a hand". It stops at the first
form that does not take its post, so a fixture is never made half.
"""

import datetime

from django.test import Client
from django.utils import timezone

from locations.models import MapPage, PlaceCategory, PlaceSuggestion
from stories.models import (
    EventIndexPage,
    EventSubmission,
    GroupIndexPage,
    GroupPage,
    StorySubmission,
    TaskSignup,
    VolunteerSignup,
)

client = Client(HTTP_HOST="localhost")
week = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
group = GroupPage.objects.live().filter(tasks__isnull=False).first()
task = group.tasks.order_by("date").first()
groups = GroupIndexPage.objects.live().first()
posts = [
    (
        "/fortael/",
        {
            "title": "Fixture: Bænken ved søen",
            "intro": "Hvor naboer mødes hver morgen.",
            "body": "Vi mødes klokken otte.\n\nAlle er velkomne.",
            "name": "Fixture Fortæller",
            "email": "fortaeller@example.dk",
            "message": "Ring gerne.",
            "consent": "on",
        },
        StorySubmission,
    ),
    (
        EventIndexPage.objects.live().first().url + "foreslaa/",
        {
            "title": "Fixture: Fællesspisning",
            "intro": "Vi laver mad sammen.",
            "description": "Tag en ret med.",
            "date": week,
            "start_time": "17:00",
            "end_time": "19:00",
            "frequency": "ingen",
            "place_name": "Kulturhuset",
            "organiser": "Fixture Forening",
            "is_free": "on",
            "audience": ["alle"],
            "name": "Fixture Arrangør",
            "email": "arrangoer@example.dk",
            "consent": "on",
        },
        EventSubmission,
    ),
    (
        MapPage.objects.live().first().url + "foreslaa/",
        {
            "name": "Fixture: Bålpladsen",
            "category": PlaceCategory.objects.order_by("pk").first().pk,
            "address": "Ved stranden",
            "description": "En bålplads med bænke og læ for vinden.",
            "submitter_name": "Fixture Finder",
            "submitter_email": "finder@example.dk",
        },
        PlaceSuggestion,
    ),
    (
        group.url + group.reverse_subpage("task_signup", args=[task.pk]),
        {"name": "Fixture Hjælper", "contact": "hjaelper@example.dk", "consent": "on"},
        TaskSignup,
    ),
    (
        groups.url + groups.reverse_subpage("volunteer"),
        {"name": "Fixture Frivillig", "contact": "12345678", "consent": "on"},
        VolunteerSignup,
    ),
]
for url, data, model in posts:
    before = model.objects.count()
    response = client.post(url, data)
    assert model.objects.count() == before + 1, (url, response.status_code, response.content[:2000])
    print(f"{model.__name__}: sent through {url}")
