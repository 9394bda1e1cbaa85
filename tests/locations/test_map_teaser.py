"""The front page's map teaser is a real map picture of the places, drawn from
the tile server the community map uses (here a local one) when places change."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from locations import hub, static_map
from tests.factories import default_site, home_page
from tests.locations.helpers import make_place

pytestmark = pytest.mark.django_db

SEA = (170, 211, 223)


class _Tiles(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).requests.append(self.path)
        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), SEA).save(buffer, "PNG")
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(buffer.getvalue())

    def log_message(self, *args):
        pass


@pytest.fixture
def tile_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Tiles.requests = []
    settings.MAP_TILE_URL = f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png"
    yield _Tiles
    server.shutdown()


def test_publishing_a_place_draws_the_front_page_map_with_a_pin_for_each(
    client, tile_server, django_capture_on_commit_callbacks
):
    home_page()
    with django_capture_on_commit_callbacks(execute=True):
        make_place("Ishøj Strand", point=(55.5990, 12.3700))
        make_place("Ishøj Bibliotek", point=(55.6155, 12.3530))
    assert tile_server.requests  # the tiles came from the configured server

    html = client.get("/").content.decode()
    assert 'alt="Kort over Ishøj med 2 steder markeret"' in html
    (name,) = [n for n in default_storage.listdir("kort")[1] if n.startswith("forside-")]
    picture = Image.open(default_storage.open(f"kort/{name}")).convert("RGB")
    assert picture.size == (640, 400)
    view = static_map.fit(hub.ISHOJ_BBOX, 640, 400)
    x, y = view.pixel(55.5990, 12.3700)
    assert picture.getpixel((round(x), round(y))) == static_map.PIN_COLOUR
    assert picture.getpixel((5, 5)) == SEA  # the tile around the pins


def test_the_same_places_are_not_drawn_twice(tile_server):
    home_page()
    make_place("Ishøj Strand", point=(55.5990, 12.3700))
    first = hub.render_picture(default_site())
    fetched = len(tile_server.requests)
    assert hub.render_picture(default_site()) == first
    assert len(tile_server.requests) == fetched


def test_without_tiles_the_teaser_keeps_its_sketch_and_nothing_breaks(client, settings):
    settings.MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # nothing listens there
    home_page()
    make_place("Ishøj Strand", point=(55.5990, 12.3700))
    assert hub.render_picture(default_site()) is None
    html = client.get("/").content.decode()
    assert "hub-map__sketch" in html and "hub-map__picture" not in html


def test_offline_the_teaser_is_a_sketch_of_the_places_that_reads_as_a_map(client):
    """`make run` without a tile server: no blank box, but the places as dots
    with their names, a kilometre grid, north and a scale bar."""
    home_page()
    make_place("Ishøj Strand", point=(55.5990, 12.3700))
    make_place("Ishøj Bibliotek", point=(55.6155, 12.3530))
    make_place("Tranegilde Strand", point=(55.6350, 12.3850))
    make_place("Ishøj Landsby", point=(55.6400, 12.2700))
    make_place("Strandparken", point=(55.5995, 12.3690))  # beside Ishøj Strand

    html = client.get("/").content.decode()
    assert "{#" not in html and "#}" not in html
    sketch = html[html.index('class="hub-map__sketch"') : html.index("</svg>")]
    assert sketch.count('class="hub-map__dot"') == 5
    assert 'text-anchor="start">Ishøj Landsby</text>' in sketch
    # Near the east edge a name is written to the left of its dot, inside the picture;
    # a name that would cover another is left out (its dot stays).
    assert 'text-anchor="end">Ishøj Strand</text>' in sketch
    assert 'text-anchor="end">Ishøj Bibliotek</text>' in sketch
    assert 'text-anchor="end">Tranegilde Strand</text>' in sketch
    assert ">Strandparken</text>" not in sketch
    assert ">2 km</text>" in sketch and ">N</text>" in sketch and "Skitse af stederne" in sketch
    length, label = hub.sketch_scale()
    assert label == "2 km" and 60 <= length <= 70  # Ishøj's box is about 10 km across
    assert sketch.count('<line x1="') >= 10  # the kilometre grid and the scale bar
