"""Results kept by the identity of their arguments, for functions of frozen records.

A serve rebuild keeps the objects of the data files that did not change
(generator.incremental), so a function of such objects gives the same result as long as it
is handed the same objects: ``by_identity`` keeps that result. The arguments are held (an
id is only unique while its object lives) and compared with ``is``, never with ``==``,
which would walk every field of a record. Strings and numbers are compared by value.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")
_VALUES = (str, int, float, bool, type(None))


def by_identity(function: Callable[..., Result]) -> Callable[..., Result]:
    kept: dict[tuple[object, ...], tuple[tuple[object, ...], Result]] = {}

    @functools.wraps(function)
    def wrapper(*arguments: object) -> Result:
        key = tuple(a if isinstance(a, _VALUES) else id(a) for a in arguments)
        found = kept.get(key)
        if found is not None and all(
            a is b or isinstance(a, _VALUES) for a, b in zip(found[0], arguments, strict=True)
        ):
            return found[1]
        result = function(*arguments)
        kept[key] = (arguments, result)
        return result

    return wrapper
