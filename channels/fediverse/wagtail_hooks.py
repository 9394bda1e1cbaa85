"""The secretariat's view of the fediverse: who follows (counted per actor), which
servers are blocked."""

from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .actors import actors, follower_count
from .models import BlockedDomain, Follower


class ActorColumn(Column):
    """The actor followed, as people write it: @detsker@voresishoj.dk."""

    def get_value(self, instance):
        actor = actors().get(instance.actor)
        return actor.address if actor else instance.actor


class FollowerViewSet(SnippetViewSet):
    model = Follower
    icon = "group"
    menu_label = "Følgere"
    list_display = ["account_uri", ActorColumn("actor", label="Følger"), "domain", "followed_at"]
    list_filter = ["actor", "domain"]
    search_fields = ["account_uri", "domain"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class BlockedDomainViewSet(SnippetViewSet):
    model = BlockedDomain
    icon = "warning"
    menu_label = "Blokerede domæner"
    list_display = ["domain", "reason", "blocked_at"]
    panels = [FieldPanel("domain"), FieldPanel("reason")]
    search_fields = ["domain"]


class FediverseGroup(SnippetViewSetGroup):
    items = (FollowerViewSet, BlockedDomainViewSet)
    menu_icon = "globe"
    menu_label = "Fediverset"
    menu_name = "fediverse"
    menu_order = 850


register_snippet(FediverseGroup)


class FollowersPanel(Component):
    """Dashboard: how many follow each actor, so the secretariat sees the reach grow."""

    order = 60

    def render_html(self, parent_context=None):
        rows = format_html_join(
            "",
            "<li><strong>{}</strong>: {} følgere</li>",
            ((actor.address, follower_count(key)) for key, actor in actors().items()),
        )
        return format_html(
            '<section class="w-panel"><h2 class="w-panel__heading">Fediverset '
            "(Mastodon m.fl.)</h2><ul>{}</ul></section>",
            rows,
        )


@hooks.register("construct_homepage_panels")
def add_followers_panel(request, panels):
    if request.user.has_perm("fediverse.view_follower"):
        panels.append(FollowersPanel())
