import json

import pytest
from django.core.management import CommandError, call_command

from locations.models import Facility, PlaceCategory, PlacePage
from tests.locations.helpers import category, make_place, map_page

pytestmark = pytest.mark.django_db


def feature(name, lng=12.35, lat=55.615, fid=None, **props):
    data = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lng, lat]},
        "properties": {"name": name, "category": "Legeplads", **props},
    }
    if fid is not None:
        data["id"] = fid
    return data


def run(tmp_path, features, name="steder.geojson"):
    path = tmp_path / name
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    out = []

    class Out:
        def write(self, text, *args, **kwargs):
            out.append(text)

        def flush(self):
            pass

    call_command("import_places", str(path), stdout=Out())
    return "\n".join(out)


def test_valid_file_creates_published_places(tmp_path, client):
    map_page()
    category("Legeplads")
    output = run(
        tmp_path,
        [
            feature(
                "Legepladsen ved Vejlebroskolen",
                12.3405,
                55.6222,
                fid="lp-1",
                facilities=["Bænke", "Lys"],
                address="Vejlebrovej, 2635 Ishøj",
            ),
            feature("Naturlegepladsen", 12.3412, 55.6186, fid="lp-2", category="legeplads"),
        ],
    )
    assert "Import færdig: 2 oprettet, 0 opdateret, 0 uændret, 0 sprunget over." in output
    place = PlacePage.objects.get(external_id="lp-1")
    assert place.live
    assert (place.latitude, place.longitude) == (55.6222, 12.3405)
    assert place.category.name == "Legeplads"
    assert sorted(f.name for f in place.facilities.all()) == ["Bænke", "Lys"]
    assert PlaceCategory.objects.count() == 1
    html = client.get("/kort/").content.decode()
    assert "Legepladsen ved Vejlebroskolen" in html and "Naturlegepladsen" in html


def test_unknown_categories_and_facilities_are_created_and_reported(tmp_path):
    map_page()
    output = run(tmp_path, [feature("Udsigtspunktet", category="Udsigt", facilities=["Kikkert"])])
    assert "Nye kategorier: Udsigt" in output
    assert "Nye faciliteter: Kikkert" in output
    assert PlaceCategory.objects.get(name="Udsigt").slug == "udsigt"
    assert Facility.objects.filter(name="Kikkert").exists()


def test_invalid_features_are_skipped_with_index_and_reason(tmp_path):
    map_page()
    output = run(
        tmp_path,
        [
            feature("God legeplads"),
            feature(""),
            feature("Stockholm", lng=18.07, lat=59.33),
            feature("Byttet om", lng=55.615, lat=12.35),
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[12.3, 55.6]]},
                "properties": {"name": "En sti", "category": "Natur"},
            },
            feature("Uden kategori", category=""),
            feature("Dårligt link", website="ikke et link"),
            "ikke et objekt",
        ],
    )
    assert "features[1]: navn mangler (properties.name)." in output
    assert "features[2]: punktet (59.33000, 18.07000) ligger uden for Ishøj" in output
    assert "features[3]: punktet" in output and "længdegrad før breddegrad" in output
    assert "features[4]: geometrien skal være et punkt (Point), ikke 'LineString'." in output
    assert "features[5]: kategori mangler" in output
    assert "features[6]: linket 'ikke et link' er ikke en gyldig webadresse" in output
    assert "features[7]: det er ikke et GeoJSON 'Feature'-objekt" in output
    assert "1 oprettet, 0 opdateret, 0 uændret, 7 sprunget over." in output
    assert list(PlacePage.objects.values_list("title", flat=True)) == ["God legeplads"]


def test_importing_the_same_file_again_updates_instead_of_duplicating(tmp_path):
    map_page()
    features = [feature("Legepladsen i Strandparken", fid=17), feature("Hundegården", fid=18)]
    run(tmp_path, features)
    output = run(tmp_path, features)
    assert "0 oprettet, 0 opdateret, 2 uændret" in output
    features[0]["properties"]["name"] = "Legepladsen i Strandparken (ny)"
    features[0]["geometry"]["coordinates"] = [12.3598, 55.6118]
    output = run(tmp_path, features)
    assert "0 oprettet, 1 opdateret, 1 uændret" in output
    assert PlacePage.objects.count() == 2
    place = PlacePage.objects.get(external_id="17")
    assert place.title == "Legepladsen i Strandparken (ny)"
    assert (place.latitude, place.longitude) == (55.6118, 12.3598)


def test_places_without_id_are_matched_by_name(tmp_path):
    existing = make_place("Ishøj Havn", cat="Natur og strand", point=(55.60, 12.36))
    output = run(tmp_path, [feature("ishøj havn", 12.3667, 55.6076, category="Natur og strand")])
    assert "0 oprettet, 1 opdateret" in output
    existing.refresh_from_db()
    assert (existing.latitude, existing.longitude) == (55.6076, 12.3667)
    assert PlacePage.objects.count() == 1


def test_duplicate_ids_in_one_file_are_skipped(tmp_path):
    map_page()
    output = run(tmp_path, [feature("A", fid="x"), feature("B", fid="x")])
    assert "features[1]: id 'x' står flere gange i filen." in output
    assert PlacePage.objects.count() == 1


def test_an_unreadable_file_stops_with_a_danish_error(tmp_path):
    map_page()
    path = tmp_path / "forkert.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(CommandError, match="ikke en GeoJSON FeatureCollection"):
        call_command("import_places", str(path))
    path.write_text("{ikke json", encoding="utf-8")
    with pytest.raises(CommandError, match="ikke gyldig JSON"):
        call_command("import_places", str(path))
    with pytest.raises(CommandError, match="ingen kortside med slug 'andet'"):
        call_command("import_places", str(path), "--parent-slug", "andet")


def test_exported_geojson_imports_back_without_changes(tmp_path, client):
    make_place("Arken", cat="Museum", facilities=["Toilet"], point=(55.6017, 12.3616))
    exported = client.get("/api/places.geojson").json()
    path = tmp_path / "eksport.geojson"
    path.write_text(json.dumps(exported), encoding="utf-8")
    call_command("import_places", str(path))
    assert PlacePage.objects.count() == 1
