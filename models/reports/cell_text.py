"""Text in an exported cell: what a spreadsheet would run as a formula is written so that it is shown.

Apart from table_export (which loads openpyxl) so that a CSV-only export, the audit log's, stays light.
"""

from __future__ import annotations

# A spreadsheet runs a cell that starts with one of these as a formula (a tab or CR is dropped before it looks).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def shown_as_text(value: str) -> str:
    """``value`` as a spreadsheet shows it and never evaluates it."""
    return "'" + value if value.startswith(FORMULA_START) else value
