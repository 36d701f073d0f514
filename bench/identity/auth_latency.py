#!/usr/bin/env python3
"""Sequential latency of Rexian's authentication paths over one keep-alive connection.

Usage: auth_latency.py BASE_URL USERNAME PASSWORD [N]
Measures: POST /api/v1/auth/token (bcrypt check + token insert), GET /api/v1/teams with the
bearer token (token lookup + user reload per request), and GET /actuator/health as the
no-authentication baseline. Prints median and p95 in milliseconds.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def timed(conn, method, path, body=None, headers=None, n=200):
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.read()
        samples.append((time.perf_counter() - start) * 1000)
        if response.status >= 400:
            sys.exit(f"{method} {path} answered {response.status}")
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main():
    base, username, password = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port)
    credentials = json.dumps({"username": username, "password": password})
    json_headers = {"Content-Type": "application/json"}
    conn.request("POST", "/api/v1/auth/token", body=credentials, headers=json_headers)
    token = json.loads(conn.getresponse().read())["token"]
    bearer = {"Authorization": "Bearer " + token}
    for _ in range(50):  # warm-up
        conn.request("GET", "/api/v1/teams", headers=bearer)
        conn.getresponse().read()
    rows = [
        ("GET /actuator/health (no auth)", timed(conn, "GET", "/actuator/health", n=n)),
        ("GET /api/v1/teams (bearer token)", timed(conn, "GET", "/api/v1/teams", headers=bearer, n=n)),
        ("POST /api/v1/auth/token (bcrypt)", timed(conn, "POST", "/api/v1/auth/token", body=credentials,
                                                   headers=json_headers, n=max(20, n // 10))),
    ]
    for name, (median, p95) in rows:
        print(f"{name:40s} median {median:7.2f} ms   p95 {p95:7.2f} ms")


if __name__ == "__main__":
    main()
