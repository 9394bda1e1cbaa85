"""The "Det sker i Ishøj" import protocol (docs/det-sker-listing-protocol.md)."""

from __future__ import annotations

from .state import StandinState
from .wire import Reply, Request


def handle(state: StandinState, req: Request, parts: list[str]) -> Reply:
    if len(parts) < 2 or parts[0] != "events":
        return Reply(404, {"error": "Ukendt adresse."})
    event_id = parts[1]
    with state.lock:
        if len(parts) == 3 and parts[2] == "stats" and req.method == "GET":
            listing = state.listings.get(event_id)
            if listing is None:
                return Reply(404, {"error": "Begivenheden findes ikke."})
            return Reply(200, {"views": listing["views"]})
        if req.method == "PUT":
            doc = req.body
            problems = []
            if doc.get("id") != event_id:
                problems.append("'id' skal være det samme som i adressen.")
            if not doc.get("title"):
                problems.append("'title' mangler.")
            if not isinstance(doc.get("occurrences"), list):
                problems.append("'occurrences' skal være en liste.")
            if problems:
                return Reply(422, {"error": " ".join(problems)})
            created = event_id not in state.listings
            previous = state.listings.get(event_id, {})
            state.listings[event_id] = {
                "doc": doc,
                "views": previous.get("views", 0),
                "puts": previous.get("puts", 0) + 1,
            }
            return Reply(
                201 if created else 200,
                {"id": event_id, "url": f"https://detsker.ishoj.dk/e/{event_id}"},
            )
        if req.method == "GET":
            listing = state.listings.get(event_id)
            if listing is None:
                return Reply(404, {"error": "Begivenheden findes ikke."})
            listing["views"] += 1
            return Reply(200, listing["doc"])
        if req.method == "DELETE":
            if state.listings.pop(event_id, None) is None:
                return Reply(404, {"error": "Begivenheden findes ikke."})
            return Reply(204)
    return Reply(405, {"error": "Metoden understøttes ikke."})
