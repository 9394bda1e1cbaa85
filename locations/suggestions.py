"""Place suggestions on the residents' one path (home/participation.py).

A new place is answered like any draft page: publishing it is the answer. A
correction is answered when an editor marks it handled (the place is its page);
any answer given on the follow path marks the suggestion handled in turn.
"""

from __future__ import annotations

from django.db.models.signals import post_save

from home import participation
from home.participation_models import Contribution, ContributionStatus
from locations.models import PlaceSuggestion, SuggestionKind


def on_suggestion_saved(sender, instance: PlaceSuggestion, created=False, **kwargs):
    if created or not instance.is_handled or instance.kind != SuggestionKind.CORRECTION:
        return
    for contribution in Contribution.objects.for_record(instance).filter(
        status__in=(ContributionStatus.RECEIVED, ContributionStatus.IN_REVIEW)
    ):
        participation.publish(contribution)


def on_contribution_changed(sender, contribution: Contribution, **kwargs):
    record = contribution.record
    if isinstance(record, PlaceSuggestion) and not record.is_handled:
        PlaceSuggestion.objects.filter(pk=record.pk).update(is_handled=True)


def connect() -> None:
    post_save.connect(on_suggestion_saved, sender=PlaceSuggestion, dispatch_uid="place-handled")
    participation.contribution_changed.connect(
        on_contribution_changed, dispatch_uid="locations-contribution-changed"
    )
