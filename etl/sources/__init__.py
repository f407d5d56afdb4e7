"""Fetching code: a source fetches and writes immutable raw snapshots, nothing else."""
