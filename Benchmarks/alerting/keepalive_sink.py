#!/usr/bin/env python3
"""A webhook sink like ../shared/bench/webhook_sink.py (same arguments, same JSON-lines log, GET /count,
POST /quit), but HTTP/1.1 with keep-alive on one asyncio loop, so the receiver is not what limits a
sender: webhook_sink.py answers HTTP/1.0 and closes every connection, and at 10k notifications its own
CPU (a thread and a connection per POST) is what both Alertmanager and Vigil wait for.

Use it through side_by_side.py --sink keepalive; both senders get the same receiver in the same run.
"""
import argparse
import asyncio
import json
import os
import signal
import sys
import time


class Sink(asyncio.Protocol):
    def __init__(self, state):
        self.state, self.buf, self.transport = state, b"", None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buf[:end].decode("latin-1").split("\r\n")
            method, path, version = (head[0].split(" ") + ["", "", ""])[:3]
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip()] = value.strip()
            length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0") or 0)
            if len(self.buf) < end + 4 + length:
                return
            raw = self.buf[end + 4:end + 4 + length]
            self.buf = self.buf[end + 4 + length:]
            close = version == "HTTP/1.0" or any(
                k.lower() == "connection" and v.lower() == "close" for k, v in headers.items())
            self.handle(method, path, headers, raw, close)
            if close:
                return

    def handle(self, method, path, headers, raw, close):
        st = self.state
        code, body = 404, b"not found\n"
        if method == "GET" and path == "/count":
            code, body = 200, f"{st['count']}\n".encode()
        elif method == "POST" and path == "/quit":
            code, body = 200, b"bye\n"
            asyncio.get_running_loop().call_soon(st["stop"].set)
        elif method == "POST":
            try:
                parsed = json.loads(raw)
            except Exception:  # noqa: BLE001
                parsed = None
            st["count"] += 1
            rec = {"seq": st["count"], "received_unix": round(time.time(), 6), "path": path,
                   "headers": headers, "raw": raw.decode("utf-8", "replace"), "json": parsed}
            st["out"].write(json.dumps(rec) + "\n")
            if not st["flush_scheduled"]:
                st["flush_scheduled"] = True
                asyncio.get_running_loop().call_soon(flush, st)
            code, body = st["status"], b"ok\n"
        reason = {200: "OK", 404: "Not Found"}.get(code, "Status")
        self.transport.write(
            f"HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n{'Connection: close' if close else 'Connection: keep-alive'}\r\n\r\n"
            .encode() + body)
        if close:
            self.transport.close()


def flush(st):
    st["flush_scheduled"] = False
    st["out"].flush()


async def serve(a):
    st = {"count": 0, "out": open(a.log, "a"), "status": a.status, "flush_scheduled": False,
          "stop": asyncio.Event()}
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Sink(st), "127.0.0.1", a.port, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write(str(port))
        os.replace(a.port_file + ".tmp", a.port_file)
    print(f"keepalive_sink: http://127.0.0.1:{port}/ -> {a.log} (max {a.max_seconds}s)", file=sys.stderr, flush=True)
    loop.add_signal_handler(signal.SIGTERM, st["stop"].set)
    try:
        await asyncio.wait_for(st["stop"].wait(), a.max_seconds)
    except asyncio.TimeoutError:
        pass
    server.close()
    st["out"].close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--log", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--max-seconds", type=float, default=600)
    ap.add_argument("--status", type=int, default=200)
    asyncio.run(serve(ap.parse_args()))


if __name__ == "__main__":
    main()
