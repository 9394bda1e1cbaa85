"""One reach snapshot per publication and day: existing pulls are collapsed to
the day's last, keeping for each metric the day's last value, so no figure
a report could show is lost."""

from django.db import migrations, models
from django.utils import timezone


def collapse_to_days(apps, schema_editor):
    ReachPull = apps.get_model("reach", "ReachPull")
    ChannelMetric = apps.get_model("reach", "ChannelMetric")
    pulls = ReachPull.objects.order_by("publication_id", "pulled_at", "pk").values_list(
        "pk", "publication_id", "pulled_at", "ok", "error"
    )
    group: list[tuple] = []
    key = None

    def flush(group):
        if not group:
            return
        day = timezone.localtime(group[-1][2]).date()
        keep = group[-1][0]
        others = [row[0] for row in group[:-1]]
        if others:
            # The day's last value of each metric, wherever in the day it came.
            latest: dict[str, int] = {}
            for pull_id in [*others, keep]:
                for name, value in ChannelMetric.objects.filter(pull_id=pull_id).values_list(
                    "metric", "value"
                ):
                    latest[name] = value
            ChannelMetric.objects.filter(pull_id__in=[*others, keep]).delete()
            ChannelMetric.objects.bulk_create(
                ChannelMetric(pull_id=keep, metric=name, value=value)
                for name, value in latest.items()
            )
            if latest and not group[-1][3]:
                # The day had figures although its last pull failed: the figures stand.
                ReachPull.objects.filter(pk=keep).update(ok=True)
            ReachPull.objects.filter(pk__in=others).delete()
        ReachPull.objects.filter(pk=keep).update(day=day)

    for row in pulls.iterator(chunk_size=2000):
        row_key = (row[1], timezone.localtime(row[2]).date())
        if row_key != key:
            flush(group)
            group, key = [], row_key
        group.append(row)
    flush(group)


class Migration(migrations.Migration):
    dependencies = [("reach", "0008_reach_pull_outlives_page")]

    operations = [
        migrations.AddField(
            model_name="reachpull", name="day", field=models.DateField(null=True)
        ),
        migrations.RunPython(collapse_to_days, migrations.RunPython.noop),
        migrations.AlterField(model_name="reachpull", name="day", field=models.DateField()),
        migrations.AddConstraint(
            model_name="reachpull",
            constraint=models.UniqueConstraint(
                fields=("publication", "day"), name="reach_pull_one_per_day"
            ),
        ),
    ]
