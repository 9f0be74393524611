"""Facts from the HTTP specifications that many records rely on, stated once.

The content rules (generator/rules.py) check every record against them, so that
``python -m generator check`` catches a record that contradicts the RFCs.
"""

from __future__ import annotations


def never_has_content(status: int) -> bool:
    """1xx, 204 and 304 responses end after the header section (RFC 9110 section 6.4.1)."""
    return 100 <= status < 200 or status in (204, 304)


NO_CONTENT_RULE = "1xx, 204 and 304 responses end after the header section"

# Heuristically cacheable by default: RFC 9110 section 15.1 lists these, and RFC 7725
# section 3 adds 451.
CACHEABLE_BY_DEFAULT = frozenset({200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501})

# Response header fields the specification requires for a code, with its level.
REQUIRED_RESPONSE_HEADERS: dict[int, tuple[str, str, str]] = {
    401: ("WWW-Authenticate", "must", "RFC 9110 section 15.5.2"),
    405: ("Allow", "must", "RFC 9110 section 15.5.6"),
    407: ("Proxy-Authenticate", "must", "RFC 9110 section 15.5.8"),
    416: ("Content-Range", "should", "RFC 9110 section 15.5.17"),
    426: ("Upgrade", "must", "RFC 9110 section 15.5.22"),
}
