from django.urls import path

from . import views

app_name = "fediverse"

urlpatterns = [
    path("fediverse/inbox", views.shared_inbox, name="shared_inbox"),
    path("fediverse/objects/<int:page_id>", views.object_view, name="object"),
    path("fediverse/activities/<uuid:uuid>", views.activity_view, name="activity"),
    path("fediverse/<slug:key>", views.actor_view, name="actor"),
    path("fediverse/<slug:key>/inbox", views.inbox, name="inbox"),
    path("fediverse/<slug:key>/outbox", views.outbox, name="outbox"),
    path("fediverse/<slug:key>/followers", views.followers, name="followers"),
    path(".well-known/webfinger", views.webfinger, name="webfinger"),
    path(".well-known/nodeinfo", views.nodeinfo_links, name="nodeinfo_links"),
    path("nodeinfo/2.1", views.nodeinfo, name="nodeinfo"),
]
