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
