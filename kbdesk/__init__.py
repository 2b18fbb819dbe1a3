"""kbdesk: a desktop knowledge base and canned-response manager for support teams."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kbdesk")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
