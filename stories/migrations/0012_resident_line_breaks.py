"""Residents' texts stored with "<br>": the editor could not open them.

Submissions turned a single line break into "<br>", which Wagtail's rich-text
editor cannot read (it expects Wagtail's own "<br/>"), so the edit view of such
a story or event answered 500 and the secretariat could not moderate it. This
rewrites the stored body of every story and event page and of their revisions.
"""

import json
import re

from django.db import migrations

BR = re.compile(r"<br\s*>", re.IGNORECASE)
MODELS = ("storypage", "eventpage")


def _fixed(text: str) -> str:
    return BR.sub("<br/>", text)


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for name in MODELS:
        model = apps.get_model("stories", name)
        for page in model.objects.all().iterator():
            raw = json.dumps(list(page.body.raw_data))
            fixed = _fixed(raw)
            if fixed != raw:
                page.body = json.loads(fixed)
                page.save(update_fields=["body"])
        content_type = ContentType.objects.filter(app_label="stories", model=name).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            raw = json.dumps(revision.content)
            fixed = _fixed(raw)
            if fixed != raw:
                revision.content = json.loads(fixed)
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0011_contributions_for_earlier_submissions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
