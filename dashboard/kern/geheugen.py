"""functools.lru_cache that computes a missing value once when many sessions ask for it at the same moment.

After a refresh every cache key is new. When a room of viewers opens the dashboard together, each session
thread misses the same keys at once, and plain lru_cache lets every one of them compute the same query and
figure (30 viewers: 30 times the work, while they all wait). Here the first thread computes and the others
wait for its result; different keys are still computed side by side. A hit costs two short lock holds."""
from __future__ import annotations

import threading
from functools import lru_cache, wraps


def eenmalig(maxsize: int = 128):
    """Decorator: lru_cache(maxsize) with one computation per key at a time (the others wait and hit)."""
    def decorator(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        bezig: dict = {}               # key -> [lock, number of threads using it]
        slot = threading.Lock()

        @wraps(fn)
        def wrapper(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
            with slot:
                item = bezig.get(key)
                if item is None:
                    item = bezig[key] = [threading.Lock(), 0]
                item[1] += 1
            try:
                with item[0]:
                    return cached(*args, **kwargs)
            finally:
                with slot:
                    item[1] -= 1
                    if not item[1]:
                        del bezig[key]

        wrapper.cache_clear = cached.cache_clear
        wrapper.cache_info = cached.cache_info
        return wrapper
    return decorator
