from .map import MapPage
from .place import PlaceGalleryImage, PlacePage
from .suggestion import PlaceSuggestion, SuggestionKind
from .taxonomy import Facility, PlaceCategory

__all__ = [
    "Facility",
    "MapPage",
    "PlaceCategory",
    "PlaceGalleryImage",
    "PlacePage",
    "PlaceSuggestion",
    "SuggestionKind",
]
