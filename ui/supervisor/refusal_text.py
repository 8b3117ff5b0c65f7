"""Why the branch server refused a pushed event, in the supervisor's language (the Sync tab).

Upstream keeps a code with each refused event (models/sync/refusal_codes.py); this module words it. The
database's own English line stays for the tooltip and the log. A row without a code (kept before codes
were) or with one this version does not word says so generically, followed by that line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.sync.refusal_codes import UNSTORABLE_TEXT
from ui.common.shown_text import shown_text

# Each text below is a literal QCoreApplication.translate("RefusalText", ...) call, so that lupdate finds it.
_LINE_SHOWN = 200  # of the database's line, after the generic text


def refusal_text(code: str | None, line: str) -> str:
    """The "Refused because" cell for a refusal with ``code`` and the database's ``line``."""
    if code == UNSTORABLE_TEXT:
        return QCoreApplication.translate(
            "RefusalText", "A text in it holds a character the branch server cannot store"
        )
    if code == "22001":  # string_data_right_truncation
        return QCoreApplication.translate("RefusalText", "A text in it is longer than the branch server allows")
    if code is not None and code.startswith("22"):  # the other data exceptions
        return QCoreApplication.translate("RefusalText", "A value in it is one the branch server cannot take")
    if code is not None and code.startswith("23"):  # integrity constraint violations
        return QCoreApplication.translate(
            "RefusalText", "It breaks a rule of the branch server's data (a value used twice, or one missing)"
        )
    generic = QCoreApplication.translate("RefusalText", "The branch server refused it")
    return f"{generic}: {shown_text(line, _LINE_SHOWN)}" if line.strip() else generic
