"""Kept for `python -m tests.cbs_replay` (README, benchmarks): the replay server lives in tests/replay.py."""
from tests.replay import CbsV4 as Replay  # noqa: F401
from tests.replay import main

if __name__ == "__main__":
    main()
