"""Indentation out of the built pages: what Material's templates print between tags.

Material's templates are indented for their authors, and a code page carries about
10 KB of that indentation (0.7 KB of gzip on /202/). A browser collapses a run of white
space that contains a line break to one space, so keeping one line break of each run
changes nothing a reader sees, except where white space is kept as written: inside
``pre`` and ``textarea``, and ``code`` and ``kbd``, which Material styles
``white-space: pre-wrap``. Those, and scripts and styles, are left exactly as they are.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|code|kbd|script|style)[\s>].*?</\2>)", re.S)
_INDENT = re.compile(r"\n\s+")


def collapse(html: str) -> str:
    """Each line break and the white space after it becomes one line break, outside the
    elements whose white space shows."""
    parts = _KEPT.split(html)
    # split() returns text, then for each match the whole element and its tag name.
    out: list[str] = []
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
