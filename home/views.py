from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from wagtail.models import Page, Site

from home import retention
from home.models import ShortLink, SiteSettings

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Site search over every public page type that declares search fields."""
    query = request.GET.get("query", "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Søgningen må højst være {MAX_QUERY_LENGTH} tegn."
        query = query[:MAX_QUERY_LENGTH]
    elif query:
        found = Page.objects.live().public().specific().search(query)
        paginator = Paginator(found, SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("side", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results, "search_error": error},
        status=400 if error else 200,
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def accessibility_statement(request):
    """/was is the short address the accessibility law expects; it follows the
    statement wherever the secretariat publishes it."""
    site = Site.find_for_request(request)
    return redirect(SiteSettings.for_site(site).accessibility_statement_url)


def short_link(request, code):
    """/k/<code>: the page a short link names, with the tags that credit the
    visit to where the link was shared (Instagram, the poster)."""
    link = ShortLink.objects.select_related("page").filter(code=code.lower()[:16]).first()
    if link is None or not link.page.live:
        raise Http404("Den korte adresse findes ikke.")
    url = link.page.get_url(request)
    if not url:
        raise Http404("Den korte adresse findes ikke.")
    return redirect(f"{url}?{urlencode(link.tags)}" if link.tags else url)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to."""
    return redirect(static("favicon.ico"), permanent=True)


def privacy(request):
    """/privatliv: what each form and the page view counter store, why, for how
    long and whom to ask; the periods are the retention jobs' own settings."""
    site = Site.find_for_request(request)
    days = {kind: retention.days(kind) for kind in retention.KINDS}
    periods = {kind: retention.period_text(n) for kind, n in days.items()}
    days["backups"] = retention.backup_horizon_days()
    periods["backups"] = retention.backup_horizon_text()
    context = {
        "days": days,
        "periods": periods,
        "rate_limit_minutes": retention.rate_limit_minutes(),
        "contact_email": SiteSettings.for_site(site).contact_email,
    }
    return TemplateResponse(request, "home/privacy.html", context)
