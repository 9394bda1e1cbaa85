"""Run the local platform stand-in (Facebook, Instagram, YouTube, Det sker) on 127.0.0.1."""

from django.core.management.base import BaseCommand

from demo.standin import PlatformStandin


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

    def handle(self, *args, **options):
        standin = PlatformStandin(port=options["port"])
        for video_id in options["demo_video"]:
            standin.state.videos[video_id] = {
                "snippet": {
                    "title": "Vores Ishøj",
                    "categoryId": "22",
                    "tags": ["Ishøj"],
                    "description": "En video fra Ishøj.",
                },
                "statistics": {"viewCount": "0"},
            }
        self.stdout.write(f"Platform-stand-in kører på {standin.url} (Ctrl+C stopper).")
        try:
            standin.serve_forever()
        except KeyboardInterrupt:
            standin.stop()
