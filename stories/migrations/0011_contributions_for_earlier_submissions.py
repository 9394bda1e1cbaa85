"""Earlier stories, recipes, photos and event suggestions get their follow
record (home.participation_backfill), so the council's figures include them."""

from django.db import migrations

from home.participation_backfill import add, page_outcome


def backfill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    for model_name, kind_of in (
        ("StorySubmission", lambda s: "opskrift" if s.kind == "opskrift" else "historie"),
        ("EventSubmission", lambda s: "begivenhed"),
    ):
        for submission in apps.get_model("stories", model_name).objects.all():
            status, answered_at, reason = page_outcome(apps, submission.page_id)
            page = Page.objects.filter(pk=submission.page_id).first()
            add(apps, submission, kind=kind_of(submission), title=page.title if page else "",
                received_at=submission.created_at, page_id=submission.page_id, status=status,
                answered_at=answered_at, reason=reason)  # fmt: skip
    for photo in apps.get_model("stories", "PhotoSubmission").objects.all():
        approved = photo.status == "godkendt"
        add(apps, photo, kind="billede", title=photo.caption, received_at=photo.created_at,
            page_id=photo.call_id, status="udgivet" if approved else "modtaget",
            answered_at=photo.reviewed_at if approved else None, becomes_page=False)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0010_group_image"),
        ("home", "0005_participation"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
