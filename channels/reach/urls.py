from django.urls import path

from . import api

app_name = "reach"

urlpatterns = [
    path("hit", api.hit, name="hit"),
    path("stories/", api.StoriesReachView.as_view(), name="stories"),
]
