"""Earlier place suggestions and corrections get their follow record
(home.participation_backfill), so the council's figures include them."""

from django.db import migrations

from home.participation_backfill import add, page_outcome


def backfill(apps, schema_editor):
    for suggestion in apps.get_model("locations", "PlaceSuggestion").objects.all():
        if suggestion.kind == "nyt":
            status, answered_at, reason = page_outcome(apps, suggestion.place_id)
            add(apps, suggestion, kind="sted", title=suggestion.place_name,
                received_at=suggestion.created_at, page_id=suggestion.place_id, status=status,
                answered_at=answered_at, reason=reason)  # fmt: skip
        else:
            # When a correction was handled is not recorded: answered, no wait known.
            add(apps, suggestion, kind="sted", title=f"Rettelse: {suggestion.place_name}",
                received_at=suggestion.created_at, page_id=suggestion.place_id,
                status="udgivet" if suggestion.is_handled else "modtaget", answered_at=None,
                becomes_page=False)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0003_term_slug_help"),
        ("home", "0005_participation"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
