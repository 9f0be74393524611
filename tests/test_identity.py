"""generator/identity.py: a result is reused only for the very same objects (a record a
serve rebuild kept), never for an equal copy made from an edited file."""

from __future__ import annotations

from generator.identity import by_identity


def test_the_same_objects_reuse_the_result_and_a_new_object_does_not():
    calls = []

    @by_identity
    def check(record: dict, stem: str) -> list[str]:
        calls.append(stem)
        return [f"{record['code']} in {stem}"]

    kept = {"code": 404}
    assert check(kept, "404") == ["404 in 404"]
    assert check(kept, "".join(["40", "4"])) == ["404 in 404"]  # an equal string: kept
    assert calls == ["404"]
    edited = {"code": 404}  # equal, but read from the file again: checked again
    assert check(edited, "404") == ["404 in 404"]
    assert calls == ["404", "404"]
