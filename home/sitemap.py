"""The sitemap with every language's pages and, on each, its alternates
(`<xhtml:link rel="alternate" hreflang=…>`, as search engines read them).

Wagtail's own sitemap lists the site root's descendants, which is the Danish
tree only; the translated trees hang beside it under the tree root.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.languages import default_language, language_codes


class LanguageSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        in_a_tree = Q()
        for tree_root in roots:
            in_a_tree |= Q(path__startswith=tree_root.path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        items = list(self.paginator.page(page).object_list)
        versions: dict = {}
        for version in (
            Page.objects.filter(translation_key__in=[item.translation_key for item in items])
            .live()
            .public()
            .select_related("locale")
        ):
            versions.setdefault(version.translation_key, {})[version.locale.language_code] = version
        order = {code: n for n, code in enumerate(language_codes())}
        for item in items:
            alternates = []
            found = versions.get(item.translation_key, {})
            if len(found) > 1:
                for code in sorted(found, key=lambda c: order.get(c, len(order))):
                    location = found[code].get_full_url(self.request)
                    if location:
                        alternates.append({"lang_code": code, "location": location})
                danish = found.get(default_language())
                if danish is not None and (location := danish.get_full_url(self.request)):
                    alternates.append({"lang_code": "x-default", "location": location})
            for url_info in item.get_sitemap_urls(self.request):
                if alternates:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
