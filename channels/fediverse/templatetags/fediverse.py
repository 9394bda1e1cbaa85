"""`{% follow_us "events" %}`: the actor's handle, for residents to paste into Mastodon."""

from django import template

from channels.fediverse.actors import actors

register = template.Library()


@register.inclusion_tag("fediverse/follow_us.html")
def follow_us(actor_key: str = "events", label: str = "") -> dict:
    actor = actors().get(actor_key)
    return {"actor": actor, "address": actor.address if actor else "", "label": label}
