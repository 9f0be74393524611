"""Small, targeted changes to the HTML that Markdown produced for our own templates."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(r'(<div class="comparison"[^>]*>)(.*?)(</table>)', re.DOTALL)
_TH = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_TD = re.compile(r"<td(?=[\s>])")
_TAGS = re.compile(r"<[^>]+>")


def label_comparison_cells(page_html: str) -> str:
    """Give each cell of a comparison table its column name (``data-label``).

    On a phone the stylesheet turns each row into a card and shows the label beside each
    value, so five columns never need a page-wide horizontal scroll.
    """

    def label_block(match: re.Match[str]) -> str:
        start, table, end = match.groups()
        labels = [
            html.escape(html.unescape(_TAGS.sub("", th)).strip(), quote=True)
            for th in _TH.findall(table)
        ]

        def label_row(row: re.Match[str]) -> str:
            cells = iter(labels)
            inner = _TD.sub(lambda _: f'<td data-label="{next(cells, "")}"', row.group(1))
            return f"<tr>{inner}</tr>"

        return start + _ROW.sub(label_row, table) + end

    return _BLOCK.sub(label_block, page_html)
