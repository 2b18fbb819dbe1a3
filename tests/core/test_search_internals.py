"""Whoosh internals are used for one Whoosh version only, and refused clearly on another."""

from __future__ import annotations

import pytest
import whoosh

from kbdesk.search import whoosh_internals


def test_the_installed_whoosh_is_the_one_the_internals_were_written_for() -> None:
    whoosh_internals.check_version(whoosh.versionstring())  # does not raise
    assert whoosh.versionstring() == whoosh_internals.WHOOSH_VERSION


@pytest.mark.parametrize("found", ["2.7.5", "2.7.3", "3.0.0", "2.7.4.post1", ""])
def test_another_whoosh_version_is_refused_with_a_clear_message(found: str) -> None:
    with pytest.raises(ImportError) as caught:
        whoosh_internals.check_version(found)
    message = str(caught.value)
    assert f"needs Whoosh {whoosh_internals.WHOOSH_VERSION}, found {found}" in message
    assert "pip install" in message


def test_no_other_search_module_reaches_into_whoosh_privates() -> None:
    """Underscore attributes of Whoosh objects and private Whoosh names stay in one module."""
    import ast
    from pathlib import Path

    folder = Path(whoosh_internals.__file__).parent
    offenders = []
    for path in folder.glob("*.py"):
        if path.name == "whoosh_internals.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                internal = (node.module or "").startswith(("whoosh.codec", "whoosh.util",
                                                           "whoosh.filedb"))
                if private or internal:
                    offenders.append(f"{path.name}: from {node.module} import ...")
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")
                    and isinstance(node.value, ast.Attribute | ast.Name)
                    and getattr(node.value, "id", "") != "self"):
                offenders.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert offenders == []
