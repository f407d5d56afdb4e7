"""Errors every source raises; refresh catches `FetchError` and keeps the previous snapshot."""


class FetchError(Exception):
    """A fetch that failed for good; the message is Dutch and names the dataset and the cause."""


class CbsFetchError(FetchError):
    """A CBS table that could not be fetched (or was refused: schema drift); names the table and the cause."""
