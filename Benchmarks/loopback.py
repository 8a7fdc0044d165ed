"""What the Python benchmark scripts share: a free port on 127.0.0.1 and one HTTP request to it."""
import http.client
import socket


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None, timeout=60):
    """(status, body bytes) of one request on a connection of its own."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request(method, path, body, headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def get(port, path, timeout=60):
    """(status, body text) of a GET."""
    status, data = request(port, "GET", path, timeout=timeout)
    return status, data.decode("utf-8", "replace")


def blast(port, requests, connections):
    """Sends pre-built raw HTTP/1.1 requests (bytes, keep-alive) over `connections` sockets, one request
    in flight on each, and returns ([latency s], [status]) in completion order. A load generator that
    costs little CPU of its own (a few tens of microseconds a request), so on a small machine the figure
    measures the server rather than the client: like wrk, but it can replay pre-signed requests."""
    import selectors
    import time

    sel = selectors.DefaultSelector()
    pending = list(reversed(requests))
    latencies, statuses = [], []
    socks = []
    for _ in range(min(connections, len(requests))):
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.setblocking(False)
        socks.append(s)
        state = {"buf": b"", "start": 0.0}
        sel.register(s, selectors.EVENT_READ, state)
        if pending:
            state["start"] = time.perf_counter()
            s.sendall(pending.pop())
        else:
            state["start"] = None
    in_flight = min(connections, len(requests))
    while in_flight:
        for key, _ in sel.select():
            s, state = key.fileobj, key.data
            chunk = s.recv(65536)
            if not chunk:
                raise ConnectionError("server closed a keep-alive connection")
            state["buf"] += chunk
            while True:
                buf = state["buf"]
                end = buf.find(b"\r\n\r\n")
                if end < 0:
                    break
                head = buf[:end].split(b"\r\n")
                length = 0
                for line in head[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if len(buf) < end + 4 + length:
                    break
                state["buf"] = buf[end + 4 + length:]
                latencies.append(time.perf_counter() - state["start"])
                statuses.append(int(head[0].split()[1]))
                if pending:
                    state["start"] = time.perf_counter()
                    s.sendall(pending.pop())
                else:
                    in_flight -= 1
    for s in socks:
        s.close()
    return latencies, statuses


def raw_request(method, path, body=b"", headers=None):
    """One HTTP/1.1 keep-alive request as bytes, for `blast`."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
