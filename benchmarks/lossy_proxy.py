"""A TCP proxy on loopback that loses one connection on purpose.

`bench_reach_hits --lose-connection N` puts it between wrk and gunicorn: it
forwards every connection unchanged until the N-th beacon (a request starting
with POST), which it swallows and answers with a reset (RST), as when a phone
loses its network mid-request. The hit never reaches the server and wrk never
gets an answer: the run must notice, finish without waiting out its time
limit, and fail its check, since the server's count then differs from what
was sent.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


class LossyProxy:
    def __init__(self, target_port: int, lose_post: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.lose_post = lose_post
        self.posts = 0
        self.lost = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=256)
        self.port = self._listener.getsockname()[1]

    def start(self) -> LossyProxy:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            threading.Thread(target=self._requests, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    def _is_lost(self, data: bytes) -> bool:
        if not data.startswith(b"POST"):
            return False
        with self._lock:
            self.posts += 1
            if self.posts != self.lose_post:
                return False
            self.lost += 1
            return True

    def _requests(self, client: socket.socket, upstream: socket.socket) -> None:
        """Client to server, one read at a time (wrk sends each small request whole)."""
        try:
            while data := client.recv(65536):
                if self._is_lost(data):
                    # Close with SO_LINGER 0: the client gets a reset, not an answer.
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
