"""Send a resident's message to a group's contact person without showing her address.

The address lives only on the GroupPage (for the secretariat) and in the mail's
To header; the page, the form and the thank-you page never contain it. Nothing
is stored: the mail is the message. A group without a contact e-mail sends to
the secretariat, which passes the message on.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage

from home.mail import one_line, text_body
from home.models import SiteSettings
from stories.models import GroupPage

logger = logging.getLogger("voresishoj.community")


def recipient_for(group: GroupPage, request=None) -> tuple[str, bool]:
    """(address, is_the_contact_person); the secretariat when the group has none."""
    if group.contact_email:
        return group.contact_email, True
    return SiteSettings.for_request(request).contact_email if request else "", False


def send_group_message(group: GroupPage, data: dict, request=None) -> bool:
    """Mail the message; False (and logged) when the mail server would not take it."""
    recipient, to_contact = recipient_for(group, request)
    if not recipient:
        return False
    context = {
        "group": group,
        "name": data["name"],
        "email": data["email"],
        "message": data["message"],
        "to_contact": to_contact,
        "contact_name": group.contact_name,
        "group_url": group.get_full_url(request),
    }
    mail = EmailMessage(
        subject=one_line(f"Besked til {group.title} via Vores Ishøj"),
        body=text_body("community/emails/group_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        reply_to=[data["email"]],
    )
    try:
        mail.send(fail_silently=False)
    except Exception:  # SMTP down, refused, timed out: the resident must not get a 500
        logger.exception("Beskeden til gruppen %s kunne ikke sendes", group.pk)
        return False
    return True
