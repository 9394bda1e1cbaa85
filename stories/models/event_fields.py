"""A model field for "pick several of these" without a join table.

Weekdays and audiences are fixed, short lists. Storing them as ",unge,voksne,"
keeps them on the event row (no extra query when thousands of occurrences are
listed) and still lets the database filter with a plain `contains`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.CharField):
    """A list of choice values stored as a comma-delimited string."""

    def __init__(self, *args, choices=(), **kwargs):
        self.list_choices = list(choices)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.list_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def _coerce(self, item):
        # Choice values may be ints (weekdays) or strings (audiences).
        sample = self.list_choices[0][0] if self.list_choices else ""
        return int(item) if isinstance(sample, int) else str(item)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return [self._coerce(v) for v in value]
        return [self._coerce(v) for v in str(value).split(",") if v != ""]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        items = self.to_python(value)
        if not items:
            return ""
        # Leading and trailing commas let `contains=",unge,"` match whole items.
        return "," + ",".join(str(v) for v in items) + ","

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {c[0] for c in self.list_choices}
        bad = [v for v in value if v not in allowed]
        if bad:
            raise ValidationError(f"Ugyldigt valg: {', '.join(map(str, bad))}.")
        if not self.blank and not value:
            raise ValidationError("Vælg mindst én.")

    def formfield(self, **kwargs):
        sample = self.list_choices[0][0] if self.list_choices else ""
        return forms.TypedMultipleChoiceField(
            choices=self.list_choices,
            coerce=int if isinstance(sample, int) else str,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def contains_lookup(self, value) -> str:
        """The string a `contains` lookup needs to match one item exactly."""
        return f",{value},"
