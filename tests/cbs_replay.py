"""Kept for `python -m tests.cbs_replay` (README, benchmarks): the replay server lives in tests/replay.py."""
from tests.replay import CbsV4 as Replay, main, start  # noqa: F401

if __name__ == "__main__":
    main()
