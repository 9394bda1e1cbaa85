"""The views that answer a page's own routes, supplied from above the models.

Inside `stories` the imports run one way: the models at the bottom, the
services that query them (`stories.occurrences`, `stories.community.signups`,
...) above them, and the views on top (README, "How the layers run"). A
routable page's route is answered by a view, and that view imports the
models, so the page cannot import it back. The route names its view here
instead, and `StoriesConfig.ready()` supplies every name once, when all
modules are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

PageView = Callable[..., HttpResponse]
"""Answers one route: (request, page, *the route's arguments) -> response."""

_views: dict[str, PageView] = {}


def provide(**views: PageView) -> None:
    """Supply the views by the names the pages' routes use (StoriesConfig.ready)."""
    _views.update(views)


def serve(name: str, request: HttpRequest, page: Any, *args: Any) -> HttpResponse:
    """Answer `page`'s route with the view supplied for `name`."""
    try:
        view = _views[name]
    except KeyError:
        raise LookupError(f"No view supplied for the page route {name!r}") from None
    return view(request, page, *args)
