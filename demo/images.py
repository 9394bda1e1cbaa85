"""Illustrations for the demo content, drawn with Pillow.

Drawn rather than downloaded, so the demo loads offline and carries no
photographer's rights; every scene is simple shapes over a sky gradient, and
a seed taken from the image's title varies the details so two images of the
same scene still differ.
"""

import io
import math
import random
from collections.abc import Callable

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageOps
from wagtail.images import get_image_model

SIZE = (1600, 1000)
WIDTH, HEIGHT = SIZE
JPEG_QUALITY = 80

Colour = tuple[int, int, int]
Scene = Callable[[Image.Image, ImageDraw.ImageDraw, random.Random], None]


def _sky(image: Image.Image, top: Colour, bottom: Colour, horizon: int) -> None:
    gradient = Image.linear_gradient("L").resize((WIDTH, horizon))
    image.paste(ImageOps.colorize(gradient, top, bottom), (0, 0))


def _sun(draw: ImageDraw.ImageDraw, x: int, y: int, r: int, colour: Colour, rays=False) -> None:
    if rays:
        for i in range(12):
            a = i * math.pi / 6
            draw.line(
                (
                    x + math.cos(a) * r * 1.3,
                    y + math.sin(a) * r * 1.3,
                    x + math.cos(a) * r * 1.8,
                    y + math.sin(a) * r * 1.8,
                ),
                fill=colour,
                width=14,
            )
    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def _person(draw: ImageDraw.ImageDraw, x: int, y: int, h: int, colour: Colour) -> None:
    """A friendly figure standing with its feet at (x, y)."""
    head = h // 5
    draw.ellipse((x - head // 2, y - h, x + head // 2, y - h + head), fill=(236, 196, 160))
    draw.rounded_rectangle((x - h // 6, y - h + head + 6, x + h // 6, y - h // 3), 18, fill=colour)
    draw.rectangle((x - h // 8, y - h // 3, x - 4, y), fill=(60, 60, 80))
    draw.rectangle((x + 4, y - h // 3, x + h // 8, y), fill=(60, 60, 80))


def _tree(draw: ImageDraw.ImageDraw, x: int, y: int, size: int, leaf: Colour) -> None:
    draw.rectangle((x - size // 10, y - size, x + size // 10, y), fill=(110, 80, 50))
    draw.ellipse((x - size // 2, y - size * 2, x + size // 2, y - size * 0.8), fill=leaf)


def _house(draw, x: int, y: int, w: int, h: int, wall: Colour, roof: Colour) -> None:
    draw.rectangle((x, y - h, x + w, y), fill=wall)
    draw.polygon([(x - 20, y - h), (x + w // 2, y - h - h * 0.6), (x + w + 20, y - h)], fill=roof)
    draw.rectangle((x + w * 0.4, y - h * 0.45, x + w * 0.6, y), fill=(90, 60, 40))
    for wx in (x + w * 0.12, x + w * 0.7):
        draw.rectangle((wx, y - h * 0.8, wx + w * 0.18, y - h * 0.5), fill=(250, 240, 200))


def _blocks(draw, rnd: random.Random, ground: int, colour: Colour) -> None:
    """Apartment blocks on the horizon: the Ishøj most people picture."""
    x = 0
    while x < WIDTH:
        w, h = rnd.randint(180, 320), rnd.randint(200, 420)
        draw.rectangle((x, ground - h, x + w, ground), fill=colour)
        for wy in range(ground - h + 30, ground - 30, 50):
            for wx in range(x + 20, x + w - 30, 45):
                draw.rectangle((wx, wy, wx + 22, wy + 26), fill=(230, 225, 200))
        x += w + rnd.randint(20, 80)


def beach(img, draw, rnd):
    _sky(img, (120, 180, 230), (220, 235, 245), 520)
    _sun(draw, 1320, 170, 80, (255, 230, 140))
    draw.rectangle((0, 520, WIDTH, 700), fill=(40, 110, 160))
    for y in range(545, 690, 35):
        for x in range(rnd.randint(0, 80), WIDTH, 160):
            draw.arc((x, y, x + 80, y + 24), 200, 340, fill=(200, 230, 245), width=5)
    draw.polygon([(0, 700), (WIDTH, 660), (WIDTH, HEIGHT), (0, HEIGHT)], fill=(236, 212, 160))
    for i in range(5):
        x = 200 + i * 270 + rnd.randint(-40, 40)
        _person(
            draw,
            x,
            900 + rnd.randint(-40, 40),
            240,
            rnd.choice([(230, 90, 70), (60, 150, 90), (250, 190, 60), (90, 110, 200)]),
        )
    draw.polygon([(1400, 930), (1480, 930), (1500, 800), (1380, 800)], fill=(70, 140, 80))


def cafe(img, draw, rnd):
    _sky(img, (255, 214, 120), (255, 244, 214), HEIGHT)
    _sun(draw, 800, 260, 150, (255, 180, 40), rays=True)
    draw.rectangle((150, 640, 1450, 690), fill=(150, 95, 60))
    draw.rectangle((220, 690, 260, 950), fill=(130, 80, 50))
    draw.rectangle((1340, 690, 1380, 950), fill=(130, 80, 50))
    for i, x in enumerate(range(300, 1350, 210)):
        colour = [(200, 70, 80), (60, 120, 170), (240, 240, 235)][i % 3]
        draw.rounded_rectangle((x, 540, x + 110, 640), 14, fill=colour)
        draw.arc((x + 95, 560, x + 150, 615), 270, 90, fill=colour, width=14)
        for s in range(3):
            sx = x + 30 + s * 25
            draw.arc(
                (sx, 440 - rnd.randint(0, 30), sx + 20, 520),
                100,
                260,
                fill=(255, 255, 255),
                width=5,
            )


def market(img, draw, rnd):
    _sky(img, (140, 200, 235), (235, 245, 250), 700)
    draw.rectangle((0, 700, WIDTH, HEIGHT), fill=(110, 170, 90))
    _house(draw, 980, 700, 520, 300, (200, 70, 55), (70, 60, 60))
    draw.line((120, 330, 900, 330), fill=(90, 90, 90), width=12)
    for x in (130, 890):
        draw.line((x, 330, x, 880), fill=(90, 90, 90), width=12)
    for x in range(170, 860, 100):
        colour = tuple(rnd.randint(60, 240) for _ in range(3))
        draw.line((x + 40, 330, x + 40, 360), fill=(60, 60, 60), width=5)
        draw.polygon(
            [
                (x, 370),
                (x + 80, 370),
                (x + 95, 420),
                (x + 80, 420),
                (x + 78, 560),
                (x + 2, 560),
                (x, 420),
                (x - 15, 420),
            ],
            fill=colour,
        )
    for i in range(4):
        _person(
            draw,
            200 + i * 220 + rnd.randint(-30, 30),
            960,
            230,
            rnd.choice([(230, 120, 60), (70, 90, 170), (160, 60, 140)]),
        )


def trishaw(img, draw, rnd):
    _sky(img, (150, 205, 240), (240, 248, 252), 620)
    draw.rectangle((0, 620, WIDTH, HEIGHT), fill=(120, 180, 100))
    draw.polygon([(0, 820), (WIDTH, 760), (WIDTH, 880), (0, 960)], fill=(215, 200, 170))
    for x in (150, 420, 1300, 1500):
        _tree(draw, x, 640, 150 + rnd.randint(0, 60), (60, 140, 70))
    for cx in (560, 1000):
        draw.ellipse((cx - 130, 690, cx + 130, 950), outline=(40, 40, 40), width=18)
        for i in range(12):
            a = i * math.pi / 6
            draw.line(
                (cx, 820, cx + math.cos(a) * 120, 820 + math.sin(a) * 120),
                fill=(120, 120, 120),
                width=4,
            )
    draw.rounded_rectangle((430, 560, 760, 760), 30, fill=(210, 60, 50))
    draw.line((760, 720, 1000, 820), fill=(50, 50, 50), width=14)
    draw.line((900, 560, 940, 780), fill=(50, 50, 50), width=12)
    _person(draw, 920, 620, 260, (60, 110, 190))
    _person(draw, 560, 640, 200, (250, 220, 120))


def garden(img, draw, rnd):
    _sky(img, (160, 210, 240), (245, 250, 250), 600)
    _blocks(draw, rnd, 600, (205, 170, 140))
    draw.rectangle((0, 600, WIDTH, HEIGHT), fill=(120, 170, 90))
    for row, y in enumerate((700, 850)):
        for x in range(80 + row * 60, WIDTH - 200, 380):
            draw.rectangle((x, y, x + 300, y + 90), fill=(140, 95, 60))
            for px in range(x + 25, x + 290, 45):
                green = (40 + rnd.randint(0, 60), 130 + rnd.randint(0, 60), 60)
                draw.ellipse((px - 20, y - 40, px + 20, y + 10), fill=green)
                if rnd.random() < 0.3:
                    draw.ellipse((px - 8, y - 30, px + 8, y - 14), fill=(220, 50, 50))


def festival(img, draw, rnd):
    _sky(img, (60, 70, 140), (240, 160, 110), 720)
    draw.rectangle((0, 720, WIDTH, HEIGHT), fill=(90, 140, 80))
    _house(draw, 560, 720, 480, 260, (235, 225, 200), (70, 60, 60))
    colours = [(230, 60, 60), (250, 200, 50), (60, 160, 90), (60, 120, 210), (200, 90, 190)]
    for line in range(3):
        y0 = 120 + line * 110
        points = [(x, y0 + 60 * math.sin(x / WIDTH * math.pi)) for x in range(0, WIDTH + 1, 80)]
        draw.line(points, fill=(240, 240, 240), width=4)
        for i, (x, y) in enumerate(points[:-1]):
            draw.polygon([(x + 8, y), (x + 72, y), (x + 40, y + 70)], fill=colours[(i + line) % 5])
    for i in range(7):
        _person(draw, 120 + i * 210 + rnd.randint(-30, 30), 960, 220, rnd.choice(colours))


def plates(img, draw, rnd):
    img.paste((200, 150, 105), (0, 0, WIDTH, HEIGHT))
    for y in range(0, HEIGHT, 125):
        draw.line((0, y, WIDTH, y), fill=(180, 130, 90), width=4)
    dishes = [(255, 140, 60), (120, 170, 70), (220, 60, 60), (250, 210, 90), (150, 90, 60)]
    rnd.shuffle(dishes)
    for i, (x, y) in enumerate([(330, 300), (800, 500), (1270, 300), (450, 760), (1150, 760)]):
        draw.ellipse((x - 210, y - 210, x + 210, y + 210), fill=(248, 248, 244))
        draw.ellipse((x - 150, y - 150, x + 150, y + 150), fill=(236, 236, 230))
        r = rnd.randint(90, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=dishes[i])
    draw.rounded_rectangle((1500, 200, 1530, 800), 12, fill=(190, 190, 195))


def terrace(img, draw, rnd):
    _sky(img, (130, 190, 235), (235, 244, 250), 640)
    draw.rectangle((0, 640, WIDTH, HEIGHT), fill=(110, 165, 90))
    walls = [(190, 110, 80), (215, 190, 150), (170, 100, 80)]
    for i, x in enumerate(range(60, 1500, 240)):
        _house(draw, x, 700, 220, 230, walls[i % 3], (80, 70, 70))
    draw.rectangle((0, 860, WIDTH, 900), fill=(120, 120, 130))
    draw.rounded_rectangle((200, 800, 900, 880), 30, fill=(200, 30, 40))
    for wx in range(250, 880, 90):
        draw.rectangle((wx, 815, wx + 55, 845), fill=(220, 235, 245))
    _tree(draw, 1300, 960, 90, (70, 150, 80))


def harbour(img, draw, rnd):
    _sky(img, (100, 160, 220), (250, 220, 180), 560)
    draw.rectangle((0, 560, WIDTH, HEIGHT), fill=(40, 100, 150))
    draw.rectangle((0, 780, 700, 840), fill=(140, 110, 80))
    for x in range(40, 700, 110):
        draw.rectangle((x, 840, x + 20, 960), fill=(110, 85, 60))
    for i, x in enumerate((900, 1250)):
        draw.polygon(
            [(x, 640), (x + 260, 640), (x + 220, 700), (x + 40, 700)],
            fill=[(240, 240, 240), (200, 60, 50)][i],
        )
        draw.line((x + 130, 640, x + 130, 330 + i * 60), fill=(60, 60, 60), width=8)
        draw.polygon(
            [(x + 135, 340 + i * 60), (x + 135, 620), (x + 250, 620)], fill=(250, 250, 245)
        )
    for y in range(720, HEIGHT, 50):
        x = rnd.randint(720, 900)
        draw.arc((x, y, x + 120, y + 20), 200, 340, fill=(160, 200, 230), width=4)


def gifts(img, draw, rnd):
    _sky(img, (250, 200, 200), (255, 240, 225), HEIGHT)
    for x, colour in ((300, (200, 60, 80)), (800, (70, 130, 190)), (1250, (90, 160, 90))):
        draw.polygon([(x - 150, 450), (x + 150, 450), (x + 180, 900), (x - 180, 900)], fill=colour)
        draw.arc((x - 70, 360, x + 70, 520), 180, 360, fill=(90, 60, 40), width=10)
        draw.rectangle((x - 110, 600, x + 110, 720), fill=(255, 252, 240))
        draw.line((x - 80, 640, x + 80, 640), fill=(150, 150, 150), width=5)
        draw.line((x - 80, 675, x + 40, 675), fill=(150, 150, 150), width=5)
    for _ in range(9):
        x, y = rnd.randint(60, 1540), rnd.randint(60, 330)
        draw.ellipse((x - 45, y - 45, x + 45, y + 45), fill=(210, 160, 90))
        for _ in range(4):
            cx, cy = x + rnd.randint(-25, 25), y + rnd.randint(-25, 25)
            draw.ellipse((cx - 7, cy - 7, cx + 7, cy + 7), fill=(90, 55, 30))


def hut(img, draw, rnd):
    _sky(img, (110, 170, 225), (230, 240, 248), 560)
    draw.rectangle((0, 560, WIDTH, 720), fill=(50, 120, 170))
    draw.polygon([(0, 720), (WIDTH, 700), (WIDTH, HEIGHT), (0, HEIGHT)], fill=(225, 205, 160))
    draw.rectangle((350, 430, 950, 760), fill=(120, 80, 50))
    for x in range(350, 950, 40):
        draw.line((x, 430, x, 760), fill=(100, 65, 40), width=4)
    draw.polygon([(310, 430), (650, 260), (990, 430)], fill=(60, 60, 65))
    draw.rectangle((590, 580, 710, 760), fill=(250, 220, 150))
    for i, colour in enumerate(((250, 170, 40), (220, 70, 60), (60, 150, 200))):
        y = 820 + i * 55
        draw.ellipse((1050, y, 1500, y + 45), fill=colour)
    _sun(draw, 200, 160, 70, (255, 235, 150))


def town(img, draw, rnd):
    _sky(img, (170, 200, 230), (240, 240, 245), 700)
    draw.rectangle((0, 700, WIDTH, HEIGHT), fill=(190, 190, 185))
    draw.rectangle((150, 380, 1450, 700), fill=(150, 150, 160))
    draw.rectangle((150, 340, 1450, 390), fill=(220, 90, 60))
    for x in range(200, 1400, 200):
        draw.rectangle((x, 480, x + 140, 700), fill=(200, 225, 240))
    for x, y in ((260, 120), (700, 80), (1140, 140)):
        draw.rounded_rectangle((x, y, x + 330, y + 150), 40, fill=(255, 255, 255))
        draw.polygon(
            [(x + 60, y + 150), (x + 120, y + 150), (x + 50, y + 210)], fill=(255, 255, 255)
        )
        for line in range(3):
            draw.line(
                (x + 40, y + 40 + line * 35, x + 290 - rnd.randint(0, 90), y + 40 + line * 35),
                fill=(150, 160, 180),
                width=10,
            )
    for i in range(6):
        _person(
            draw,
            180 + i * 250 + rnd.randint(-30, 30),
            960,
            210,
            rnd.choice([(70, 120, 190), (230, 120, 60), (120, 170, 90)]),
        )


def voices(img, draw, rnd):
    _sky(img, (70, 60, 150), (40, 170, 180), HEIGHT)
    colours = [(255, 200, 60), (250, 110, 120), (120, 230, 170), (255, 255, 255)]
    for _ in range(7):
        x, y = rnd.randint(40, 1250), rnd.randint(40, 420)
        w = rnd.randint(200, 320)
        c = rnd.choice(colours)
        draw.rounded_rectangle((x, y, x + w, y + 120), 40, fill=c)
        draw.polygon([(x + 40, y + 120), (x + 90, y + 120), (x + 30, y + 170)], fill=c)
    for i in range(6):
        _person(draw, 170 + i * 250, 950, 320, colours[i % 4])


def network(img, draw, rnd):
    _sky(img, (40, 90, 140), (120, 190, 200), HEIGHT)
    nodes = [(rnd.randint(120, 1480), rnd.randint(120, 880)) for _ in range(26)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < 330:
                draw.line((*a, *b), fill=(200, 230, 235), width=4)
    palette = [(255, 200, 70), (250, 120, 110), (140, 220, 150), (255, 255, 255)]
    for x, y in nodes:
        r = rnd.randint(26, 52)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rnd.choice(palette))


SCENES: dict[str, Scene] = {
    "beach": beach,
    "cafe": cafe,
    "market": market,
    "trishaw": trishaw,
    "garden": garden,
    "festival": festival,
    "plates": plates,
    "terrace": terrace,
    "harbour": harbour,
    "gifts": gifts,
    "hut": hut,
    "town": town,
    "voices": voices,
    "network": network,
}


def render_scene(scene: str, seed: str) -> io.BytesIO:
    """One scene as a JPEG, the same bytes for the same scene and seed."""
    img = Image.new("RGB", SIZE, (255, 255, 255))
    SCENES[scene](img, ImageDraw.Draw(img), random.Random(seed))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    buffer.seek(0)
    return buffer


def demo_image(title: str, scene: str):
    """The Wagtail image with this title, drawn and stored on first use.

    Looked up by title so loading the demo again reuses what an earlier run
    stored instead of piling up copies in the image library.
    """
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    return Image_.objects.create(
        title=title,
        file=ImageFile(render_scene(scene, title), name=f"demo-{slugify(title)}.jpg"),
    )
