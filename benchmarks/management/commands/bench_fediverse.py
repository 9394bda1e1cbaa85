"""Benchmark the fediverse fan-out: one new event to 1,000 followers on 200 local servers.

Not a test: it prints figures and never asserts timings. 200 small HTTP servers on
127.0.0.1 (each a Mastodon-like shared inbox answering 202) carry 5 followers each;
one Create is recorded and delivered by the real code (`channels.fediverse.delivery`)
with its bounded concurrency. Printed: time to the last delivery, requests per
server (shared inboxes deduplicated: 1 each), the worker's memory, and beside it one
Facebook post to the platform stand-in (a single Graph call). Every time is shown
beside the machine's yardstick (benchmarks/yardstick.py). Every loop is bounded.

    python manage.py bench_fediverse --settings=benchmarks.settings
"""

from __future__ import annotations

import os
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

from benchmarks.yardstick import (
    machine_yardstick_ms,
    ms_figure,
    rate_figure,
    seconds_figure,
    yardstick_line,
)

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
    help = "Udsendelse af én begivenhed til 1.000 følgere på 200 lokale servere (viser tal)."

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
        ys = machine_yardstick_ms()
        followers = Follower.objects.count()
        planned_count = Delivery.objects.filter(activity=entry).count()
        w(f"Fediverse-udsendelse: 1 Create til {followers} følgere på {len(httpds)} servere")
        w(f"  samtidige forespørgsler              {concurrency}")
        w(f"  planlagte leveringer                 {planned_count} (delte indbakker)")
        wait = ms_figure(planned * 1000, ys)
        w(f"  registrering + planlægning           {wait} (workerens ventetid)")
        w(f"  tid til sidste levering              {seconds_figure(last, ys)} i {rounds} runde(r)")
        rate = rate_figure(len(httpds) / last, "leveringer/s", ys)
        w(f"  leveringer pr. sekund                {rate}")
        w(
            f"  forespørgsler pr. server             mindst {min(per_server_counts)}, "
            f"median {statistics.median(per_server_counts):.0f}, højst {max(per_server_counts)}"
        )
        w(f"  følgere nået                         {reached} af {followers}")
        w(f"  workerens hukommelse, Python-top     {peak / 1024 / 1024:.1f} MB under udsendelsen")
        w(f"  workerens hukommelse, procesens RSS  {rss_mb:.0f} MB (højst)")
        if facebook is None:
            w("Ét Facebook-kald: stand-in'en svarede ikke (sprunget over)")
        else:
            w(f"Ét Facebook-kald (stand-in, én Graph POST): {ms_figure(facebook * 1000, ys)}")
            w(f"  forhold udsendelse / Facebook-kald   {last / facebook:.0f} gange")
        w(f"Aktør: {actors()['events'].address}")
        load = " / ".join(f"{n:.1f}" for n in os.getloadavg())
        w(f"Belastning (load average 1/5/15 min): {load}.")
        w(yardstick_line(ys))

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
