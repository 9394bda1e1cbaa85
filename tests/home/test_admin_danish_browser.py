"""The page editor's JavaScript speaks Danish too (issue 14).

tests/home/test_admin_danish.py reads the HTML the server sends; much of what an
editor meets in the page editor is put on screen by Wagtail's JavaScript only:
the sidebar and its page explorer, the rich-text toolbar and its tooltips, the
block menus behind "/" and "+", the buttons on each block, the minimap, the image
chooser opened from a block, the comments and their "Are you sure?", the schedule
dialog and its date picker, the bulk actions of a ticked row and the help menu. This test
walks those in Chromium twice, once with the editor's admin language set to
Danish and once to English, and fails on any visible text or spoken attribute
that is the same in both, by the same rules and the same list of excepted names
as the server-side test.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from django.utils.html import strip_tags
from wagtail.models import Comment
from wagtail.users.models import UserProfile

from tests.browser import browser_page, log_in_to_admin  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, rebuild_roles, secretariat
from tests.factories import make_story
from tests.home.admin_text import ProjectStrings, danish_catalogue
from tests.home.test_admin_danish import _database_texts, _report, _untranslated

TIMEOUT = 30_000
BROWSER_LOCALES = {"da": "da-DK", "en": "en-GB"}
# Besides test_admin_danish.SAME_IN_BOTH: the same in both languages for a reason.
SAME_IN_BOTH_JS = {
    "Link": "the Danish word too, and Wagtail's own Danish for the toolbar's link button",
}
# Keyboard shortcuts in the toolbar's tooltips ("Fed Ctrl + B") are key names.
SHORTCUT = re.compile(r"\s*\b(Ctrl|Alt|Shift|Cmd)( \+ (Ctrl|Alt|Shift|\w))+$")

# Every text node a sighted user sees (innerText skips hidden ones) and the
# attributes a browser shows or speaks, on elements that are rendered.
COLLECT_TEXT = """
(selector) => {
  const root = document.querySelector(selector);
  if (!root) return [];
  const attributes = ["aria-label", "title", "placeholder", "alt",
                      "aria-description", "data-w-tooltip-content-value"];
  const found = [];
  for (const element of [root, ...root.querySelectorAll("*")]) {
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value) found.push(value);
    }
  }
  found.push(...root.innerText.split("\\n"));
  return found.map((text) => text.replace(/\\s+/g, " ").trim()).filter(Boolean);
}
"""


def _texts(page, selector: str = "body") -> list[str]:
    return page.evaluate(COLLECT_TEXT, selector)


def _walk_the_editor(page, base: str, story) -> dict[str, list[str]]:
    """What an editor sees at each step of working on a story, in the order met."""
    seen: dict[str, list[str]] = {}
    page.goto(f"{base}/admin/pages/{story.pk}/edit/")
    editor = page.locator(".public-DraftEditor-content").first
    editor.wait_for()
    seen["redigering"] = _texts(page)

    # The sidebar's "Sider" opens the page explorer, built by JavaScript.
    page.locator(".sidebar-page-explorer-item > button").click()
    page.locator(".c-page-explorer__item").first.wait_for()
    seen["sidetræ"] = _texts(page)
    page.keyboard.press("Escape")
    page.locator(".c-page-explorer").wait_for(state="detached")

    # The rich-text toolbar appears over selected text.
    editor.click()
    page.keyboard.press("Control+A")
    page.locator(".Draftail-ToolbarButton").first.hover()
    page.locator(".Draftail-Tooltip").first.wait_for()
    seen["tekstværktøjer"] = _texts(page)

    # "/" on an empty line opens the rich-text block menu.
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("/")
    page.get_by_role("listbox").first.wait_for()
    seen["tekstblokmenu"] = _texts(page)
    page.keyboard.press("Escape")

    # The "+" between StreamField blocks opens the block chooser.
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("listbox").first.wait_for()
    seen["blokmenu"] = _texts(page)

    # An image block, and from it the image chooser modal.
    page.get_by_role("option", name="Billede").first.click()
    page.locator("[data-streamfield-child] button[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    modal.locator("form").first.wait_for()
    seen["vælg-billede"] = _texts(page, ".modal-content")
    modal.locator("button.close, [data-dismiss='modal']").first.click()
    modal.wait_for(state="hidden")

    # A new comment on the intro, then the title's comment and its "Are you sure?".
    page.locator('[data-side-panel-toggle="comments"]').click()
    page.locator('.w-field--commentable[data-contentpath="intro"]').hover()
    page.locator('[data-contentpath="intro"] .w-field__comment-button--add').click()
    page.locator(".comment textarea").first.wait_for()
    seen["ny-kommentar"] = _texts(page)
    comment = page.locator(".comment", has_text="Kan vi få et bedre billede?")
    comment.click()
    comment.locator(".comment-header__action--more summary").click()
    comment.get_by_role("menuitem").nth(1).click()  # Edit, Delete, Resolve
    comment.locator(".comment__confirm-delete").wait_for()
    seen["slet-kommentar"] = _texts(page)

    # The minimap's "Collapse all" turns into "Expand all".
    page.locator(".w-minimap__collapse-all").click()
    seen["minimap"] = _texts(page)

    # The status panel's schedule dialog, and the date picker in it.
    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").wait_for()
    seen["planlæg"] = _texts(page, "#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.first.wait_for()
    seen["datovælger"] = _texts(page, ".xdsoft_datetimepicker[style*='block']")
    page.keyboard.press("Escape")
    return seen


def _walk_the_lists(page, base: str, story) -> dict[str, list[str]]:
    """The page list with a row ticked (the bulk actions), and the help menu."""
    seen: dict[str, list[str]] = {}
    page.goto(f"{base}/admin/pages/{story.get_parent().pk}/")
    page.locator("input.bulk-action-checkbox").first.check()
    footer = page.locator("[data-bulk-action-footer]")
    footer.wait_for()
    seen["flere-valgt"] = _texts(page, "[data-bulk-action-footer]")
    page.locator("#wagtail-sidebar").get_by_role("button", name=re.compile("Hjælp|Help")).click()
    help_menu = ".sidebar-sub-menu-panel:has(a[href='/admin/vejledning/'])"
    page.locator(help_menu).wait_for()
    seen["hjælp"] = _texts(page, help_menu)
    return seen


def _story_with_a_comment(user):
    story = make_story(title="Sommer på stranden")
    Comment.objects.create(
        page=story,
        user=user,
        text="Kan vi få et bedre billede?",
        contentpath="title",
        position="",
        revision_created=story.latest_revision,
    )
    return story


def _body_texts(story) -> list[str]:
    """The story's rich text, typed by an editor: content, the same in any language."""
    return [
        strip_tags(block.value.source) for block in story.body if block.block_type == "paragraph"
    ]


def _labels(texts: list[str], database: list[str]) -> list[str]:
    """The minimap shows each field's label with "*" when required, and cuts long
    content short with "…"; tooltips add a keyboard shortcut. None of it is
    language; the label itself still is."""
    cleaned = []
    for text in texts:
        text = SHORTCUT.sub("", text.removesuffix("*")).strip()
        if text in SAME_IN_BOTH_JS:
            continue
        if text.endswith("…") and any(value.startswith(text[:-1]) for value in database):
            continue
        cleaned.append(text)
    return cleaned


def _set_language(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_page_editors_javascript_is_danish(live_server, browser_page, settings):  # noqa: F811
    # English must exist for Wagtail to switch to it; editors are only offered Danish.
    rebuild_roles()
    user = secretariat(username="sekretariat-js")
    browser = browser_page.context.browser
    walks = {}
    stories = {}
    for language in ("da", "en"):
        _set_language(user, language)
        # The walk edits the story and Wagtail saves it: each language gets its own.
        stories[language] = story = _story_with_a_comment(user)
        # A fresh browser each time, nothing cached from the other language, set
        # to the editor's language: Wagtail dates comments in the browser's.
        context = browser.new_context(locale=BROWSER_LOCALES[language])
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        log_in_to_admin(page, live_server.url, user.username, PASSWORD)
        walks[language] = _walk_the_editor(page, live_server.url, story)
        walks[language] |= _walk_the_lists(page, live_server.url, story)
        context.close()

    # Longest first, as _database_texts gives them: a title inside the body text
    # must not be cut out before the body text itself.
    database = sorted(_database_texts() + _body_texts(stories["da"]), key=len, reverse=True)
    ours, danish = ProjectStrings(), danish_catalogue()
    failures = {}
    for step, da in walks["da"].items():
        da, en = _labels(da, database), _labels(walks["en"][step], database)
        # Each step shows the whole screen; name each text once, where first seen.
        left = [
            text
            for text in _untranslated(da, en, database, ours, danish)
            if not any(text in earlier for earlier in failures.values())
        ]
        if left:
            failures[step] = left
    if os.environ.get("DANISH_DUMP"):
        with open(os.environ["DANISH_DUMP"], "a", encoding="utf-8") as dump:
            dump.write(json.dumps(failures, ensure_ascii=False) + "\n")
    assert not failures, _report(failures)
