"""The default site, its front page and the story index, as a demo expects them."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Site

from home.models import HomePage, SiteSettings

SITE_NAME = "Vores Ishøj"
HOME_INTRO = (
    "Velkommen til Vores Ishøj – stedet for de gode historier om os, der bor her. "
    "Her møder du naboer, ildsjæle og foreninger, der mødes på kryds og tværs af "
    "alder, kultur og boligområde og sammen skaber det fælles bedste for Ishøj."
)
INDEX_TITLE = "Historier"
INDEX_SLUG = "historier"
INDEX_INTRO = (
    "Fortællinger fra hele Ishøj: fra stranden og Bredekærgård til boligområderne og "
    "bymidten. Vælg et emne, eller læs dem alle – og fortæl os gerne din egen."
)
SETTINGS = {
    "contact_email": "voresishoj@ishoj.dk",
    "facebook_group_url": "https://www.facebook.com/groups/voresishoj",
    "footer_text": "Vores Ishøj fortæller de gode historier om mennesker, der mødes på tværs.",
}


def _host_and_port() -> tuple[str, int]:
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    return base.hostname or "localhost", port


def _update(obj, values: dict) -> bool:
    """Set only the fields that differ; report whether anything did."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return bool(changed)


def load(stdout) -> Site:
    """Point the default site at the home page and give it its index of stories.

    Returns the site so the command can print where to log in.
    """
    # Imported here: stories depends on home, not the other way round; only
    # the demo needs to know both.
    from stories.models import StoryIndexPage

    home = HomePage.objects.get(locale=Locale.get_default())
    hostname, port = _host_and_port()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if (
        _update(
            site,
            {"hostname": hostname, "port": port, "site_name": SITE_NAME, "root_page_id": home.pk},
        )
        or site.pk is None
    ):
        site.save()
        stdout.write(f"Sitet peger nu på {hostname}:{port}.")

    if _update(home, {"intro": HOME_INTRO}):
        home.save_revision().publish()
        stdout.write("Forsidens velkomsttekst er opdateret.")

    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = StoryIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG)
        _update(index, {"intro": INDEX_INTRO, "show_in_menus": True})
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("Siden 'Historier' er oprettet.")
    elif (
        _update(
            index,
            {"title": INDEX_TITLE, "slug": INDEX_SLUG, "intro": INDEX_INTRO, "show_in_menus": True},
        )
        or not index.live
    ):
        index.save_revision().publish()
        stdout.write("Siden 'Historier' er opdateret.")

    site_settings = SiteSettings.for_site(site)
    if _update(site_settings, SETTINGS):
        site_settings.save()
    return site
