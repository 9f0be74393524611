"""The loaded site: every record, validated, and the questions pages ask of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.clients import ClientsFile
from generator.meanings import is_shared
from generator.model import (
    CodeClass,
    CodeRecord,
    Comparison,
    Framework,
    Guide,
    HeaderRecord,
    OtherNumber,
    Product,
    SnippetFile,
)
from generator.problems import Source


@dataclass
class Site:
    """Everything the pages are made from, loaded and validated."""

    codes: dict[int, CodeRecord]
    classes: dict[int, CodeClass]
    comparisons: dict[str, Comparison]
    guide: Guide | None = None
    # How clients react to codes (data/clients.yaml).
    clients: ClientsFile | None = None
    # Header fields, by lower-case name (the file stem): "retry-after".
    headers: dict[str, HeaderRecord] = field(default_factory=dict)
    # Numbers outside 100-599, by file stem ("status-0"), and the products that send codes.
    others: dict[str, OtherNumber] = field(default_factory=dict)
    products: list[Product] = field(default_factory=list)
    # "Send it from your framework": data/frameworks/<id>.yaml and data/snippets.yaml.
    frameworks: dict[str, Framework] = field(default_factory=dict)
    snippets: SnippetFile | None = None
    # Last change of each data file (relative path -> YYYY-MM-DD), from the build's history.
    modified: dict[str, str] = field(default_factory=dict)
    # Where each loaded thing came from, for located problems: ("code", 404),
    # ("comparison", "401-vs-403"), ("header", "retry-after"), ("classes",), ("guide",).
    sources: dict[tuple, Source] = field(default_factory=dict, repr=False)
    # Codes whose file exists but did not validate: their own problems are reported, so
    # links to them are not reported again as "has no record".
    unloadable: set[int] = field(default_factory=set, repr=False)

    def knows(self, code: int) -> bool:
        return code in self.codes or code in self.unloadable

    def in_class(self, digit: int) -> list[CodeRecord]:
        """Codes of one class: registered first, then unofficial, each by number."""
        records = [r for r in self.codes.values() if r.class_digit == digit]
        return sorted(records, key=lambda r: (not r.registered, r.code))

    def codes_for_number(self, digits: str) -> list[int]:
        """The codes a typed number names (the same rule as codesForNumber in site.js):
        a full code names itself; one or two digits name the codes they begin; three
        digits that are no code name the codes sharing the first two; more than three
        digits are read as their first three."""
        digits = digits[:3]
        if not (digits.isascii() and digits.isdigit()):
            return []
        if len(digits) == 3:
            if int(digits) in self.codes:
                return [int(digits)]
            digits = digits[:2]
        return [code for code in sorted(self.codes) if str(code).startswith(digits)]

    def modified_on(self, code: int) -> str | None:
        return self.modified.get(f"codes/{code}.yaml")

    def page_sources(self) -> set[str]:
        """The generated pages other than code pages that text may link to."""
        pages = {"index.md", "codes.md", "api.md"}
        pages |= {f"{digit}xx.md" for digit in self.classes}
        if self.guide is not None:
            pages.add("guide.md")
        if self.comparisons:
            pages |= {"compare/index.md", *(f"compare/{slug}.md" for slug in self.comparisons)}
        if any(is_shared(record) for record in self.codes.values()):
            pages.add("shared-numbers.md")
        if self.others:
            pages |= {"other/index.md", *(f"other/{slug}.md" for slug in self.others)}
        if self.products:
            pages.add("vendors.md")
        if self.headers:
            pages |= {"headers/index.md", "headers/status-matrix.md"}
            pages |= {f"headers/{slug}.md" for slug in self.headers}
        return pages

    def comparisons_for(self, code: int) -> list[tuple[str, Comparison]]:
        return [(slug, c) for slug, c in sorted(self.comparisons.items()) if code in c.codes]
