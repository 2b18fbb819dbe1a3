"""kbdesk: a desktop knowledge base and canned-response manager for support teams."""

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is read from the package metadata on first use: most commands never ask,
    # and reading it costs a tenth of the command line's start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("kbdesk")
        except PackageNotFoundError:  # running from a checkout that was never installed
            found = "0.0.0+unknown"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module 'kbdesk' has no attribute {name!r}")
