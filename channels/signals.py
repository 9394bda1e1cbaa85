"""Wagtail's publish signals, and a page's deletion, start the channel layer.

They fire for admin, scheduled and API publishes alike. Intent is recorded
inside the publishing transaction; tasks are enqueued only after it commits,
so a worker never sees a post for a page that was rolled back.

A deleted page (alone or with its subtree: Django sends `pre_delete` for every
page in it) has its live posts withdrawn on every channel. The publications
stay (their page becomes NULL) with the page's title and address, so the
withdrawal still runs after the page is gone and the reach already gathered
stays in the reports. Planning a withdrawal twice plans it once, so the
unpublish Wagtail does before a delete and the delete itself send one DELETE.
"""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished

from home.sharing import absolute

from .models import Publication, forget_copied_choices
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
    if not shares_content(instance) or getattr(instance, DELETING, False):
        return  # a page being deleted is taken down by withdraw_channels_on_delete
    jobs = plan_withdrawal(instance)
    if jobs:
        transaction.on_commit(lambda: enqueue(jobs))


DELETING = "_channels_deleting"
"""Marks a page object whose deletion planned the withdrawal: Wagtail unpublishes
the same object right after (its own pre_delete), and that is not a second plan."""


@receiver(pre_delete, dispatch_uid="channels-withdraw-on-delete")
def withdraw_channels_on_delete(sender, instance, **kwargs) -> None:
    if not isinstance(instance, Page):
        return
    setattr(instance, DELETING, True)
    posts = Publication.objects.filter(page_id=instance.pk)
    if not posts.exists():
        return
    url = absolute(instance.get_full_url() or "")
    posts.update(page_title=instance.title[:255], **({"page_url": url[:500]} if url else {}))
    jobs = plan_withdrawal(instance, deleted=True)
    if jobs:
        transaction.on_commit(lambda: enqueue(jobs))


@receiver(copy_for_translation_done, dispatch_uid="channels-translation-own-choices")
def translation_starts_without_channels(sender, source_obj, target_obj, **kwargs) -> None:
    """A page made by "Oversæt" gets no channel choices from its original: it
    posts nowhere until an editor chooses channels for it (models.enabled_by_default)."""
    if isinstance(target_obj, Page):
        forget_copied_choices(target_obj)
