"""Conversions kept from one build to the next (generator/memo.py): a kept result is used
only under the same code and libraries, a damaged memo is ignored, and a memo keeps only
what the last build used."""

from __future__ import annotations

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
    (tmp_path / "test.json").write_text('{"salt": "salt-1", "entries": [1, 2', encoding="utf-8")
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
