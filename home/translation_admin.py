"""The "Oversæt" action for the role Oversætter.

Wagtail's action (wagtail.contrib.simple_translation) lets only those who may
edit the Danish page translate it; a volunteer translator may not edit Danish
pages, yet must start translations from them. Same view, same form, with that
one rule widened for the Oversætter role; everything else (which locales,
parents translated first, the copy itself) is Wagtail's.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language_info
from wagtail.admin.ui.components import Component
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page

from home.languages import default_language, language_codes, page_language
from home.roles import OVERSAETTER, user_has_role


class TranslatePageView(SubmitPageTranslationView):
    def get_object(self):
        page = get_object_or_404(Page, id=self.kwargs["page_id"]).specific
        user = self.request.user
        if page_language(page) == default_language() and user_has_role(user, OVERSAETTER):
            return page
        return super().get_object()


# What a translator translates: the pages residents read one by one.
TRANSLATABLE = (
    ("stories", "storypage"),
    ("stories", "eventpage"),
    ("stories", "grouppage"),
    ("locations", "placepage"),
)
SHOWN = 15


class ToTranslatePanel(Component):
    """The dashboard's "Til oversættelse": the newest Danish stories, events,
    groups and places with the languages each still lacks, each with "Oversæt".
    A translator cannot open Danish pages in the page tree, so this is where
    she finds them."""

    name = "til_oversaettelse"
    order = 60
    template_name = "wagtailadmin/home/to_translate.html"

    def get_context_data(self, parent_context=None):
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import Q

        types = Q()
        for app_label, model in TRANSLATABLE:
            types |= Q(app_label=app_label, model=model)
        pages = list(
            Page.objects.filter(
                content_type__in=ContentType.objects.filter(types),
                locale__language_code=default_language(),
            )
            .live()
            .order_by("-first_published_at")[:SHOWN]
        )
        have: dict = {}
        for key, code in Page.objects.filter(
            translation_key__in=[p.translation_key for p in pages]
        ).values_list("translation_key", "locale__language_code"):
            have.setdefault(key, set()).add(code)
        rows = []
        for page in pages:
            missing = [
                str(get_language_info(code)["name_translated"])
                for code in language_codes()
                if code not in have.get(page.translation_key, set())
            ]
            if missing:
                rows.append(
                    {
                        "page": page,
                        "missing": missing,
                        "url": reverse("translate_page", args=[page.pk]),
                    }
                )
        return {"rows": rows}


def add_to_translate_panel(request, panels):
    if request.user.has_perm("simple_translation.submit_translation"):
        panels.append(ToTranslatePanel())
