"""Wagtail's publish signals start the channel layer.

They fire for admin, scheduled and API publishes alike. Intent is recorded
inside the publishing transaction; tasks are enqueued only after it commits,
so a worker never sees a post for a page that was rolled back.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .planning import plan_page, plan_withdrawal
from .rendering import shares_content
from .tasks import enqueue


@receiver(page_published)
def plan_channels_on_publish(sender, instance, **kwargs) -> None:
    if not shares_content(instance):
        return
    jobs = plan_page(instance)
    if jobs:
        transaction.on_commit(lambda: enqueue(jobs))


@receiver(page_unpublished)
def withdraw_channels_on_unpublish(sender, instance, **kwargs) -> None:
    if not shares_content(instance):
        return
    jobs = plan_withdrawal(instance)
    if jobs:
        transaction.on_commit(lambda: enqueue(jobs))
