"""A printable A4 poster for each event, for the library's and the
supermarket's notice boards: what, when, where, and a short address with a QR
code on the portal's own domain, so visits from the poster count as "Plakat"
in reach (home.models.ShortLink, channels.reach.attribution).

Made by WeasyPrint from an HTML template, as the council report is, as a
tagged PDF (PDF/UA-1): headings, the picture's text alternative, the
document's language and title.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Site

from home.models import ShortLink
from home.pdf_images import image_data_uri
from stories.models import EventPage
from stories.recurrence import next_occurrences

PDF_VARIANT = "pdf/ua-1"
POSTER_SOURCE = "plakat"


def poster_link(event: EventPage, request: HttpRequest) -> str:
    """The poster's short address, on the site's own domain (not the request's Host)."""
    link = ShortLink.objects.for_page(
        event,
        POSTER_SOURCE,
        {"utm_source": POSTER_SOURCE, "utm_medium": "print", "utm_campaign": event.slug},
    )
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url.rstrip('/')}{link.path()}"


def qr_svg(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_inline(scale=6, border=2, omitsize=True)


def poster_pdf(event: EventPage, request: HttpRequest) -> bytes:
    from weasyprint import HTML  # loads Pango: only where a PDF is made

    url = poster_link(event, request)
    html = render_to_string(
        "stories/poster.html",
        {
            "event": event,
            "occurrences": [o for o in next_occurrences(event, limit=4) if not o.is_cancelled],
            "short_url": url,
            "short_url_text": url.split("://", 1)[-1],
            "qr": qr_svg(url),
            "picture": image_data_uri(event.image_wide),
        },
    )
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)


def poster_view(request: HttpRequest, page_id: int) -> HttpResponse:
    event = EventPage.objects.live().public().filter(pk=page_id).first()
    if event is None:
        raise Http404("Begivenheden findes ikke.")
    response = HttpResponse(poster_pdf(event, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="plakat-{event.slug}.pdf"'
    return response
