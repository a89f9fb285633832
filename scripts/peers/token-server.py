#!/usr/bin/env python3
"""Minimal docker/distribution token server for loopback tests.

Issues RS256 JWTs whose header carries the signing certificate (x5c); the registry trusts that
certificate through its `auth.token.rootcertbundle`.

usage: token-server.py --key KEY.pem --cert CERT.pem --user USER:PASS [--user ...]
                       [--users-file FILE] [--issuer ISSUER] [--port PORT]

Port 0 (the default) picks a free port. The first line on stdout is
"listening on http://127.0.0.1:PORT". One line per request goes to stderr:
"request METHOD PATH STATUS user=NAME".

GET  /token?service=S&scope=T:N:A,...   HTTP Basic -> {"token", "access_token", ...}
POST /token (form: grant_type=password, username, password, service, scope) -> same JSON
Wrong or missing credentials -> 401 {"details":"invalid credentials"}.
--users-file FILE holds more USER:PASS lines that override --user; it is read again on every
request, so a test can change a password while the server runs.
"""
import argparse
import base64
import http.server
import json
import sys
import time
import urllib.parse
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--key", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--user", action="append", required=True, help="USER:PASS, repeatable")
    parser.add_argument("--users-file")
    parser.add_argument("--issuer", default="remotes-test-issuer")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--expires-in", type=int, default=300)
    return parser.parse_args()


ARGS = parse_args()
with open(ARGS.key, "rb") as handle:
    KEY = serialization.load_pem_private_key(handle.read(), None)
with open(ARGS.cert, "rb") as handle:
    CERT_DER = x509.load_pem_x509_certificate(handle.read()).public_bytes(serialization.Encoding.DER)
USERS = dict(entry.split(":", 1) for entry in ARGS.user)


def users():
    """--user, overridden by the lines of --users-file as they are now."""
    current = dict(USERS)
    if ARGS.users_file:
        try:
            with open(ARGS.users_file) as handle:
                current.update(line.rstrip("\n").split(":", 1) for line in handle if ":" in line)
        except FileNotFoundError:
            pass
    return current


def make_token(subject, service, scopes):
    access = []
    for scope in scopes:
        for item in scope.split(" "):
            parts = item.split(":")
            if len(parts) < 3:
                continue
            kind, name, actions = parts[0], ":".join(parts[1:-1]), parts[-1]
            access.append({"type": kind, "name": name, "actions": [a for a in actions.split(",") if a]})
    now = int(time.time())
    header = {"typ": "JWT", "alg": "RS256", "x5c": [base64.b64encode(CERT_DER).decode()]}
    claims = {"iss": ARGS.issuer, "sub": subject, "aud": service, "exp": now + ARGS.expires_in,
              "nbf": now - 10, "iat": now, "jti": uuid.uuid4().hex, "access": access}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = KEY.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64url(signature)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # replaced by log_request_line
        pass

    def log_request_line(self, status, user):
        print(f"request {self.command} {self.path} {status} user={user or '-'}", file=sys.stderr, flush=True)

    def basic_user(self):
        auth = self.headers.get("Authorization", "")
        if not auth.lower().startswith("basic "):
            return None
        try:
            user, _, password = base64.b64decode(auth[6:].strip()).decode().partition(":")
        except Exception:
            return None
        return user if users().get(user) == password else None

    def answer(self, status, payload, user=None, challenge=False):
        body = json.dumps(payload).encode()
        self.send_response(status)
        if challenge:
            self.send_header("WWW-Authenticate", 'Basic realm="remotes-test-token"')
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.log_request_line(status, user)

    def issue(self, user, service, scopes):
        token = make_token(user, service, scopes)
        self.answer(200, {"token": token, "access_token": token, "expires_in": ARGS.expires_in,
                          "issued_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}, user)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path != "/token":
            self.answer(404, {"details": "not found"})
            return
        query = urllib.parse.parse_qs(url.query)
        user = self.basic_user()
        if user is None:
            self.answer(401, {"details": "invalid credentials"}, challenge=True)
            return
        self.issue(user, query.get("service", [""])[0], query.get("scope", []))

    def do_POST(self):
        url = urllib.parse.urlparse(self.path)
        length = int(self.headers.get("Content-Length", "0") or "0")
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if url.path != "/token":
            self.answer(404, {"details": "not found"})
            return
        user = form.get("username", [""])[0]
        if form.get("grant_type", [""])[0] != "password" or users().get(user) != form.get("password", [None])[0]:
            self.answer(401, {"details": "invalid credentials"})
            return
        self.issue(user, form.get("service", [""])[0], form.get("scope", []))


server = http.server.ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
server.daemon_threads = True
print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
