"""While serving, the watched folders are polled every 0.1 s instead of 0.5 s; whatever
MkDocs watched before is still watched. (tests/test_serve.py sees edits reach the page.)"""

from __future__ import annotations

from mkdocs.livereload import LiveReloadServer

from generator.servewatch import POLL_SECONDS, faster_polling


def _server(tmp_path, *watched):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    for path in watched:
        server.watch(str(path))
    return server


def _watched(server) -> set[str]:
    return {emitter.watch.raw_path for emitter in server.observer.emitters}


def test_the_docs_folder_and_config_are_polled_more_often(tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config.write_text("site_name: x\n", encoding="utf-8")
    server = _server(tmp_path, docs, config)
    before = _watched(server)
    assert server.observer.timeout == 0.5  # MkDocs' own interval
    faster_polling(server, [str(docs), str(config)])
    assert server.observer.timeout == POLL_SECONDS == 0.1
    assert _watched(server) == before
    extra = tmp_path / "data"
    extra.mkdir()
    server.watch(str(extra))  # as MkDocs adds mkdocs.yml's `watch` paths afterwards
    assert _watched(server) == before | {str(extra)}
    assert all(emitter.timeout == POLL_SECONDS for emitter in server.observer.emitters)


def test_a_server_watching_anything_else_is_left_as_it_is(tmp_path):
    docs, theme = tmp_path / "docs", tmp_path / "theme"
    docs.mkdir()
    theme.mkdir()
    server = _server(tmp_path, docs, theme)  # as with --watch-theme
    observer = server.observer
    faster_polling(server, [str(docs), None])
    assert server.observer is observer and observer.timeout == 0.5
