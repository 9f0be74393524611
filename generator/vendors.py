"""The vendors index: the codes each product sends, grouped as data/vendors.yaml says,
with every vendor use the file does not name gathered under "Other senders"."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import CodeRecord, OtherNumber, Product, VendorUse
from generator.site import Site

OTHER_SENDERS = "Other senders"


@dataclass
class Group:
    name: str
    product: Product | None
    uses: list[tuple[CodeRecord, VendorUse]] = field(default_factory=list)
    others: list[tuple[str, OtherNumber]] = field(default_factory=list)


def groups(site: Site) -> list[Group]:
    """One group per product, in the file's order, then the vendor uses no product names."""
    found = [Group(product.name, product) for product in site.products]
    owner = {vendor: group for group in found for vendor in group.product.vendors}
    rest = Group(OTHER_SENDERS, None)
    for code in sorted(site.codes):
        record = site.codes[code]
        for use in record.vendors:
            owner.get(use.vendor, rest).uses.append((record, use))
    for group in found:
        group.others = [(slug, site.others[slug]) for slug in group.product.other]
    return [*found, *([rest] if rest.uses else [])]
