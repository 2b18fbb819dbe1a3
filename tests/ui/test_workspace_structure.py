"""The workspace's shape: parts that keep their privates, and no page spread over mixins.

Each part of the page observes the session and calls the others' public methods; a reach into
another object's `_private` member, or a class made of several bases, would bring back the
page split across files that the session replaced.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent.parent / "kbdesk" / "ui" / "workspace"
MODULES = sorted(PACKAGE.glob("*.py"))


def _tree(module: Path) -> ast.Module:
    return ast.parse(module.read_text(encoding="utf-8"), str(module))


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_no_part_reaches_into_another_objects_privates(module: Path) -> None:
    reaches = [
        f"{module.name}:{node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(_tree(module))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]
    assert reaches == []


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_every_class_has_one_base(module: Path) -> None:
    mixed = [
        f"{module.name}:{node.lineno}: {node.name}"
        for node in ast.walk(_tree(module))
        if isinstance(node, ast.ClassDef) and len(node.bases) > 1
    ]
    assert mixed == []
