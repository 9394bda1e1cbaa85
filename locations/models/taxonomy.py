"""Categories and facilities of places: snippets, so editors can add new ones."""

from home.taxonomy import Term


class PlaceCategory(Term):
    """What kind of place it is (legeplads, spisested …); one per place."""

    class Meta(Term.Meta):
        verbose_name = "Stedkategori"
        verbose_name_plural = "Stedkategorier"


class Facility(Term):
    """Something a place offers (toilet, bålplads …); a place has any number."""

    class Meta(Term.Meta):
        verbose_name = "Facilitet"
        verbose_name_plural = "Faciliteter"
