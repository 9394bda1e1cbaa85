"""Numbers the Danish way in the reach reports: 11.000, 12,5 %, +8 %."""

from django import template

from ..channel_figures import metric_info
from ..periods import danish_date

register = template.Library()


def danish_number(value: int | float | None) -> str:
    if value is None:
        return "–"
    return f"{int(value):,}".replace(",", ".")


@register.filter
def tal(value):
    return danish_number(value)


@register.filter
def procent(share):
    """A share 0..1 as a percentage with one decimal and a decimal comma."""
    if share is None:
        return "–"
    return f"{100 * share:.1f} %".replace(".", ",")


@register.filter
def vaekst(change):
    """Growth against the previous period; '–' when there is nothing to compare."""
    if change is None:
        return "–"
    return f"{100 * change:+.0f} %".replace("-", "−")


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def dansk_dato(day):
    """'6. juli 2026': the form Danish readers expect in a report."""
    return danish_date(day) if day else "–"


@register.filter
def metric_label(channel_slug, name):
    """The registry's Danish name of a channel's metric (channel|metric_label:name)."""
    return metric_info(channel_slug, name)
