"""Benchmark the fediverse fan-out: one new event to 1,000 followers on 200 local servers.

Not a test: it prints figures and never asserts timings. 200 small HTTP servers on
127.0.0.1 (each a Mastodon-like shared inbox answering 202) carry 5 followers each;
one Create is recorded and delivered by the real code (`channels.fediverse.delivery`)
with its bounded concurrency. Printed: time to the last delivery, requests per
server (shared inboxes deduplicated: 1 each), the worker's memory, and beside it one
Facebook post to the platform stand-in (a single Graph call). Every loop is bounded.

    python manage.py bench_fediverse --settings=benchmarks.settings
"""

from __future__ import annotations

import resource
import statistics
import threading
import time
import tracemalloc
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.test.utils import override_settings

SERVERS = 200
FOLLOWERS_PER_SERVER = 5
MAX_ROUNDS = 20  # deliver_due rounds; each handles up to delivery.BATCH inboxes


class _Inbox(BaseHTTPRequestHandler):
    counts: Counter = Counter()
    lock = threading.Lock()

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with _Inbox.lock:
            _Inbox.counts[self.server.server_address[1]] += 1
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Command(BaseCommand):
    help = "Fan-out of one event to 1,000 followers on 200 local servers (prints figures)."

    def add_arguments(self, parser):
        parser.add_argument("--servers", type=int, default=SERVERS)
        parser.add_argument("--per-server", type=int, default=FOLLOWERS_PER_SERVER)
        parser.add_argument("--concurrency", type=int, default=8)

    def handle(self, *args, servers, per_server, concurrency, **options):
        servers = max(1, min(servers, 500))  # bounded: ports and threads on a shared machine
        call_command("migrate", verbosity=0, interactive=False)
        httpds = [ThreadingHTTPServer(("127.0.0.1", 0), _Inbox) for _ in range(servers)]
        for httpd in httpds:
            httpd.daemon_threads = True
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            with override_settings(
                FEDIVERSE_ALLOW_HTTP_LOOPBACK=True,
                FEDIVERSE_DELIVERY_CONCURRENCY=concurrency,
                WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
            ):
                self._run(httpds, per_server, concurrency)
        finally:
            for httpd in httpds:
                httpd.shutdown()
                httpd.server_close()

    def _run(self, httpds, per_server, concurrency):
        from channels.fediverse import delivery
        from channels.fediverse.actors import actors, current_key
        from channels.fediverse.models import Activity, Delivery, DeliveryStatus, Follower

        Activity.objects.all().delete()
        Follower.objects.all().delete()
        Follower.objects.bulk_create(
            Follower(
                actor="events",
                account_uri=f"http://127.0.0.1:{h.server_address[1]}/users/u{n}",
                inbox=f"http://127.0.0.1:{h.server_address[1]}/users/u{n}/inbox",
                shared_inbox=f"http://127.0.0.1:{h.server_address[1]}/inbox",
                domain="127.0.0.1",
            )
            for h in httpds
            for n in range(per_server)
        )
        current_key("events")  # made once, before the clock starts
        obj = {
            "id": "http://127.0.0.1:8000/fediverse/objects/1",
            "type": "Event",
            "name": "Julemarked på Ishøj Store Torv",
            "startTime": "2026-12-12T10:00:00+01:00",
            "endTime": "2026-12-12T16:00:00+01:00",
            "content": "<p>Boder, gløgg og juletræ.</p>",
        }
        _Inbox.counts.clear()
        tracemalloc.start()
        started = time.perf_counter()
        entry = delivery.record("events", "Create", obj, None)
        planned = time.perf_counter() - started
        rounds = 0
        while rounds < MAX_ROUNDS and Delivery.objects.due().filter(activity=entry).exists():
            delivery.deliver_due(entry.pk)
            rounds += 1
        last = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        delivered = Delivery.objects.filter(activity=entry, status=DeliveryStatus.DELIVERED)
        reached = sum(delivered.values_list("followers", flat=True))
        per_server_counts = [_Inbox.counts[h.server_address[1]] for h in httpds]
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        facebook = self._facebook_single_call()
        w = self.stdout.write
        followers = Follower.objects.count()
        planned_count = Delivery.objects.filter(activity=entry).count()
        w(f"Fediverse fan-out: 1 Create to {followers} followers on {len(httpds)} servers")
        w(f"  concurrency (parallel requests)    {concurrency}")
        w(f"  deliveries planned (shared inboxes) {planned_count}")
        w(f"  recording + planning               {planned * 1000:.0f} ms (worker's wait)")
        w(f"  time to the last delivery          {last:.2f} s in {rounds} round(s)")
        w(f"  deliveries per second              {len(httpds) / last:.0f}")
        w(
            f"  requests per server                min {min(per_server_counts)}, "
            f"median {statistics.median(per_server_counts):.0f}, max {max(per_server_counts)}"
        )
        w(f"  followers reached                  {reached} of {followers}")
        w(f"  worker memory, Python peak         {peak / 1024 / 1024:.1f} MB during the fan-out")
        w(f"  worker memory, process max RSS     {rss_mb:.0f} MB")
        if facebook is None:
            w("Facebook single call: the stand-in could not be reached (skipped)")
        else:
            w(f"Facebook single call (stand-in, one Graph POST): {facebook * 1000:.0f} ms")
            w(f"  ratio fan-out / Facebook call      {last / facebook:.0f}x")
        w(f"Actor: {actors()['events'].address}")

    def _facebook_single_call(self) -> float | None:
        from demo.standin import PlatformStandin

        standin = PlatformStandin().start()
        try:
            url = f"{standin.url}/{settings.GRAPH_API_VERSION}/1000000001/feed"
            started = time.perf_counter()
            answer = requests.post(
                url,
                data={"message": "Julemarked", "link": "http://127.0.0.1:8000/"},
                headers={"Authorization": "Bearer bench-token"},
                timeout=10,
            )
            elapsed = time.perf_counter() - started
            return elapsed if answer.ok else None
        finally:
            standin.stop()
