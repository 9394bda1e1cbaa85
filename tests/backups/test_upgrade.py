"""A database made by the previous release migrates to this one and serves from it.

The fixture (tests/backups/upgrade/) was made by the previous release's own
code. It is migrated in place, as `release` does on deploy, and no table may
lose a row; then the portal built on it serves its pages, its API and the
admin, and the demo users log in with their old password.
"""

import json
import shutil
import sqlite3

from tests.backups.conftest import ENGINE_FREE, unpack_release_media
from tests.backups.helpers import (
    manage,
    portal_env,
    probe,
    require_postgres,
    scratch_postgres,
    thin_out_history,
)
from tests.backups.upgrade import PASSWORD

pytestmark = ENGINE_FREE

# Tables a migration empties or shrinks on purpose, with the reason. Empty now.
INTENDED_ROW_CHANGES: dict[str, str] = {}


def test_no_migration_loses_a_row(upgraded):
    _, _, before, after = upgraded
    assert sum(before.values()) > 50_000  # the whole demo, not an empty database
    lost = {
        table: (rows, after.get(table))
        for table, rows in before.items()
        if table not in INTENDED_ROW_CHANGES
        and table != "django_migrations"
        and after.get(table, -1) < rows
    }
    assert lost == {}
    assert after["django_migrations"] > before["django_migrations"]  # this release's own


def test_every_story_revision_keeps_its_picture_under_the_new_name(upgraded):
    """stories 0013 renamed a story's hero_image to image: a draft, a scheduled
    publication or an old revision read under the old name would lose it."""
    path, _, _, _ = upgraded
    with sqlite3.connect(path) as db:
        contents = [
            json.loads(content)
            for (content,) in db.execute(
                "SELECT r.content FROM wagtailcore_revision r JOIN django_content_type c "
                "ON c.id = r.content_type_id WHERE c.app_label = 'stories' "
                "AND c.model = 'storypage'"
            )
        ]
        pictured = db.execute(
            "SELECT COUNT(*) FROM stories_storypage WHERE image_id IS NOT NULL"
        ).fetchone()[0]
    assert pictured >= 12 and len(contents) >= pictured  # the demo's stories, each revised
    assert [c for c in contents if {"hero_image", "hero_image_alt"} & c.keys()] == []
    assert sum(1 for c in contents if c.get("image") and c.get("image_alt")) >= pictured


def test_every_place_revision_keeps_its_short_text_under_the_new_name(upgraded):
    """locations 0005 renamed a place's summary to intro: a revision read under
    the old name would publish or restore the place without it."""
    path, _, _, _ = upgraded
    with sqlite3.connect(path) as db:
        contents = [
            json.loads(content)
            for (content,) in db.execute(
                "SELECT r.content FROM wagtailcore_revision r JOIN django_content_type c "
                "ON c.id = r.content_type_id WHERE c.app_label = 'locations' "
                "AND c.model = 'placepage'"
            )
        ]
        with_text = db.execute(
            "SELECT COUNT(*) FROM locations_placepage WHERE intro != ''"
        ).fetchone()[0]
    assert with_text >= 10 and len(contents) >= with_text  # the demo's places
    assert [c for c in contents if "summary" in c] == []
    assert sum(1 for c in contents if c.get("intro")) >= with_text


def test_the_upgraded_portal_serves_pages_api_and_admin(upgraded):
    path, env, _, _ = upgraded
    with sqlite3.connect(path) as db:
        title, url_path = db.execute(
            "SELECT p.title, p.url_path FROM wagtailcore_page p JOIN stories_storypage s "
            "ON s.page_ptr_id = p.id WHERE p.live ORDER BY p.first_published_at DESC LIMIT 1"
        ).fetchone()
        place = db.execute(
            "SELECT p.title FROM wagtailcore_page p JOIN locations_placepage l "
            "ON l.page_ptr_id = p.id WHERE p.live ORDER BY p.id LIMIT 1"
        ).fetchone()[0]
    story_url = "/" + url_path.split("/", 2)[2]  # below the home page
    seen = probe(
        env,
        "pages",
        "sekretariat",
        PASSWORD,
        "/",
        "/historier/",
        story_url,
        "/det-sker/",
        "/kort/",
        "/grupper/",
        "/api/v2/pages/?type=stories.StoryPage&fields=title&limit=50",
        "/api/places.geojson",
        "/feeds/historier.rss",
    )
    statuses = {path: page["status"] for path, page in seen.items() if path != "login"}
    assert set(statuses.values()) == {200}, statuses
    assert title in seen[story_url]["text"]
    assert title in seen["/historier/"]["text"]
    assert title in seen["/api/v2/pages/?type=stories.StoryPage&fields=title&limit=50"]["text"]
    assert place in seen["/api/places.geojson"]["text"]
    assert seen["login"] is True
    # Logged in with the old password: the dashboard, not the login form.
    assert 'name="password"' not in seen["/admin/"]["text"]


def test_an_archive_of_the_previous_release_restores_forward_onto_postgresql(
    release_database, tmp_path
):
    """The archive keeps the migrations it was made at; the restore builds that
    schema, loads, and migrates forward to this release, on the other engine."""
    require_postgres()
    old = tmp_path / "old"
    shutil.copy(release_database, tmp_path / "release.sqlite3")
    assert all(thin_out_history(tmp_path / "release.sqlite3").values())
    unpack_release_media(old / "media")
    archive = manage(portal_env(f"sqlite:///{tmp_path / 'release.sqlite3'}", old), "backup")
    with scratch_postgres("upgrade") as url:
        env = portal_env(url, tmp_path / "new")
        report = tmp_path / "report.json"
        manage(env, "restore", archive.stdout.strip().splitlines()[-1], "--report", str(report))
        seen = probe(env, "pages", "sekretariat", PASSWORD, "/", "/api/v2/pages/")
    restored = json.loads(report.read_text())
    assert restored["tables_match"] and restored["rebuilt_schema"]
    assert "backups.0001_backup_runs" in restored["migrated_forward"]
    assert (seen["/"]["status"], seen["/api/v2/pages/"]["status"], seen["login"]) == (
        200,
        200,
        True,
    )
