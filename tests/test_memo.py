"""Conversions kept from one build to the next (generator/memo.py): a kept result is used
only under the same code and libraries, a damaged memo is ignored, and a memo keeps only
what the last build used."""

from __future__ import annotations

import os

from generator import memo


def _build(folder, salt, keys):
    """One 'build': open the memo, ask for each key, save; the keys computed afresh."""
    kept = memo.Memo("test")
    kept.open(folder, salt)
    computed = []

    def compute(key):
        computed.append(key)
        return f"result of {key}"

    results = [kept.get(memo.Memo.key(k), lambda k=k: compute(k)) for k in keys]
    kept.save(salt)
    assert results == [f"result of {k}" for k in keys]
    return computed


def test_the_next_build_reuses_what_the_last_one_computed(tmp_path):
    assert _build(tmp_path, "salt-1", ["a", "b"]) == ["a", "b"]
    assert _build(tmp_path, "salt-1", ["a", "b", "c"]) == ["c"]


def test_other_code_or_libraries_start_an_empty_memo(tmp_path):
    _build(tmp_path, "salt-1", ["a"])
    assert _build(tmp_path, "salt-2", ["a"]) == ["a"]


def test_only_what_the_last_build_used_is_kept(tmp_path):
    _build(tmp_path, "salt-1", ["a", "b"])
    _build(tmp_path, "salt-1", ["b"])
    assert _build(tmp_path, "salt-1", ["a", "b"]) == ["a"]


def test_a_damaged_memo_is_ignored(tmp_path):
    _build(tmp_path, "salt-1", ["a"])
    damaged = '{"salt": "salt-1", "entries": [1, 2'
    (tmp_path / "test.salt-1.json").write_text(damaged, encoding="utf-8")
    assert _build(tmp_path, "salt-1", ["a"]) == ["a"]


def test_the_salt_changes_with_the_generator_source(tmp_path, monkeypatch):
    before = memo._salt_of_sources()
    fake = tmp_path / "generator"
    fake.mkdir()
    for source in memo._PACKAGE.glob("*.py"):
        (fake / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(memo, "_PACKAGE", fake)
    assert memo._salt_of_sources() == before
    (fake / "prose.py").write_text("# edited\n", encoding="utf-8")
    assert memo._salt_of_sources() != before


def test_two_checkouts_keep_a_memo_each_and_old_ones_go(tmp_path):
    _build(tmp_path, "checkout-a", ["a"])
    _build(tmp_path, "checkout-b", ["a"])
    assert _build(tmp_path, "checkout-a", ["a"]) == []  # b did not replace a's memo
    for n in range(memo.KEPT_SALTS + 2):
        _build(tmp_path, f"edit-{n}", ["a"])
    assert len(list(tmp_path.glob("test.*.json"))) == memo.KEPT_SALTS


def test_a_serve_process_rereads_and_rewrites_its_memo_only_when_needed(tmp_path):
    serving = memo.Memo("test")  # one object for every build of the process

    def build(keys):
        serving.open(tmp_path, "salt-1")
        computed = []
        for key in keys:
            serving.get(
                memo.Memo.key(key), lambda key=key: computed.append(key) or f"result of {key}"
            )
        serving.save("salt-1")
        return computed

    assert build(["a", "b"]) == ["a", "b"]
    file = tmp_path / "test.salt-1.json"
    os.utime(file, ns=(10**18, 10**18))  # so that a rewrite shows
    assert build(["a", "b"]) == []
    assert file.stat().st_mtime_ns == 10**18  # the same entries: not written again
    assert _build(tmp_path, "salt-1", ["a", "c"]) == ["c"]  # another process writes it
    assert build(["a", "c"]) == []  # read again: "c" is found
    assert file.stat().st_mtime_ns != 10**18
