import pytest

from tests.locations.helpers import make_place, map_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    return [
        make_place(
            "Arken", cat="Museum", facilities=["Toilet", "Parkering"], point=(55.6017, 12.3616)
        ),
        make_place(
            "Legepladsen i Strandparken",
            cat="Legeplads",
            facilities=["Bænke"],
            point=(55.6118, 12.3598),
        ),
        make_place(
            "Naturlegepladsen", cat="Legeplads", facilities=["Toilet"], point=(55.6186, 12.3412)
        ),
    ]


def test_geojson_is_a_feature_collection_with_longitude_first(client, places):
    response = client.get("/api/places.geojson")
    assert response["Content-Type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection"
    arken = next(f for f in data["features"] if f["properties"]["name"] == "Arken")
    assert arken["type"] == "Feature"
    assert arken["geometry"] == {"type": "Point", "coordinates": [12.3616, 55.6017]}
    assert arken["properties"]["category"] == "museum"
    assert arken["properties"]["category_name"] == "Museum"
    assert arken["properties"]["facilities"] == ["parkering", "toilet"]
    assert arken["properties"]["url"] == places[0].full_url


def test_geojson_filters_by_category_and_facility(client, places):
    names = lambda r: [f["properties"]["name"] for f in r.json()["features"]]  # noqa: E731
    assert names(client.get("/api/places.geojson", {"category": "legeplads"})) == [
        "Legepladsen i Strandparken",
        "Naturlegepladsen",
    ]
    assert names(client.get("/api/places.geojson", {"facility": "toilet"})) == [
        "Arken",
        "Naturlegepladsen",
    ]
    assert names(
        client.get("/api/places.geojson", {"category": "legeplads", "facility": "toilet"})
    ) == ["Naturlegepladsen"]


def test_unknown_filter_value_is_a_danish_400(client, places):
    response = client.get("/api/places.geojson", {"category": "slot"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "Ukendt kategori: 'slot'. Brug en kategoris korte navn, fx 'legeplads'.",
        "parameter": "category",
    }
    response = client.get("/api/places.geojson", {"facility": "sauna"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "facility"
    assert "Ukendt facilitet: 'sauna'" in response.json()["error"]


def test_drafts_are_not_in_the_geojson(client, places):
    make_place("Ikke godkendt", publish=False)
    names = [f["properties"]["name"] for f in client.get("/api/places.geojson").json()["features"]]
    assert "Ikke godkendt" not in names
    assert len(names) == 3


def test_empty_map_gives_an_empty_collection(client):
    map_page()
    assert client.get("/api/places.geojson").json() == {
        "type": "FeatureCollection",
        "features": [],
    }
