"""Compare two built sites: identical bytes, or differences a reader cannot see.

Usage: python scripts/compare_sites.py BEFORE_DIR AFTER_DIR

For a change that should not change any page (a faster build, say), build the site before
and after (`SOURCE_DATE_EPOCH=1 mkdocs build --strict -d DIR`) and compare. Prints, per
file, whether it is byte-identical, equal up to layout whitespace, or different; exits 1
if any file differs otherwise, or exists on one side only.

Layout whitespace: outside <pre>, <textarea>, <script> and <style>, a browser renders any
run of whitespace as one space (none between blocks), so a run that holds a line break is
the same to a reader whatever its length. Only such runs are normalised (to one line
break); whitespace inside the elements named above, and runs without a line break, must
match exactly. Whitespace between a table's structural tags (<table>, <tr>, <td>...)
is dropped too: a browser renders none of it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_BROKEN_RUN = re.compile(r"[ \t]*\n\s*")
# Whitespace beside a table's structural tags is never rendered (HTML's table insertion
# modes keep no text there that a reader sees): <table>, <thead>, <tbody>, <tr>, <th>, <td>.
_TABLE_TAG = r"</?(?:table|thead|tbody|tfoot|tr|th|td)\b[^>]*>"
_TABLE_GAP = re.compile(rf"({_TABLE_TAG})\s+(?=<)|(>)\s+(?={_TABLE_TAG})")


def layout_normalised(html: str) -> str:
    parts = _VERBATIM.split(html)
    out = []
    # split() yields text, whole verbatim element, its tag name, text, ...
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_TABLE_GAP.sub(r"\1\2", _BROKEN_RUN.sub("\n", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def compare(before: Path, after: Path) -> tuple[list[str], list[str], list[str]]:
    names = sorted(
        {p.relative_to(before).as_posix() for p in before.rglob("*") if p.is_file()}
        | {p.relative_to(after).as_posix() for p in after.rglob("*") if p.is_file()}
    )
    same, layout, different = [], [], []
    for name in names:
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            different.append(f"{name} (only in {'after' if b.is_file() else 'before'})")
            continue
        old, new = a.read_bytes(), b.read_bytes()
        if old == new:
            same.append(name)
        elif name.endswith((".html", ".htm")) and layout_normalised(
            old.decode("utf-8")
        ) == layout_normalised(new.decode("utf-8")):
            layout.append(name)
        else:
            different.append(name)
    return same, layout, different


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    same, layout, different = compare(Path(sys.argv[1]), Path(sys.argv[2]))
    for name in layout:
        print(f"layout whitespace only: {name}")
    for name in different:
        print(f"DIFFERENT: {name}")
    print(
        f"{len(same)} files byte-identical, {len(layout)} equal up to layout whitespace, "
        f"{len(different)} different"
    )
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
