from django.db import migrations, models
from django.db.models import F


def confirm_existing(apps, schema_editor):
    """Sign-ups made before confirmation mails existed already hold their place."""
    TaskSignup = apps.get_model("stories", "TaskSignup")
    TaskSignup.objects.filter(confirmed_at__isnull=True).update(confirmed_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_call_to_action_site_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="tasksignup",
            name="confirmed_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Når personen trykkede på linket i bekræftelsesmailen. Først da tager "
                "tilmeldingen en plads.",
                null=True,
                verbose_name="Bekræftet",
            ),
        ),
        migrations.RunPython(confirm_existing, migrations.RunPython.noop),
    ]
