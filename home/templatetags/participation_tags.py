"""The private follow link on every kind's thank-you page, from one tag."""

from django import template
from django.utils.translation import gettext

from home import participation

register = template.Library()


@register.inclusion_tag("participation/_follow_link.html", takes_context=True)
def follow_link(context):
    """The link of the submission just sent (?folg=<token> on the thank-you
    page), or nothing: a made-up token shows no link."""
    request = context.get("request")
    token = request.GET.get(participation.FOLLOW_PARAM, "") if request else ""
    contribution = participation.find(token)
    if contribution is None:
        return {"contribution": None}
    return {
        "contribution": contribution,
        "url": participation.follow_url(contribution.token, request),
        # In the reader's language on /ar/...; mails and the status page keep Danish.
        "noun": gettext(participation.NOUN[contribution.kind]),
    }
