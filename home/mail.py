"""Plain-text mails done right.

Django templates escape HTML, which is right for a page and wrong for a text
mail: "O'Brien" arrived as "O&#x27;Brien" and "Mad & musik" as "Mad &amp;
musik". A text mail's template is rendered here without autoescaping; its
values are never HTML. Anything a person typed that goes into a header (a
name or a title in the subject) is made one line first: a line break there
would break the mail's structure (Django refuses it with BadHeaderError, and
a mail sent with fail_silently would then just not arrive).
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.template.loader import get_template


def text_body(template_name: str, context: dict[str, Any]) -> str:
    """Render a .txt mail template without HTML escaping."""
    template = get_template(template_name)
    return template.template.render(Context(context, autoescape=False))


def one_line(text: Any) -> str:
    """Any whitespace run, line breaks included, becomes one space."""
    return " ".join(str(text).split())
