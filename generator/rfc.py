"""Facts from the HTTP specifications that many records rely on, stated once.

The content rules (generator/rules.py) check every record against them, so that
``python -m generator check`` catches a record that contradicts the RFCs.
"""

from __future__ import annotations

from dataclasses import dataclass


def never_has_content(status: int) -> bool:
    """1xx, 204 and 304 responses end after the header section (RFC 9110 section 6.4.1)."""
    return 100 <= status < 200 or status in (204, 304)


NO_CONTENT_RULE = "1xx, 204 and 304 responses end after the header section"

# Heuristically cacheable by default: RFC 9110 section 15.1 lists these, and RFC 7725
# section 3 adds 451.
CACHEABLE_BY_DEFAULT = frozenset({200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501})


@dataclass(frozen=True)
class HeaderRule:
    """A response header field the specifications attach to some codes, with its level."""

    name: str
    codes: frozenset[int]
    requirement: str  # must, should, may
    condition: str | None
    citation: str
    purpose: str  # Markdown, shown when the record itself says nothing of the field

    def applies(self, code: int) -> bool:
        return code in self.codes


_IF_200 = "if a 200 to the same request would have sent it"
# RFC 9110 section 10.2.3 gives Retry-After its redirect meaning on "any 3xx"; it is about
# the redirected request, so it is listed for the codes that redirect.
_REDIRECTS = frozenset({300, 301, 302, 303, 307, 308})

HEADER_RULES: tuple[HeaderRule, ...] = (
    HeaderRule(
        "Upgrade",
        frozenset({101}),
        "must",
        None,
        "RFC 9110 section 15.2.2",
        "The protocol or protocols in effect after this response.",
    ),
    HeaderRule(
        "Location",
        frozenset({201}),
        "should",
        "when a POST created the resource",
        "RFC 9110 section 9.3.3",
        "Identifies the primary resource created.",
    ),
    *(
        HeaderRule(
            field,
            frozenset({206}),
            "must",
            _IF_200,
            "RFC 9110 section 15.3.7",
            "Sent as the 200 to the same request would have sent it.",
        )
        for field in ("Date", "Cache-Control", "ETag", "Expires", "Content-Location", "Vary")
    ),
    HeaderRule(
        "Content-Range",
        frozenset({206}),
        "must",
        "single-part responses only",
        "RFC 9110 section 15.3.7.1",
        "Which range of the representation is enclosed.",
    ),
    HeaderRule(
        "Location",
        frozenset({300}),
        "should",
        "if the server has a preferred choice",
        "RFC 9110 section 15.4.1",
        "The preferred choice's URI.",
    ),
    *(
        HeaderRule(
            "Location",
            frozenset({code}),
            "should",
            None,
            f"RFC 9110 section {section}",
            "The URI to follow.",
        )
        for code, section in ((301, "15.4.2"), (302, "15.4.3"), (307, "15.4.8"), (308, "15.4.9"))
    ),
    *(
        HeaderRule(
            field,
            frozenset({304}),
            "must",
            _IF_200,
            "RFC 9110 section 15.4.5",
            "Sent as the 200 to the same request would have sent it.",
        )
        for field in ("Content-Location", "Date", "ETag", "Vary", "Cache-Control", "Expires")
    ),
    HeaderRule(
        "Retry-After",
        _REDIRECTS,
        "may",
        None,
        "RFC 9110 section 10.2.3",
        "The minimum time to wait before following the redirect.",
    ),
    HeaderRule(
        "WWW-Authenticate",
        frozenset({401}),
        "must",
        None,
        "RFC 9110 section 11.6.1",
        "At least one challenge: how to authenticate.",
    ),
    HeaderRule(
        "Allow",
        frozenset({405}),
        "must",
        None,
        "RFC 9110 section 15.5.6",
        "The methods the target resource supports.",
    ),
    HeaderRule(
        "Proxy-Authenticate",
        frozenset({407}),
        "must",
        None,
        "RFC 9110 section 11.7.1",
        "At least one challenge for the proxy.",
    ),
    HeaderRule(
        "Retry-After",
        frozenset({413}),
        "should",
        "if the condition is temporary",
        "RFC 9110 section 15.5.14",
        "When the client may try again.",
    ),
    HeaderRule(
        "Content-Range",
        frozenset({416}),
        "should",
        "in a response to a byte-range request",
        "RFC 9110 section 15.5.17",
        "The current length of the representation, as `bytes */<length>`.",
    ),
    HeaderRule(
        "Upgrade",
        frozenset({426}),
        "must",
        None,
        "RFC 9110 section 15.5.22",
        "The protocols the server accepts, most preferred first.",
    ),
    HeaderRule(
        "Retry-After",
        frozenset({429}),
        "may",
        None,
        "RFC 6585 section 4",
        "How long to wait before making a new request.",
    ),
    HeaderRule(
        "Retry-After",
        frozenset({503}),
        "may",
        None,
        "RFC 9110 section 15.6.4",
        "How long the service is expected to be unavailable.",
    ),
)


def header_rules(code: int) -> tuple[HeaderRule, ...]:
    return tuple(rule for rule in HEADER_RULES if rule.applies(code))
