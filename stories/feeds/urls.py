"""URLs under /feeds/: public, read-only, CORS-enabled and cacheable."""

from django.urls import path

from stories.feeds.ics import begivenheder_ics, event_ics
from stories.feeds.json_feed import det_sker_json
from stories.feeds.rss import historier_rss
from stories.feeds.widget import det_sker_widget

app_name = "feeds"

urlpatterns = [
    path("det-sker.json", det_sker_json, name="det_sker_json"),
    path("begivenheder.ics", begivenheder_ics, name="begivenheder_ics"),
    path("begivenheder/<int:event_id>.ics", event_ics, name="event_ics"),
    path("historier.rss", historier_rss, name="historier_rss"),
    path("det-sker/widget/", det_sker_widget, name="det_sker_widget"),
]
