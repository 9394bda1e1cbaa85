"""What a person reads on an admin screen, and which of it the project wrote itself.

`visible_texts` pulls every piece of text a sighted or screen-reader user meets
on a rendered page: text nodes (including Wagtail's <template> dropdowns and
visually hidden screen-reader text), the attributes browsers show or speak
(aria-label, title, placeholder, alt, button values, tooltips) and the labels
and help texts of StreamField blocks, which Wagtail hands to its JavaScript as
JSON. `ProjectStrings` knows every string literal in the project's own code and
templates: those are Danish by our own rule and the same in any admin language,
so the Danish/English comparison must not count them as untranslated.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString
from bs4.element import TemplateString

ROOT = Path(__file__).resolve().parents[2]
PROJECT_DIRS = ("cms", "home", "stories", "locations", "channels", "templates")

SPOKEN_ATTRIBUTES = (
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
    "data-w-clipboard-success-value",
    "data-w-count-label-value",
)
# <code> shows identifiers as they are (setting and API field names): not language.
SKIPPED_TAGS = ("script", "style", "noscript", "svg", "code")
# Keys of StreamField's JSON block definitions an editor reads.
BLOCK_TEXT_KEYS = ("label", "helpText", "help_text", "placeholder", "title", "groupName")
_SPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _json_texts(value, out: list[str], keys=BLOCK_TEXT_KEYS) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys and isinstance(item, str):
                out.append(item)
            else:
                _json_texts(item, out, keys)
    elif isinstance(value, list):
        for item in value:
            _json_texts(item, out, keys)


def _config_texts(value, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_PLACEHOLDER.sub("2", value))  # JavaScript puts a number there
    elif isinstance(value, dict):
        for item in value.values():
            _config_texts(item, out)
    elif isinstance(value, list):
        for item in value:
            _config_texts(item, out)


def script_texts(html: str) -> list[str]:
    """Text Wagtail's JavaScript puts on screen from JSON in the page: the sidebar
    (its menu, help menu and account menu, from `wagtail-sidebar-props`) and the
    strings under STRINGS in `wagtail-config` ("1 side valgt" when a row is ticked)."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[str] = []
    props = soup.find(id="wagtail-sidebar-props")
    if props is not None and props.string:
        _json_texts(json.loads(props.string), found, ("label", "title"))
    config = soup.find(id="wagtail-config")
    if config is not None and config.string:
        _config_texts(json.loads(config.string).get("STRINGS", {}), found)
    return [text for text in map(_clean, found) if text]


def visible_texts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    # Text in <template> is what Wagtail's JavaScript shows later (dropdowns,
    # "Autosave is paused"); BeautifulSoup leaves it out of stripped_strings.
    for text in soup.find_all(string=lambda s: isinstance(s, TemplateString)):
        text.replace_with(NavigableString(str(text)))
    found: list[str] = []
    for tag in soup.find_all(attrs={"data-block": True}):
        try:
            _json_texts(json.loads(tag["data-block"]), found)
        except ValueError:
            pass
    for tag in soup.find_all(SKIPPED_TAGS):
        tag.decompose()
    # Counters that JavaScript fills with a number before showing them.
    for tag in soup.find_all(attrs={"data-side-panel-toggle-counter": True}):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        for attribute in SPOKEN_ATTRIBUTES:
            if isinstance(tag.get(attribute), str):
                found.append(tag[attribute])
        if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
            found.append(tag["value"])
    found.extend(soup.stripped_strings)
    return [text for text in map(_clean, found) if text]


def _pattern(parts: list[str]) -> re.Pattern | None:
    """A regex for a literal with holes (f-string values, %-placeholders, template tags)."""
    literal = "".join(parts)
    # Holes around mere punctuation ("%s: %s") would match anything.
    if not re.search(r"[^\W\d_]{3,}", literal.replace("\0", " ")):
        return None
    pieces = [re.escape(_clean(p)) for p in re.split(r"\0+", literal)]
    return re.compile(r"\s*(.+?)\s*".join(pieces), re.S)


_IDENTIFIER = re.compile(r"[a-z0-9_.\-/]+")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")
_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.S)


class ProjectStrings:
    """Every literal the project itself wrote, as exact texts and as patterns with holes."""

    def __init__(self, root: Path = ROOT):
        self.root = root

    @cached_property
    def _literals(self) -> tuple[set[str], list[re.Pattern]]:
        exact: set[str] = set()
        patterns: list[re.Pattern] = []

        def add(text: str) -> None:
            if "<" in text and ">" in text:  # format_html() and mark_safe() snippets
                for part in visible_texts(_PLACEHOLDER.sub("\0", text)):
                    if part != text:
                        add(part)
            if "\0" in text or _PLACEHOLDER.search(text):
                pattern = _pattern([_PLACEHOLDER.sub("\0", text)])
                if pattern:
                    patterns.append(pattern)
            for line in text.splitlines() or [text]:
                exact.add(_clean(line))
                for chunk in line.split("\0"):
                    exact.add(_clean(chunk))
            exact.add(_clean(text))

        for folder in PROJECT_DIRS:
            for path in (self.root / folder).rglob("*"):
                if path.suffix == ".py":
                    self._python_literals(path, add)
                elif path.suffix in (".html", ".txt"):
                    self._template_literals(path, add)
        exact.discard("")
        return exact, patterns

    @staticmethod
    def _python_literals(path: Path, add) -> None:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                add("".join(v.value if isinstance(v, ast.Constant) else "\0" for v in node.values))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                # Code identifiers ("page", "title", "images") are not text anyone
                # reads, and would excuse Wagtail's English words spelled the same.
                if not _IDENTIFIER.fullmatch(node.value):
                    add(node.value)

    @staticmethod
    def _template_literals(path: Path, add) -> None:
        source = _TEMPLATE_COMMENT.sub("", path.read_text(encoding="utf-8"))
        source = _TEMPLATE_TAG.sub("\0", source)
        for text in visible_texts(source):
            add(text)
        # Text split by template tags is matched line by line with holes.
        for line in source.splitlines():
            stripped = BeautifulSoup(line, "html.parser").get_text()
            if "\0" in stripped:
                add(stripped)

    @cached_property
    def _phrases(self) -> list[str]:
        """Our literals of several words, longest first, for text built from a few of them."""
        exact, _ = self._literals
        phrases = [t for t in exact if " " in t and len(t) >= 8 and "\0" not in t]
        return sorted(phrases, key=len, reverse=True)

    def pieces_left(self, text: str) -> list[str]:
        """What remains of `text` once every multi-word literal of ours is cut out."""
        for phrase in self._phrases:
            if phrase in text:
                text = text.replace(phrase, "\0")
        return text.split("\0")

    def wrote(self, text: str) -> bool:
        exact, patterns = self._literals
        if text in exact:
            return True
        return any(p.fullmatch(text) for p in patterns)


def form_values(html: str) -> dict[str, list[str]]:
    """What the page's main POST form would send untouched, as a browser would."""
    soup = BeautifulSoup(html, "html.parser")
    forms = [f for f in soup.find_all("form") if f.get("method", "").lower() == "post"]
    form = max(forms, key=lambda f: len(f.find_all(["input", "textarea", "select"])))
    values: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = field.get("type", "text")
        if not name or kind in ("file", "submit", "button", "image"):
            continue
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            value = chosen.get("value", chosen.get_text()) if chosen else ""
        else:
            value = field.get("value", "on" if kind in ("checkbox", "radio") else "")
        values.setdefault(name, []).append(value)
    return values


def danish_catalogue() -> tuple[set[str], list[re.Pattern]]:
    """Every Danish translation Django will use: text Wagtail translates once, at import,
    is Danish in both renders and still translated."""
    from django.utils.translation import trans_real

    exact: set[str] = set()
    patterns: list[re.Pattern] = []
    for key, value in trans_real.translation("da")._catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        # A catalogue may carry English as its "translation" (msgstr = msgid, as
        # Wagtail's Danish does for "Go live date/time"): that is not Danish.
        if _clean(value) == _clean(msgid):
            continue
        if _PLACEHOLDER.search(value):
            pattern = _pattern([_PLACEHOLDER.sub("\0", value)])
            if pattern:
                patterns.append(pattern)
        exact.add(_clean(value))
    return exact, patterns
