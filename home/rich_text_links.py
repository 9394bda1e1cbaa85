"""Links to pages inside rich text, in the reader's language.

Wagtail's own handler links to `page.localized`: the translation in the active
language, else the Danish page at its Danish address, which drops an Arabic
reader out of Arabic. Here an untranslated target is the Danish page inside the
reader's chrome (home.languages.reader_url), marked `hreflang="da"` as every
other link to a Danish page on a translated page is.
"""

from __future__ import annotations

from django.utils.html import format_html
from wagtail.rich_text.pages import PageLinkHandler

from home.languages import active_language, in_reader_language, page_language, reader_url


class ReaderPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        language = active_language()
        targets = cls.get_many(attrs_list)
        found = in_reader_language([page for page in targets if page is not None], language)
        shown = iter(found)
        tags = []
        for page in targets:
            if page is None:
                tags.append("<a>")
                continue
            page = next(shown)
            code = page_language(page)
            if code == language:
                tags.append(format_html('<a href="{}">', reader_url(page, language)))
            else:
                tags.append(
                    format_html('<a href="{}" hreflang="{}">', reader_url(page, language), code)
                )
        return tags
