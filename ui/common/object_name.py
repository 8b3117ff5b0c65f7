"""Naming a widget where it is built: the style sheets and the tests find widgets by their object name.

PySide6 accepts ``objectName=`` in any constructor, but its type stubs list only a class's own properties,
not those it inherits from QObject, so ``QLabel(text, objectName="muted")`` runs and fails type checking.
``named(QLabel(text), "muted")`` sets the same property right after construction and keeps the type.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Object = TypeVar("_Object", bound=QObject)


def named(obj: _Object, name: str) -> _Object:
    """Set ``obj``'s object name and hand ``obj`` back, so it can be named inside an expression."""
    obj.setObjectName(name)
    return obj
