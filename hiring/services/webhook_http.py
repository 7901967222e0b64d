"""Sending a webhook safely: the URL's addresses checked (SSRF), the connection pinned to a checked address,
no redirects, short timeouts, only a short excerpt of the answer kept.

A URL must be https and resolve only to public addresses; `allow_private` (the operator's
WEBHOOKS_ALLOW_PRIVATE=1, for tests and closed networks) also allows http and private, loopback and link-local
addresses. The check runs at registration and again before every try, and the request then goes to the very
address that was checked, so a DNS answer that changes in between (DNS rebinding) cannot redirect it.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from hiring.errors import InvalidInput
from hiring.errors import lazy_gettext as _l

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 5.0
EXCERPT = 200


class UnsafeUrl(InvalidInput):
    """The URL is not one a webhook may be sent to."""

    def __init__(self, message):
        super().__init__(message, {"url": message})


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str  # the checked IP the connection goes to


@dataclass(frozen=True)
class Answer:
    status: int
    excerpt: str


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local)


def check_url(url: str, allow_private: bool) -> Target:
    """The URL's target with a checked address, or UnsafeUrl saying why not."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeUrl(_l("This is not a URL.")) from None
    allowed = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in allowed:
        raise UnsafeUrl(_l("Use an https:// URL."))
    if not parts.hostname or parts.username or parts.password:
        raise UnsafeUrl(_l("Give a host name, without a user name or password."))
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeUrl(_l("The host name does not resolve.")) from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise UnsafeUrl(_l("The host name does not resolve."))
    if not allow_private and not all(is_public(address) for address in addresses):
        raise UnsafeUrl(_l("The URL leads to a private, loopback or link-local address."))
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, parts.hostname, port, path, addresses[0])


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target):
        super().__init__(target.host, target.port, timeout=CONNECT_TIMEOUT)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock.settimeout(READ_TIMEOUT)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target):
        super().__init__(
            target.host, target.port, timeout=CONNECT_TIMEOUT, context=ssl.create_default_context()
        )
        self._address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        sock.settimeout(READ_TIMEOUT)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(target: Target, body: bytes, headers: dict[str, str]) -> Answer:
    """POST the body to the checked address; a redirect is an answer like any other (never followed)."""
    kind = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = kind(target)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        excerpt = response.read(EXCERPT).decode("utf-8", "replace")
        return Answer(response.status, excerpt)
    finally:
        connection.close()
