"""Run the local platform stand-in (Facebook, Instagram, YouTube, Det sker) on 127.0.0.1."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.standin import PlatformStandin
from demo.standin.seed import FILE_NAME
from demo.stories.stories import demo_video_ids


class Command(BaseCommand):
    help = "Starter den lokale stand-in for Facebook, Instagram, YouTube og Det sker."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--demo-video",
            action="append",
            default=[],
            help="YouTube-video-id, der skal findes i stand-in'en (kan gentages).",
        )
        parser.add_argument(
            "--reach-seed",
            default=str(Path(settings.VAR_DIR) / FILE_NAME),
            help="Demoens seneste kanaltal pr. historie (skrives af load_demo); "
            "stand-in'en fortsætter derfra.",
        )

    def handle(self, *args, **options):
        standin = PlatformStandin(port=options["port"])
        standin.state.config["reach_seed_file"] = options["reach_seed"]
        seed_videos(standin.state, [*demo_video_ids(), *options["demo_video"]])
        self.stdout.write(f"Platform-stand-in kører på {standin.url} (Ctrl+C stopper).")
        try:
            standin.serve_forever()
        except KeyboardInterrupt:
            standin.stop()


def seed_videos(state, video_ids) -> None:
    """Videos the stand-in's YouTube knows, as the demo's stories link to them."""
    for video_id in video_ids:
        state.videos[video_id] = {
            "snippet": {
                "title": "Vores Ishøj",
                "categoryId": "22",
                "tags": ["Ishøj"],
                "description": "En video fra Ishøj.",
            },
            "statistics": {"viewCount": "0"},
        }
