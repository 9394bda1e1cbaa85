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

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template
from django.utils.html import escape, linebreaks, urlize

from home.languages import is_rtl


def text_body(template_name: str, context: dict[str, Any]) -> str:
    """Render a .txt mail template without HTML escaping."""
    template = get_template(template_name)
    return template.template.render(Context(context, autoescape=False))


def one_line(text: Any) -> str:
    """Any whitespace run, line breaks included, becomes one space."""
    return " ".join(str(text).split())


def resident_mail(subject: str, body: str, to: list[str], language: str) -> EmailMultiAlternatives:
    """A mail to a resident in the language they wrote in: the plain text, and
    the same text as HTML whose `lang` and `dir` let a mail program set Arabic
    and Urdu right to left and choose a voice for a screen reader (a plain text
    part says neither). Build the subject and body under
    `translation.override(language)`."""
    direction = "rtl" if is_rtl(language) else "ltr"
    html = (
        f'<!DOCTYPE html>\n<html lang="{language}" dir="{direction}">\n<head>'
        f'<meta charset="utf-8"><title>{escape(subject)}</title></head>\n'
        f'<body dir="{direction}"><div lang="{language}" dir="{direction}">'
        f"{linebreaks(urlize(body, autoescape=True))}</div></body>\n</html>\n"
    )
    message = EmailMultiAlternatives(
        subject=one_line(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    return message
