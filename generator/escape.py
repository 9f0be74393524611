"""Make plain text inert where it is printed into Markdown."""

from __future__ import annotations

import html
import re


def plain_text(value: object) -> str:
    """Plain text (a phrase, a summary) made inert in Markdown: no HTML, no markup."""
    escaped = html.escape(str(value), quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", escaped)
