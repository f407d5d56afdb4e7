"""dashboard.kern.geheugen.eenmalig: a room of sessions missing the same key computes it once."""
from __future__ import annotations

import threading
import time

from dashboard.kern.geheugen import eenmalig


def _samen(n: int, fn, *args) -> list:
    """Call fn(*args) from n threads released at the same moment; their results in order."""
    start = threading.Barrier(n)
    uit: list = [None] * n

    def een(i: int) -> None:
        start.wait()
        uit[i] = fn(*args)

    threads = [threading.Thread(target=een, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return uit


def test_many_threads_missing_one_key_compute_it_once_and_share_the_result():
    aanroepen = []

    @eenmalig(maxsize=8)
    def traag(x):
        aanroepen.append(x)
        time.sleep(0.2)
        return object()

    uit = _samen(12, traag, "a")
    assert aanroepen == ["a"]
    assert all(u is uit[0] for u in uit)
    assert traag.cache_info().hits == 11


def test_different_keys_are_computed_side_by_side_not_one_after_another():
    bezig, max_bezig = [0], [0]
    slot = threading.Lock()

    @eenmalig(maxsize=8)
    def traag(x):
        with slot:
            bezig[0] += 1
            max_bezig[0] = max(max_bezig[0], bezig[0])
        time.sleep(0.2)
        with slot:
            bezig[0] -= 1
        return x

    start = threading.Barrier(4)

    def een(i):
        start.wait()
        traag(i)

    threads = [threading.Thread(target=een, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert max_bezig[0] == 4


def test_an_exception_is_not_cached_and_frees_the_key():
    pogingen = []

    @eenmalig(maxsize=8)
    def wisselend(x):
        pogingen.append(x)
        if len(pogingen) == 1:
            raise RuntimeError("eerste keer mis")
        return len(pogingen)

    try:
        wisselend(1)
    except RuntimeError:
        pass
    assert wisselend(1) == 2 and wisselend(1) == 2
    wisselend.cache_clear()
    assert wisselend(1) == 3
