class CbsFetchError(Exception):
    """A fetch that failed for good; the message is Dutch and names the table and the cause."""
