"""`manage.py import_places FILE.geojson`: places from a GeoJSON file onto the map."""

import json

from django.core.management.base import BaseCommand, CommandError

from locations.importing import GeoJSONFileError, import_collection
from locations.models import MapPage


class Command(BaseCommand):
    help = (
        "Importerer steder fra en GeoJSON-fil (fx kommunens åbne data om legepladser). "
        "Kendte steder opdateres (efter id eller navn), nye oprettes og offentliggøres. "
        "Ukendte kategorier og faciliteter oprettes. Se docs/places-geojson.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Stien til GeoJSON-filen.")
        parser.add_argument(
            "--parent-slug", default="kort", help="Slug for kortsiden, stederne lægges under."
        )

    def handle(self, *args, file, parent_slug, **options):
        map_page = MapPage.objects.filter(slug=parent_slug).first()
        if map_page is None:
            raise CommandError(f"Der findes ingen kortside med slug '{parent_slug}'.")
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise CommandError(f"Filen '{file}' findes ikke.") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"Filen '{file}' er ikke gyldig JSON: {error}") from None
        try:
            result = import_collection(map_page, data)
        except GeoJSONFileError as error:
            raise CommandError(str(error)) from None

        for index, reason in result.skipped:
            self.stdout.write(self.style.WARNING(f"Sprunget over: features[{index}]: {reason}."))
        if result.new_categories:
            self.stdout.write("Nye kategorier: " + ", ".join(result.new_categories))
        if result.new_facilities:
            self.stdout.write("Nye faciliteter: " + ", ".join(result.new_facilities))
        self.stdout.write(
            self.style.SUCCESS(
                f"Import færdig: {len(result.created)} oprettet, {len(result.updated)} opdateret, "
                f"{len(result.unchanged)} uændret, {len(result.skipped)} sprunget over."
            )
        )
