"""The "Oversæt" action for the role Oversætter.

Wagtail's action (wagtail.contrib.simple_translation) lets only those who may
edit the Danish page translate it; a volunteer translator may not edit Danish
pages, yet must start translations from them. Same view, same form, with that
one rule widened for the Oversætter role; everything else (which locales,
parents translated first, the copy itself) is Wagtail's.
"""

from django.shortcuts import get_object_or_404
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page

from home.languages import default_language, page_language
from home.roles import OVERSAETTER, user_has_role


class TranslatePageView(SubmitPageTranslationView):
    def get_object(self):
        page = get_object_or_404(Page, id=self.kwargs["page_id"]).specific
        user = self.request.user
        if page_language(page) == default_language() and user_has_role(user, OVERSAETTER):
            return page
        return super().get_object()
