from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import admin_access, page_admin, routing, translation_admin
from home import views as home_views
from home.sitemap import LanguageSitemap
from locations.geojson import places_geojson
from stories.community.cookbook_pdf import cookbook_view
from stories.community.follow_views import follow_view
from stories.community.views import submit_story_view
from stories.poster import poster_view

from . import health
from .api import api_router

urlpatterns = [
    # Before Wagtail's own: answers 403 where Wagtail's view fails on PostgreSQL.
    path(
        "admin/settings/<slug:app_name>/<slug:model_name>/",
        admin_access.site_setting_entry,
        name="site_setting_entry",
    ),
    # Before Wagtail's own: the create form without autosave (home.page_admin).
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        require_admin_access(page_admin.CreatePageView.as_view()),
        name="page_create_without_autosave",
    ),
    # Before Wagtail's own: single-page actions a role cannot take answer 403.
    *admin_access.page_action_urls(),
    # Before Wagtail's own: "Oversæt" for the Oversætter role too (home.translation_admin).
    path(
        "admin/translation/submit/page/<int:page_id>/",
        require_admin_access(translation_admin.TranslatePageView.as_view()),
        name="translate_page",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/reach/", include("channels.reach.urls")),
    # The council's read-only link to one evaluation report (no account needed).
    path("raadsrapport/", include("channels.reach.share_urls")),
    path("", include("channels.fediverse.urls")),
    path("api/places.geojson", places_geojson, name="places_geojson"),
    path("feeds/", include("stories.feeds.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": LanguageSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("kogebog.pdf", cookbook_view, name="cookbook_pdf"),
    path("plakat/<int:page_id>.pdf", poster_view, name="event_poster"),
    path("k/<str:code>", home_views.short_link, name="short_link"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
]

# What residents read, in every language: Danish at the URLs it always had,
# the others under their prefix (/ar/historier/...). Wagtail's page view is
# replaced by one that finds the page by its url_path (home.routing) and falls
# back to the Danish original where a page is not translated yet.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("fortael/", submit_story_view, name="submit_story"),
    path("was", home_views.accessibility_statement, name="accessibility_statement"),
    path("privatliv", home_views.privacy, name="privacy"),
    # A resident's private follow page, in the language the link was mailed in:
    # /indsendelse/<token>/ in Danish as always, /ar/indsendelse/<token>/ ...
    path("indsendelse/<str:token>/", follow_view, name="submission_follow"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

# A database outage answers a Danish 503 wherever it is raised (cms/outages.py).
handler500 = "cms.outages.server_error"
