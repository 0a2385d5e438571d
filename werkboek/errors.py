"""The one error for bad input: a data file, a setting or a page text the person who edits it must correct."""


class DataError(Exception):
    """Bad input in a data file. ``str()`` is a message for the person who edits the file."""
