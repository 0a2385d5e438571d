"""The staging folder and its lock (werkboek/publish/swap.py): one build at a time per site folder, the site replaced
only by a finished folder, leftovers of a killed build never published and cleaned up by the next build."""
from __future__ import annotations

import os
import threading
import time

import pytest

import werkboek.publish.swap as site_swap
from werkboek.publish.swap import MARKER, SiteBusy, abandon, claim, lock_path, publish


def _site(folder, text="oud"):
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")


def _finish(staging, text="nieuw"):
    (staging.temp / "index.html").write_text(text, encoding="utf-8")


def test_a_finished_build_replaces_the_site_and_leaves_nothing_behind(tmp_path):
    final = tmp_path / "site"
    _site(final)
    staging = claim(final, wait=0)
    assert (staging.temp / MARKER).is_file(), "an unfinished staging folder says so"
    assert (final / "index.html").read_text() == "oud", "the site stays in place while building"
    _finish(staging)
    publish(staging)
    assert (final / "index.html").read_text() == "nieuw"
    assert not (final / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", lock_path(final).name]
    abandon(claim(final, wait=0))  # the lock was released


def test_without_an_atomic_exchange_the_swap_still_ends_with_the_new_site(tmp_path, monkeypatch):
    monkeypatch.setattr(site_swap, "_exchange", lambda a, b: False)
    final = tmp_path / "site"
    _site(final)
    staging = claim(final, wait=0)
    _finish(staging)
    publish(staging)
    assert (final / "index.html").read_text() == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", lock_path(final).name]


def test_a_failed_build_keeps_the_site(tmp_path):
    final = tmp_path / "site"
    _site(final)
    staging = claim(final, wait=0)
    _finish(staging)
    abandon(staging)
    assert (final / "index.html").read_text() == "oud"
    assert not staging.temp.exists()


def test_a_second_build_waits_for_the_first(tmp_path):
    final = tmp_path / "site"
    first = claim(final, wait=0)
    waited = []
    order = []

    def second():
        staging = claim(final, wait=30, on_wait=lambda: waited.append(True))
        order.append("tweede")
        _finish(staging, "tweede")
        publish(staging)

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.5)
    assert waited == [True] and order == [], "the second build must wait, and say so once"
    _finish(first, "eerste")
    order.append("eerste")
    publish(first)
    thread.join(30)
    assert order == ["eerste", "tweede"]
    assert (final / "index.html").read_text() == "tweede"


def test_a_build_that_waited_too_long_fails_without_touching_anything(tmp_path):
    final = tmp_path / "site"
    _site(final)
    first = claim(final, wait=0)
    _finish(first)
    with pytest.raises(SiteBusy):
        claim(final, wait=0.3)
    assert (first.temp / "index.html").is_file(), "the waiting build must not touch the running build's folder"
    publish(first)
    assert (final / "index.html").read_text() == "nieuw"


def test_leftovers_of_a_killed_build_are_never_published_and_cleaned_up(tmp_path):
    final = tmp_path / "site"
    _site(final)
    killed = claim(final, wait=0)
    (killed.temp / "half.html").write_text("half", encoding="utf-8")
    os.close(killed.lock_fd)  # the process died: the OS drops its lock, the folder stays
    assert (killed.temp / MARKER).is_file()
    staging = claim(final, wait=0)
    assert not (staging.temp / "half.html").exists(), "the next build starts from an empty staging folder"
    _finish(staging)
    publish(staging)
    assert (final / "index.html").read_text() == "nieuw"


def test_a_folder_this_build_did_not_make_is_not_published(tmp_path):
    final = tmp_path / "site"
    _site(final)
    staging = claim(final, wait=0)
    (staging.temp / MARKER).unlink()  # e.g. another program emptied and refilled it
    _finish(staging)
    with pytest.raises(RuntimeError, match="niet vervangen"):
        publish(staging)
    assert (final / "index.html").read_text() == "oud"
    staging = claim(final, wait=0)  # the lock was released
    abandon(staging)


def test_a_site_left_aside_by_a_build_killed_mid_swap_is_put_back(tmp_path):
    final = tmp_path / "site"
    _site(final.with_name("site.oud"))  # killed between the two renames of the fallback swap
    abandon(claim(final, wait=0))
    assert (final / "index.html").read_text() == "oud"
    assert not final.with_name("site.oud").exists()


def test_a_site_written_elsewhere_is_adopted_and_swapped_in(tmp_path):
    """`python -m werkboek afronden PAGES --naar SITE`: the written folder becomes the staging folder."""
    final, written = tmp_path / "site", tmp_path / "paginas"
    _site(final)
    _site(written, "nieuw")
    staging = site_swap.adopt(final, written, wait=0)
    assert staging.temp == written and (written / MARKER).is_file()
    with pytest.raises(SiteBusy):
        claim(final, wait=0)  # one build at a time, also from the command line
    publish(staging)
    assert (final / "index.html").read_text() == "nieuw" and not (final / MARKER).exists()
    assert not written.exists() and not final.with_name("site.bouwen").exists()


def test_a_failed_adopted_build_leaves_the_site_and_marks_the_folder(tmp_path):
    final, written = tmp_path / "site", tmp_path / "paginas"
    _site(final)
    _site(written, "half")
    staging = site_swap.adopt(final, written, wait=0)
    site_swap.release(staging)  # what werkboek/publish/finish.py does when a step fails
    assert (final / "index.html").read_text() == "oud"
    assert (written / MARKER).is_file(), "the unfinished folder says it must not be published"
    abandon(claim(final, wait=0))  # the lock was released
