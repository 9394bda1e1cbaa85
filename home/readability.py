"""LIX, the Danish readability index, counted the same way here and in the editor.

Many residents read Danish as a second language; LIX tells an editor while she
writes whether a text is easy enough. The editor's panel recomputes it in the
browser (static/js/lix.js) as she types; that script follows this module rule
for rule, and both are tested against the same hand-counted examples
(tests/home/lix_examples.py).

The rules, in the order the text is read:

- A *word* is a run of letters and digits, hyphens and apostrophes allowed
  inside ("Ishøj-borgere", "Ali's"), with at least one letter: "2026" and
  "kl. 10"'s "10" are no words.
- A *long word* has more than six letters (digits do not count).
- A *sentence* ends at ".", "!", "?" or ":" unless the next word starts with a
  small letter or a digit ("kl. 10", "bl.a. her", "3.5", "sagde: ja"), and at
  every line break (a title, a heading, a list item without a full stop).
- LIX = words / sentences + 100 × long words / words.

Bands: under 25 meget let, 25–34 let, 35–44 middel, 45–54 svær, 55 and over
meget svær (rounded LIX; half rounds up, as JavaScript's Math.round does).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.fields import RichTextField

from home.search.languages import language_of
from home.text import plain_text

# The same pattern as lix.js's TOKEN: words, runs of sentence marks, line breaks.
TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[.!?:]+|\n")
LONG_WORD_LETTERS = 6
BANDS = [(25, "meget let"), (35, "let"), (45, "middel"), (55, "svær")]
HARDEST_BAND = "meget svær"
DEFAULT_TARGET = 35


@dataclass(frozen=True)
class Lix:
    words: int
    long_words: int
    """Words with more than six letters."""
    sentences: int

    @property
    def score(self) -> float | None:
        if not self.words:
            return None
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def rounded(self) -> int | None:
        score = self.score
        return None if score is None else math.floor(score + 0.5)

    @property
    def band(self) -> str:
        return band(self.rounded) if self.rounded is not None else ""


def band(value: float) -> str:
    """The Danish name of the band a (rounded) LIX falls in."""
    for limit, name in BANDS:
        if value < limit:
            return name
    return HARDEST_BAND


def _letters(token: str) -> int:
    return sum(1 for char in token if char.isalpha())


def _opens_no_sentence(token: str | None) -> bool:
    """A word after a full stop that shows the stop ended no sentence."""
    if token is None or token == "\n" or not token[0].isalnum():
        return False
    return token[0].islower() or token[0].isdigit()


def lix(text: str) -> Lix:
    tokens = TOKEN.findall(text)
    words = long_words = sentences = 0
    open_sentence = False
    for i, token in enumerate(tokens):
        if token == "\n":
            if open_sentence:
                sentences += 1
                open_sentence = False
        elif not token[0].isalnum():
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if open_sentence and not _opens_no_sentence(following):
                sentences += 1
                open_sentence = False
        else:
            letters = _letters(token)
            if letters:
                words += 1
                long_words += letters > LONG_WORD_LETTERS
                open_sentence = True
    if open_sentence:
        sentences += 1
    return Lix(words=words, long_words=long_words, sentences=sentences)


# Tags that end a line of text in rich text (paragraphs, list items, headings, <br>).
_LINE_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)


def rich_text_lines(source: str) -> str:
    return html.unescape(plain_text(_LINE_END.sub("\n", source)))


def body_texts(body: Iterable) -> list[str]:
    """The prose of a story body as the editor's panel reads it: headings,
    paragraphs and quotes; captions, recipes and buttons are not prose."""
    texts = []
    for block in body:
        if block.block_type == "heading":
            texts.append(block.value["text"])
        elif block.block_type == "paragraph":
            texts.append(rich_text_lines(block.value.source))
        elif block.block_type == "quote":
            texts.append(block.value["quote"])
    return texts


# The prose fields a page shares when no panel names its own (a story's).
DEFAULT_FIELDS = ("intro", "body")


def field_text(page, name: str) -> str:
    """One field's prose: a StreamField's headings, paragraphs and quotes, a rich
    text field's lines, or a plain text field as written."""
    value = getattr(page, name, None)
    if value is None:
        return ""
    if hasattr(value, "stream_block"):
        return "\n".join(body_texts(value))
    if isinstance(page._meta.get_field(name), RichTextField):
        return rich_text_lines(str(value)).strip("\n")
    return str(value)


def page_text(page, fields: Iterable[str] = DEFAULT_FIELDS) -> str:
    """What LIX measures on a page: its title and the prose fields it shares
    (a story's intro and body, a place's intro and description), one per line."""
    parts = [page.title] + [field_text(page, name) for name in fields]
    return "\n".join(parts)


def page_lix(page, fields: Iterable[str] = DEFAULT_FIELDS) -> Lix:
    return lix(page_text(page, fields))


def is_danish(page) -> bool:
    """Whether LIX applies: it is made for Danish (and Scandinavian) text."""
    return language_of(page).lower().split("-")[0] == "da"
