"""The approved recipes print as a small cookbook."""

import io

import pytest
from pypdf import PdfReader

from stories.community.cookbook_pdf import build_cookbook, cookbook_recipes
from stories.community.submissions import recipe_block
from stories.models import StorySubmission
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def _recipe(title, dish, publish=True):
    story = make_story(
        title=title,
        publish=publish,
        body=[
            ("paragraph", "<p>Min mormor lavede den hver søndag.</p>"),
            recipe_block({"dish": dish, "servings": 4, "ingredients": ["1 løg"],
                          "steps": ["Steg"]}),
        ],
    )  # fmt: skip
    StorySubmission.objects.create(page=story, kind="opskrift", name="A", email="a@b.dk")
    return story


def test_only_published_recipes_go_in_the_cookbook():
    _recipe("Mad med historie: Frikadeller", "Frikadeller")
    _recipe("Mad med historie: Dolma", "Dolma", publish=False)
    names = [r.name for r in cookbook_recipes()]
    assert names == ["Frikadeller"]


def test_the_cookbook_is_a_pdf_anyone_can_download(client):
    _recipe("Mad med historie: Frikadeller", "Frikadeller")
    response = client.get("/kogebog.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"a@b.dk" not in response.content
    assert len(build_cookbook(cookbook_recipes())) > 1000


def test_the_cookbook_is_tagged_by_the_council_reports_engine_with_each_recipes_photo(client):
    """Made by WeasyPrint as a tagged PDF (PDF/UA-1), one page per recipe with its photo."""
    _recipe("Mad med historie: Frikadeller", "Frikadeller")
    pdf = PdfReader(io.BytesIO(client.get("/kogebog.pdf").content))
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "da"
    assert "WeasyPrint" in str(pdf.metadata.get("/Producer"))
    recipe_page = pdf.pages[1]
    assert "Frikadeller" in recipe_page.extract_text()
    assert len(recipe_page.images) == 1  # the story's photo
