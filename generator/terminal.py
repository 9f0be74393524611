"""Text for a terminal: record Markdown as plain wrapped text, colour only where it shows.

Record Markdown is read by the same converter that makes the pages (generator.prose), and
its sanitized HTML is turned into text: link syntax becomes the link's text, code keeps
its characters, lists become bullets, fenced code keeps its lines. Every piece of text
passes through ``clean`` on its way out, so no control character from the data (an
escape sequence, a carriage return, a bidirectional override) can reach the terminal,
whatever the records' own checks let through.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TextIO

from generator import prose

# --------------------------------------------------------------------------- safety

# Unicode categories a terminal may act on rather than print: controls (ESC, CR, BEL...),
# format characters (bidirectional overrides, zero-width joiners), surrogates, and the
# line and paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def clean(text: str) -> str:
    """``text`` without anything a terminal would act on; a line feed stays, a tab
    becomes a space."""
    return "".join(
        " " if ch == "\t" else ch
        for ch in text
        if ch == "\n" or ch == "\t" or unicodedata.category(ch) not in _UNPRINTABLE
    )


# --------------------------------------------------------------------------- Markdown


@dataclass(frozen=True)
class Block:
    """A paragraph (wrapped when printed), a list item at a depth, or preformatted code."""

    kind: str  # "p", "li" or "pre"
    text: str
    depth: int = 0


class _Text(HTMLParser):
    """Sanitized record HTML (generator.prose) to blocks of plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._kind = "p"
        self._depth = 0
        self._in_pre = 0

    def _flush(self) -> None:
        text = "".join(self._parts)
        self._parts = []
        if self._in_pre:
            return
        text = " ".join(text.split())
        if text:
            self.blocks.append(Block(self._kind, text, max(self._depth - 1, 0)))

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "blockquote"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self._depth += 1
        elif tag == "li":
            self._flush()
            self._kind = "li"
        elif tag == "pre":
            self._flush()
            self._in_pre += 1
        elif tag == "br":
            self._parts.append("\n" if self._in_pre else " ")

    def handle_endtag(self, tag):
        if tag == "pre":
            code = "".join(self._parts).rstrip("\n")
            self._parts = []
            self._in_pre -= 1
            if code:
                self.blocks.append(Block("pre", code, self._depth))
        elif tag in ("ul", "ol"):
            self._flush()
            self._depth -= 1
            self._kind = "li" if self._depth else "p"
        elif tag in ("p", "li", "blockquote"):
            self._flush()
            if tag == "li":
                self._kind = "li" if self._depth else "p"

    def handle_data(self, data):
        self._parts.append(data)

    def close(self):
        super().close()
        self._flush()


def blocks(markdown: str) -> list[Block]:
    """Record Markdown as blocks of plain text (links as their text, code as written)."""
    parser = _Text()
    parser.feed(str(prose.render(markdown).html))
    parser.close()
    return parser.blocks


# --------------------------------------------------------------------------- colour

CLASS_COLOURS = {1: "34", 2: "32", 3: "36", 4: "33", 5: "31"}  # blue green cyan yellow red


def colour_wanted(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Colour on a terminal only. NO_COLOR (any value, https://no-color.org/) turns it off,
    FORCE_COLOR turns it on where the output is not a terminal; TERM=dumb turns it off."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def width_for(stream: TextIO) -> int:
    """The terminal's width, between 40 and 100 columns; 80 when it is not a terminal."""
    columns = shutil.get_terminal_size((80, 24)).columns
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()) and "COLUMNS" not in os.environ:
        columns = 80
    return max(40, min(columns, 100))


class Writer:
    """Collects lines of output; styles apply only when colour is on."""

    def __init__(self, *, colour: bool, width: int) -> None:
        self.colour = colour
        self.width = width
        self.lines: list[str] = []

    def style(self, text: str, code: str) -> str:
        text = clean(text)
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text

    def bold(self, text: str) -> str:
        return self.style(text, "1")

    def dim(self, text: str) -> str:
        return self.style(text, "2")

    def line(self, text: str = "") -> None:
        """A line already made of cleaned or styled parts."""
        self.lines.append(text)

    def wrap(self, text: str, indent: str = "", hang: str | None = None) -> None:
        """Plain text, cleaned and wrapped to the width."""
        hang = indent if hang is None else hang
        for paragraph in clean(text).split("\n"):
            self.lines += textwrap.wrap(
                paragraph,
                width=self.width,
                initial_indent=indent,
                subsequent_indent=hang,
                break_long_words=False,
                break_on_hyphens=False,
            ) or [indent.rstrip()]

    def markdown(self, markdown: str, indent: str = "", bullet: str | None = None) -> None:
        """Record Markdown as wrapped text; with ``bullet``, the first line carries it."""
        first = True
        for block in blocks(markdown):
            lead = indent + "  " * block.depth
            if block.kind == "pre":
                for code in clean(block.text).split("\n"):
                    self.lines.append(lead + "    " + code)
                first = False
                continue
            mark = "- " if block.kind == "li" else ""
            if first and bullet is not None:
                self.wrap(mark + block.text, lead + bullet, lead + " " * len(bullet))
            elif first or bullet is None:
                self.wrap(mark + block.text, lead, lead + " " * len(mark))
            else:
                pad = lead + " " * len(bullet)
                self.wrap(mark + block.text, pad, pad + " " * len(mark))
            first = False

    def truncate(self, text: str, room: int) -> str:
        text = clean(text)
        if len(text) <= room:
            return text
        cut = text[: max(room - 1, 0)].rsplit(" ", 1)[0]
        return cut + "…"

    def text(self) -> str:
        return "\n".join(re.sub(r"[ ]+$", "", line) for line in self.lines) + "\n"
