"""Stories in bulk for benchmarks: realistic shape (hero image, body with an
image, topics, partners), built fast by reusing a handful of images."""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import HomePage
from stories.models import Partner, PartnerKind, StoryIndexPage, StoryPage

TOPICS = ["natur", "ældre", "mad", "fællesskab", "børn og familier", "unge", "byudvikling"]


def _images(count: int = 5):
    Image = get_image_model()
    images = list(Image.objects.filter(title__startswith="Benchmark-billede"))
    for n in range(len(images), count):
        buffer = io.BytesIO()
        PILImage.new("RGB", (1600, 1000), (30 + n * 40, 110, 160)).save(buffer, "JPEG", quality=80)
        images.append(
            Image.objects.create(
                title=f"Benchmark-billede {n}", file=ImageFile(buffer, name=f"bench-{n}.jpg")
            )
        )
    return images


def ensure_stories(total: int) -> int:
    """Make sure `total` live stories exist; return how many were created."""
    home = HomePage.objects.get()
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=StoryIndexPage(title="Historier", slug="historier", show_in_menus=True)
        )
    images = _images()
    partners = [
        Partner.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in [("Ældresagen", PartnerKind.ASSOCIATION), ("AAB", PartnerKind.HOUSING)]
    ]
    existing = StoryPage.objects.count()
    with transaction.atomic():
        for n in range(existing, total):
            image = images[n % len(images)]
            story = StoryPage(
                title=f"Historie {n + 1} fra Ishøj",
                slug=f"benchmark-historie-{n + 1}",
                intro="Naboer mødes på tværs af alder og kultur i Vejleåparken.",
                hero_image=image,
                hero_image_alt="Naboer samlet omkring et bord",
                body=[
                    ("heading", {"text": "Sådan begyndte det", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>" + "Fællesskab opstår, når nogen tager initiativ. " * 20 + "</p>",
                    ),
                    (
                        "image",
                        {
                            "image": images[(n + 1) % len(images)],
                            "alt_text": "Frivillige i køkkenet",
                            "caption": "",
                            "credit": "",
                        },
                    ),
                    (
                        "quote",
                        {"quote": "Her kender vi hinanden.", "name": "Mette", "role": "frivillig"},
                    ),
                    ("paragraph", "<p>" + "Alle kan give en hånd med et par timer. " * 20 + "</p>"),
                ],
            )
            index.add_child(instance=story)
            story.tags.add(TOPICS[n % len(TOPICS)], TOPICS[(n + 3) % len(TOPICS)])
            story.partners.set(partners[: 1 + n % 2])
            story.save()
    return max(0, total - existing)
