"""`{% page_fragment page "name" %}…{% endpage_fragment %}`: a part of a page
rendered once per published version.

A story's header, hero, body and topics are most of the time spent on a
story page and change only when an editor publishes it; its "Flere historier"
changes only when some story is published. The key holds the page's id, its
live revision and publication time, and the chrome's generation
(home.page_chrome), which every publish, unpublish, move or deletion anywhere
changes, so internal links and images in the body are never stale for longer
than the request that publishes. Previews are always rendered afresh: they show
a draft under the live page's id. The reader's language is in the key too:
a Danish story shown under /ar/ (not translated yet) has Arabic headings and
links around the same Danish body.
"""

from django import template
from django.core.cache import cache

from home.languages import active_language
from home.page_chrome import fragment_generation

register = template.Library()

# Bounds how long a process that missed a change (a local cache in another
# process) can show an old fragment.
FRAGMENT_TIMEOUT = 300


def fragment_key(name: str, page) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else "-"
    return (
        f"page-fragment:{name}:{page.pk}:{active_language()}:{page.live_revision_id}:"
        f"{published}:{fragment_generation()}"
    )


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, page, name):
        self.nodelist = nodelist
        self.page = page
        self.name = name

    def render(self, context):
        page = self.page.resolve(context)
        request = context.get("request")
        if page is None or page.pk is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        key = fragment_key(self.name.resolve(context), page)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, FRAGMENT_TIMEOUT)
        return html


@register.tag
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} tager en side og et navn.")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    )
