"""Table models of the piece-rate panel: one row per teller (and the branch total), and one teller's visits."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from queueing.core.counters import PauseReason
from queueing.records.visits import QualityKind, VisitRecord
from queueing.reports.piece_rate_report import PieceRateReport
from ui.common.branch_time import branch_stamp
from ui.common.counter_name import counter_phrase
from ui.common.row_table_model import RowTableModel
from ui.common.strings import pause_reason_text, visit_outcome_text
from ui.reports.piece_rate_texts import column_headers, total_label

HOUR = 3600.0
Index = QModelIndex | QPersistentModelIndex
_DECIMALS = {"int": 0, "units": 1, "ratio": 2, "rating": 2, "money": 2, "hours": 1, "minutes": 1}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_value(value: Any, kind: str, locale: QLocale | None = None) -> str:
    """A figure as the table shows it, in the current locale; '–' for a figure that does not exist."""
    if value is None:
        return "–"
    if kind == "text":
        return str(value)
    locale = locale or QLocale()
    if kind == "percent":
        return locale.toString(float(value) * 100, "f", 1) + "%"
    return locale.toString(float(value), "f", _DECIMALS.get(kind, 2))


# (header key of ui.reports.piece_rate_texts, kind, value from a TellerRow-like record)
TELLER_COLUMNS: tuple[tuple[str, str, Callable[[Any], Any]], ...] = (
    ("rank", "int", lambda r: r.rank),
    ("name", "text", lambda r: r.name),
    ("visits", "int", lambda r: r.output.visits),
    ("standard_units", "units", lambda r: r.output.standard_units),
    ("units_per_hour", "units", lambda r: r.output.units_per_serving_hour),
    ("service_ratio", "ratio", lambda r: r.output.service_ratio),
    ("overrun_share", "percent", lambda r: r.output.overrun_share),
    ("avg_rating", "rating", lambda r: r.output.avg_rating),
    ("errors_minor", "int", lambda r: r.output.errors_minor),
    ("errors_major", "int", lambda r: r.output.errors_major),
    ("complaints", "int", lambda r: r.output.complaints),
    ("cross_sell", "int", lambda r: r.output.cross_sell_accepted),
    ("short_pending", "int", lambda r: r.output.short_pending),
    ("signed_in_h", "hours", lambda r: r.signed_in_s / HOUR),
    ("serving_h", "hours", lambda r: r.serving_s / HOUR),
    ("paused_h", "hours", lambda r: r.paused_s / HOUR),
    ("idle_h", "hours", lambda r: r.idle_s / HOUR),
    ("net_units", "units", lambda r: r.net_units),
    ("pay", "money", lambda r: r.pay),
)


@dataclass(frozen=True)
class _Line:
    """A teller row or the branch total, with the fields the columns read."""

    rank: int | None
    teller: str
    name: str
    output: Any
    net_units: float
    pay: float
    signed_in_s: float
    paused_s: float
    idle_s: float
    paused_by_reason: tuple[tuple[str, float], ...] = ()

    @property
    def serving_s(self) -> float:
        return self.output.serving_s


def _pause_reasons(line: _Line) -> str:
    """The tooltip of the paused cell: hours per reason."""
    parts = []
    for reason, seconds in line.paused_by_reason:
        try:
            name = pause_reason_text(PauseReason(reason))
        except ValueError:
            name = reason
        parts.append(f"{name}: {format_value(seconds / HOUR, 'hours')}")
    return "\n".join(parts)


class TellerTableModel(RowTableModel):
    """Rows: the tellers in rank order, then the branch total (bold)."""

    @property
    def lines(self) -> tuple[_Line, ...]:
        return self.rows

    def set_report(self, report: PieceRateReport | None) -> None:
        lines: list[_Line] = []
        if report is not None:
            for row in report.rows:
                time, evaluation = row.time, row.evaluation
                lines.append(_Line(row.rank, row.teller, row.name, row.output, evaluation.net_units,
                                        evaluation.pay, time.signed_in_s, time.paused_s, time.idle_s,
                                        time.paused_by_reason))  # fmt: skip
            t = report.totals
            lines.append(_Line(None, "", total_label(), t.output, t.net_units, t.pay, t.signed_in_s,
                               t.paused_s, t.idle_s))  # fmt: skip
        self.set_rows(tuple(lines))

    def teller_at(self, row: int) -> str | None:
        """The teller id of ``row``; None for the total row."""
        return self.lines[row].teller or None if 0 <= row < len(self.lines) else None

    def headers(self) -> tuple[str, ...]:
        titles = column_headers()
        return tuple(titles[key] for key, _kind, _value in TELLER_COLUMNS)

    def cells(self, line: _Line) -> tuple[str, ...]:
        return tuple(self.cell(line, column) for column in range(len(TELLER_COLUMNS)))

    def cell(self, line: _Line, column: int) -> str:
        _key, kind, value = TELLER_COLUMNS[column]
        shown = value(line)
        return format_value(shown, kind) if shown is not None or kind != "text" else ""

    def cell_data(self, line: _Line, column: int, role: int) -> Any:
        _key, kind, value = TELLER_COLUMNS[column]
        if role == Qt.ItemDataRole.UserRole:
            return value(line)
        if role == Qt.ItemDataRole.ToolTipRole and _key == "paused_h":
            return _pause_reasons(line) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "text":
            return int(_RIGHT)
        if role == Qt.ItemDataRole.FontRole and line.rank is None:
            font = QFont()
            font.setBold(True)
            return font
        return None


# (header, kind, value from a VisitRecord)
VISIT_COLUMNS: tuple[tuple[Callable[[], str], str, Callable[[VisitRecord], Any]], ...] = (
    (lambda: QCoreApplication.translate("PieceRatePanel", "Ticket"), "text", lambda v: v.number),
    (
        lambda: QCoreApplication.translate("PieceRatePanel", "Finished"),
        "instant",  # shown in the zone of the branch the visits are of (VisitsTableModel.zone)
        lambda v: v.finished_at,
    ),
    # "counter": the id, named by the model's counter names (a visit does not carry its counter's name).
    (lambda: QCoreApplication.translate("PieceRatePanel", "Counter"), "counter", lambda v: v.counter_id),
    (lambda: QCoreApplication.translate("PieceRatePanel", "Service min"), "minutes", lambda v: v.service_s / 60),
    (lambda: QCoreApplication.translate("PieceRatePanel", "Standard min"), "minutes", lambda v: v.standard_s / 60),
    (lambda: QCoreApplication.translate("PieceRatePanel", "Units"), "units", lambda v: v.units),
    (lambda: QCoreApplication.translate("PieceRatePanel", "Rating"), "int", lambda v: v.rating),
    (
        lambda: QCoreApplication.translate("PieceRatePanel", "Errors"),
        "int",
        lambda v: v.count(QualityKind.ERROR_MINOR) + v.count(QualityKind.ERROR_MAJOR),
    ),
    (
        lambda: QCoreApplication.translate("PieceRatePanel", "Complaints"),
        "int",
        lambda v: v.count(QualityKind.COMPLAINT),
    ),
    (lambda: QCoreApplication.translate("PieceRatePanel", "Corrected"), "int", lambda v: len(v.corrections)),
    (lambda: QCoreApplication.translate("PieceRatePanel", "Outcome"), "text", lambda v: visit_outcome_text(v.outcome)),
)


_LEFT_KINDS = ("text", "counter", "instant")


class VisitsTableModel(RowTableModel):
    """One teller's visits in the period, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter_names: dict[str, str] = {}
        self.zone: ZoneInfo | None = None

    def set_visits(
        self, visits: Sequence[VisitRecord], counter_names: Mapping[str, str] | None = None, timezone: str | None = None
    ) -> None:
        """``counter_names``: the branch's counters, id -> name (an id it does not name is shown as the id);
        ``timezone``: the visits' branch's, when it is not the one this process serves (head office reading
        another branch: its visits' hours are that branch's, as the days they were counted on are)."""
        self.counter_names = dict(counter_names or {})
        self.zone = ZoneInfo(timezone) if timezone else None
        self.set_rows(tuple(sorted(visits, key=lambda v: v.finished_at, reverse=True)))

    def visit_at(self, row: int) -> VisitRecord | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def headers(self) -> tuple[str, ...]:
        return tuple(header() for header, _kind, _value in VISIT_COLUMNS)

    def cells(self, visit: VisitRecord) -> tuple[str, ...]:
        return tuple(self.cell(visit, column) for column in range(len(VISIT_COLUMNS)))

    def cell(self, visit: VisitRecord, column: int) -> str:
        _header, kind, value = VISIT_COLUMNS[column]
        if kind == "counter":
            return counter_phrase(value(visit), self.counter_names, alone=True)
        if kind == "instant":
            return branch_stamp(value(visit), zone=self.zone)
        return format_value(value(visit), kind)

    def cell_data(self, visit: VisitRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and VISIT_COLUMNS[column][1] not in _LEFT_KINDS:
            return int(_RIGHT)
        return None


def names_of(report: PieceRateReport | None) -> Mapping[str, str]:
    return {row.teller: row.name for row in report.rows} if report else {}
