"""The profile panel: the served customer's masked profile and up to two cross-sell prompts with outcome buttons."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from queueing.customers.profiles import AgeBand
from ui.common.object_name import named
from ui.common.plain_label import plain_label
from ui.common.shown_text import shown_text
from ui.common.style import ALERT, WARN
from ui.station.window_context import WindowContext

if TYPE_CHECKING:  # queueing.customers.profile_view pulls in rule_engine; the panel only reads the frozen view
    from queueing.crosssell.screen import Prompt
    from queueing.customers.profile_view import ProfileView

# The outcomes (queueing.crosssell.rules.Outcome values) a teller records from the panel, in button order.
PANEL_OUTCOMES = ("accepted", "interested", "declined", "not_offered")


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # deleteLater waits for the event loop; hidden it cannot linger on screen
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _flat(text: str, limit: int = 160) -> str:
    """A note as one escaped line: markup in a note is shown, not rendered, and a direction mark acts on nothing."""
    return html.escape(shown_text(" ".join(text.split()), limit))


def _escaped(text: str) -> str:
    """A field of the customer's for a label that renders markup: escaped, and shown_text's one line."""
    return html.escape(shown_text(text, None))


class PromptCard(QFrame):
    sig_outcome = Signal(object, str)
    """The teller recorded an outcome: carries (Prompt, Outcome value)."""

    def __init__(
        self, prompt: Prompt, language: str, done: str | None, labels: dict[str, str], keys: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("promptCard")
        self.setStyleSheet("#promptCard { background: #f3f8f1; border: 1px solid #cfe3c8; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        reason = QLabel(f"<b>{_escaped(prompt.reason(language))}</b>", wordWrap=True)
        script = named(plain_label(shown_text(prompt.script(language), None), word_wrap=True), "muted")
        layout.addWidget(reason)
        layout.addWidget(script)
        row = QHBoxLayout()
        if done:
            row.addWidget(named(QLabel(f"✓ {done}"), "muted"))
        else:
            for index, outcome in enumerate(PANEL_OUTCOMES, start=1):
                button = QPushButton(labels[outcome])
                button.setObjectName(f"outcome_{outcome}")
                if keys:  # the first open prompt answers to Alt+1..4 (ui/station/actions.py)
                    key = QKeySequence(f"Alt+{index}").toString(QKeySequence.SequenceFormat.NativeText)
                    button.setText(f"{labels[outcome]}  {key}")
                button.clicked.connect(lambda _=False, o=outcome: self.sig_outcome.emit(prompt, o))
                row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)


class ProfilePanel(QFrame):
    sig_outcome = Signal(object, str)
    """An outcome button was pressed: carries (Prompt, Outcome value)."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.ctx = ctx
        self.profile: ProfileView | None = None
        self.recorded: dict[str, str] = {}  # rule code -> outcome recorded this visit
        self.pending: set[str] = set()  # rule codes whose outcome is on its way to the store
        self.title = named(QLabel(), "cardTitle")
        # The body scrolls: identity, notes and two suggestions need more height than a 768-pixel screen leaves
        # under the counter panel, and the window must not grow past the screen for them.
        content = named(QWidget(), "profileBody")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body_scroll = named(QScrollArea(), "profileScroll")
        self.body_scroll.setWidget(content)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # texts wrap instead
        # The card's own background shows through: a scroll area's viewport paints the window's grey.
        self.body_scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.body_scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("CUSTOMER"))
        self.show_profile(self.profile, self.recorded)

    def _labels(self) -> dict[str, str]:
        return {
            "accepted": self.tr("Accepted"),
            "interested": self.tr("Interested"),
            "declined": self.tr("Declined"),
            "not_offered": self.tr("Not offered"),
        }

    def first_open_prompt(self) -> Prompt | None:
        """The suggestion the Alt+1..4 keys answer: the first shown one without an outcome in this visit."""
        if self.profile is None:
            return None
        answered = self.recorded.keys() | self.pending
        return next((p for p in self.profile.prompts[:2] if p.rule_code not in answered), None)

    def _kind_names(self) -> dict[str, str]:
        """Product kinds (queueing.customers.profiles.ProductKind values) as a teller says them."""
        return {
            "demand_deposit": self.tr("Current account"),
            "time_deposit": self.tr("Time deposit"),
            "wealth_product": self.tr("Wealth product"),
            "fund": self.tr("Fund"),
            "insurance": self.tr("Insurance"),
            "loan": self.tr("Loan"),
            "credit_card": self.tr("Credit card"),
            "mobile_banking": self.tr("Mobile banking"),
        }

    def _age_text(self, band: AgeBand) -> str:
        """An age band as the teller reads it: the bands of figures read alike in every language, the youngest is
        words."""
        if band is AgeBand.UNDER_18:
            return self.tr("under 18", "age band")
        return band

    def show_profile(self, profile: ProfileView | None, recorded: dict[str, str] | None = None) -> None:
        if profile is None or self.profile is None or profile.customer_id != self.profile.customer_id:
            self.pending.clear()
        self.profile = profile
        self.recorded = dict(recorded or {})
        _clear(self.body)
        if profile is None:
            empty = QLabel(self.tr("No customer identified. Press Ctrl+I to look up a card, ID number or phone."))
            empty.setObjectName("muted")
            empty.setWordWrap(True)
            self.body.addWidget(empty)
            self.body.addStretch(1)
            return
        self._identity(profile)
        self._holdings(profile)
        self._notes(profile)
        self._prompts(profile)
        self.body.addStretch(1)

    def _identity(self, p: ProfileView) -> None:
        lang = self.ctx.language
        head = QLabel(
            f"<span style='font-size:16pt; font-weight:600'>{_escaped(p.masked_name)}</span>&nbsp;&nbsp;"
            f"<span style='color:#8a6d1d; font-weight:600'>{_escaped(p.tier_name(lang))}</span>",
            wordWrap=True,  # a long name on one line made the body wider than the panel, the ID number cut off
        )
        self.body.addWidget(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        aum = self.ctx.i18n.format_money(p.aum, p.currency)
        rows = (
            (self.tr("Customer no."), p.customer_no),
            (self.tr("ID number"), p.masked_id),
            (self.tr("Phone"), p.masked_phone),
            (self.tr("Cards"), ", ".join(p.masked_cards) or "—"),
            (self.tr("Assets"), aum),
            (self.tr("Age"), self._age_text(p.age_band)),
        )
        for index, (caption, value) in enumerate(rows):
            grid.addWidget(named(QLabel(caption), "figureCaption"), index // 2, (index % 2) * 2)
            grid.addWidget(plain_label(shown_text(value, None)), index // 2, (index % 2) * 2 + 1)
        self.body.addLayout(grid)
        flags = []
        birthday = self.tr("Birthday this week")
        complaint = self.tr("Open complaint")
        if p.birthday_this_week:
            flags.append(f"<span style='color:{WARN}'>{birthday}</span>")
        if p.open_complaints:
            flags.append(f"<span style='color:{ALERT}'>{complaint}</span>")
        if not p.marketing_consent:
            flags.append(self.tr("No marketing (opted out)"))
        if flags:
            self.body.addWidget(QLabel(" · ".join(flags)))

    def _holdings(self, p: ProfileView) -> None:
        soon = p.maturing_soon
        if not soon:
            return
        kinds = self._kind_names()
        dates = ", ".join(
            f"{kinds.get(str(h.kind), h.product_code)} {self.ctx.i18n.format_date(h.matures_on)}"
            for h in soon
            if h.matures_on is not None
        )
        label = plain_label(self.tr("Maturing soon: %1").replace("%1", shown_text(dates, None)), word_wrap=True)
        label.setStyleSheet(f"color: {WARN};")
        self.body.addWidget(label)

    def _notes(self, p: ProfileView) -> None:
        """Open follow-ups (due date and owner), then the last notes; the text is shown as typed, never as markup."""
        if not p.open_follow_ups and not p.recent_notes:
            return
        self.body.addWidget(named(QLabel(self.tr("NOTES AND FOLLOW-UPS")), "cardTitle"))
        fmt = self.ctx.i18n.format_date
        today = self.ctx.branch.clock.now().astimezone(ZoneInfo(self.ctx.branch.config.timezone)).date()
        for f in p.open_follow_ups:
            if f.next_action_on is None:
                continue  # a follow-up without a date is not open: it is read among the notes
            due = self.tr("Due %1, %2").replace("%1", fmt(f.next_action_on)).replace("%2", _escaped(f.owner))
            color = ALERT if f.next_action_on <= today else WARN
            line = QLabel(f"<span style='color:{color}; font-weight:600'>{due}</span>: {_flat(f.text)}")
            line.setObjectName("openFollowUp")
            line.setWordWrap(True)
            self.body.addWidget(line)
        planned = {f.id for f in p.open_follow_ups}
        for n in p.recent_notes:
            if n.id in planned:
                continue
            who = f"{fmt(n.at)} {_escaped(n.staff_id)}"
            line = QLabel(f"<span style='color:#5b6b7d'>{who}</span> {_flat(n.text)}")
            line.setObjectName("recentNote")
            line.setWordWrap(True)
            self.body.addWidget(line)

    def _prompts(self, p: ProfileView) -> None:
        if not p.prompts:
            return
        self.body.addWidget(named(QLabel(self.tr("SUGGESTIONS")), "cardTitle"))
        labels = self._labels()
        keyed = False
        for prompt in p.prompts[:2]:
            done = self.recorded.get(prompt.rule_code)
            keys = not done and not keyed
            keyed = keyed or keys
            card = PromptCard(prompt, self.ctx.language, labels.get(done) if done else None, labels, keys)
            card.sig_outcome.connect(self.sig_outcome)
            self.body.addWidget(card)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
