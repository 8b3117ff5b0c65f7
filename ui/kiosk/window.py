"""The ticket kiosk: a big button per open service, language buttons, a priority choice, and the printed ticket.

Optional identification by bank card or phone (when the kiosk has a KioskLookup) links the ticket to the
customer and gives VIP tiers the VIP head start. A customer with an appointment today is routed: inside the
arrival window one button checks the appointment in and issues its APPOINTMENT ticket (the wait counts from
the booked time); before or after the window the kiosk says when the appointment is and the customer may take
an ordinary ticket. The kiosk goes back to its first page and its default language after each customer.
An optional spoken guide (ui/kiosk/guide.py) reads each step's question aloud in the kiosk's language.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.branch.facade import BranchFacade
from models.branch.records import CommandResult, QueueSnapshot, TicketView
from models.branch.ticket_once import issue_once, new_ticket_id
from models.customers.kiosk_lookup import KioskIdentity, KioskLookup
from queueing.appointments.rules import Timing
from queueing.core.errors import DomainError
from queueing.core.tickets import PriorityClass
from ui.common.accessibility import describe
from ui.common.fit_label import FitLabel
from ui.common.i18n import LANGUAGES, LanguageManager
from ui.common.live_poller import SILENT_LINK_MS, LivePoller
from ui.common.object_name import named
from ui.common.plain_label import plain_text_labels
from ui.common.runner import Runner
from ui.common.screen_scale import ScaledStyle
from ui.common.shown_text import shown_text
from ui.common.wrap_button import WrapButton
from ui.kiosk.guide import KioskGuide
from ui.kiosk.identify import IDENTIFY_STYLE, IdentifyPage
from ui.kiosk.keypad import KioskKeypad
from ui.kiosk.print_queue import PrintQueue
from ui.kiosk.session import InactivitySession, KioskTimeouts
from ui.kiosk.style import KIOSK_STYLE
from ui.kiosk.ticket_printer import PrinterFailed, PrinterSettings, TicketSlip, print_qt

log = logging.getLogger(__name__)

DESIGN_SIZE = QSize(1366, 900)  # the size the style sheet's point sizes were chosen for
POLL_DEADLINE_S = SILENT_LINK_MS / 1000 + 1.0  # the poll is cut a second after the screen called the link lost
ISSUE_DEADLINE_S = 6.0  # a ticket's command on the branch's server: a busy one answers in well under a second



def wait_minutes(seconds: float) -> int:
    """Minutes shown to a customer: rounded up to the next whole minute, never below one."""
    return max(1, math.ceil(seconds / 60.0))


def check_in_may_stand(exc: Exception) -> bool:
    """Whether a failed check-in may have issued its ticket, or will be let through on a retry: the link or the
    store failed, the answer was lost (``outcome_unknown``) or the ticket is not synced here yet. A refusal by the
    rules (cancelled meanwhile, outside its window) is refused again and the customer takes an ordinary ticket."""
    if not isinstance(exc, DomainError):
        return True
    return exc.code == "outcome_unknown" or exc.details.get("reason") == "not_synced"


class KioskWindow(KioskKeypad, QWidget):
    """The kiosk screen. ``i18n`` switches the language; ``printer`` says where tickets print."""

    sig_ticket_issued = Signal(object)
    """Carries the TicketView of each ticket this kiosk issued."""

    def __init__(
        self,
        service: BranchFacade,
        i18n: LanguageManager,
        printer: PrinterSettings | None = None,
        branch_name: str | None = None,
        poll_ms: int = 500,
        lookup: KioskLookup | None = None,
        timeouts: KioskTimeouts | None = None,
        guide: KioskGuide | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.guide = guide or KioskGuide()
        self.guide.setParent(self)
        self.setObjectName("kiosk")
        self.lookup = lookup
        self.identity: KioskIdentity | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.service = service
        self.i18n = i18n
        self.default_language = i18n.language
        i18n.set_timezone(service.config.timezone)
        self.printer = printer or PrinterSettings()
        self.branch_name = branch_name or service.branch_id
        self.snapshot: QueueSnapshot | None = None
        self.last_ticket: TicketView | None = None
        self.printer_problem = False
        # The last touch got no ticket: the note says so until a ticket is issued or the kiosk starts over.
        self.issue_failed = False
        # The ticket id this customer's failed touch asked for: the ticket may stand (the answer was lost), so the
        # next touch asks for the same id and is given that ticket, never a second one (models/branch/ticket_once).
        self.attempt_id: str | None = None
        # The last poll of the queue failed (the store out of reach): its figures are not shown as if live.
        self.figures_stale = False
        self._runner = Runner(self)
        # The thermal printer on a thread of its own: one that hangs (out of paper) never holds up the next ticket.
        self.print_queue = PrintQueue(self.printer, self)
        self.print_queue.sig_failed.connect(self._printer_failed)
        # With each category's "ahead" for a new ticket: the tiles and the ticket they print count alike.
        # A poll unanswered after SILENT_LINK_MS (a silent link) hides the figures as a failed one does, and is cut
        # soon after: it holds the branch's lock, which a ticket's command waits for.
        self._poller = LivePoller(lambda: _poll(service), poll_ms, self)
        self._poller.sig_updated.connect(self._on_snapshot)
        self._poller.sig_failed.connect(self._on_snapshot_failed)
        self._build()
        # Branch and service names are typed by people: one that looks like HTML is shown as typed, never drawn.
        plain_text_labels(self)
        self.scaled = ScaledStyle(self, KIOSK_STYLE + IDENTIFY_STYLE, DESIGN_SIZE, self._size_tiles)
        self._size_tiles()
        self.session = InactivitySession(self, timeouts or KioskTimeouts())
        self.session.sig_expired.connect(self.back_to_start)
        i18n.sig_language_changed.connect(self.retranslate)
        self.retranslate()
        self.guide_button.setChecked(self.guide.on)
        self.guide.sig_unavailable.connect(self._guide_unavailable)
        self.pages.currentChanged.connect(self.speak_step)
        i18n.sig_language_changed.connect(self.speak_step)
        self._poller.start()

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(16)
        top = QHBoxLayout()
        self.branch_label = named(FitLabel(self.branch_name), "branch")  # a long name smaller, never cut
        self.clock_label = named(QLabel(), "clock")
        top.addWidget(self.branch_label, 1)
        self.large_text_button = named(QPushButton(), "largeText")
        self.large_text_button.setCheckable(True)
        self.large_text_button.toggled.connect(self.set_large_text)
        top.addWidget(self.large_text_button)
        top.addWidget(self.clock_label)
        outer.addLayout(top)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._ticket_page())
        self.identify_page = IdentifyPage(self.lookup) if self.lookup is not None else None
        if self.identify_page is not None:
            self.identify_page.sig_identified.connect(self._identified)
            self.identify_page.sig_cancelled.connect(self._identify_cancelled)
            self.pages.addWidget(self.identify_page)
        outer.addWidget(self.pages, 1)
        clock = QTimer(self, interval=1000)
        clock.timeout.connect(self._tick)
        clock.start()
        self._tick()

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        langs = QHBoxLayout()
        # Beside the languages: the guide speaks the one chosen.
        self.guide_button = named(QPushButton(), "guide")
        self.guide_button.setCheckable(True)
        self.guide_button.toggled.connect(self.set_spoken_guide)
        langs.addWidget(self.guide_button)
        langs.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, name in LANGUAGES.items():
            button = named(QPushButton(name), "lang")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, c=code: self.choose_language(c))
            langs.addWidget(button)
            self.language_buttons[code] = button
        layout.addLayout(langs)
        layout.addWidget(self._appointment_card())
        self.prompt = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "prompt")
        layout.addWidget(self.prompt)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        layout.addLayout(self.grid, 1)
        bottom = QHBoxLayout()
        self.priority_button = WrapButton(objectName="priority")
        self.priority_button.setCheckable(True)
        self.identify_button = WrapButton(objectName="priority")
        self.identify_button.clicked.connect(self.show_identify)
        self.identify_button.setVisible(self.lookup is not None)
        bottom.addStretch(1)
        bottom.addWidget(self.priority_button, 3)
        bottom.addWidget(self.identify_button, 2)
        bottom.addStretch(1)
        for button in (self.priority_button, self.identify_button):
            button.set_padding(20, 10)
            # As tall as its text: a portrait screen's spare height is not a tall empty button.
            policy = button.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
            button.setSizePolicy(policy)
        layout.addLayout(bottom)
        self.welcome = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "welcome")
        layout.addWidget(self.welcome)
        self.closed_note = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "note")
        layout.addWidget(self.closed_note)
        self.keypad_hint = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "keypadHint")
        layout.addWidget(self.keypad_hint)
        self.service_buttons: dict[str, WrapButton] = {}
        return page

    def _appointment_card(self) -> QWidget:
        """The identified customer's appointment: what and when, and the check-in button inside the window."""
        self.appointment_card = named(QFrame(), "appointmentCard")
        # One row, text beside the button: the service buttons below keep their height.
        inner = QHBoxLayout(self.appointment_card)
        inner.setContentsMargins(28, 12, 16, 12)
        inner.setSpacing(20)
        self.appointment_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "appointment")
        self.appointment_label.setWordWrap(True)
        self.check_in_button = WrapButton(objectName="checkIn")
        self.check_in_button.set_padding(24, 10)
        self.check_in_button.clicked.connect(self.check_in)
        inner.addWidget(self.appointment_label, 1)
        inner.addWidget(self.check_in_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.appointment_card.hide()
        return self.appointment_card

    def _ticket_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        card = named(QFrame(), "ticketCard")
        inner = QVBoxLayout(card)
        # Room for the printer's note under the number on a 1280x800 kiosk in large text: at 30 px and 12 px the
        # page was taller than the screen and squeezed the Done button.
        inner.setContentsMargins(40, 24, 40, 24)
        inner.setSpacing(8)
        self.your_number = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "yourNumber")
        # Drawn a little smaller, never cut, on a short screen in large text with the printer out of order.
        self.number_label = named(FitLabel(alignment=Qt.AlignmentFlag.AlignCenter, keep_width=True), "number")
        self.category_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "category")
        self.ahead_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "facts")
        self.wait_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "facts")
        self.take_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "note")
        self.problem_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "printerProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        for widget in (
            self.your_number,
            self.number_label,
            self.category_label,
            self.ahead_label,
            self.wait_label,
            self.take_label,
            self.problem_label,
        ):
            widget.setWordWrap(widget is not self.number_label)  # long Spanish lines wrap, the number never
            inner.addWidget(widget)
        self.done_button = named(QPushButton(), "done")
        self.done_button.clicked.connect(self.back_to_start)
        inner.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignCenter)
        # Wide enough that the lines below the number rarely wrap; never taller than the page allows.
        self.ticket_card = card
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 6)
        row.addStretch(1)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- texts -------------------------------------------------------------------
    def retranslate(self, *_: object) -> None:
        self.setWindowTitle(self.tr("Counterline kiosk"))
        self.prompt.setText(self.tr("Please choose a service"))
        self.priority_button.setText(self.tr("Priority service: elderly, disabled or pregnant"))
        self.your_number.setText(self.tr("Your number"))
        self.take_label.setText(self.tr("Please take your ticket and wait to be called"))
        self.done_button.setText(self.tr("Done"))
        self.identify_button.setText(self.tr("I have a bank card or phone number"))
        self.check_in_button.setText(self.tr("Check in for my appointment"))
        self.large_text_button.setText(self.tr("A+ Large text"))
        self.guide_button.setText(self.tr("Spoken guide"))
        self.keypad_hint.setText(
            self.tr(
                "Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text"
                " · / spoken guide"
            )
        )
        self._describe()
        if self.identify_page is not None:
            self.identify_page.retranslate()
        self._show_identity()
        for code, button in self.language_buttons.items():
            button.setChecked(code == self.i18n.language)
        self._fill_services()
        self._fill_ticket()
        self._tick()

    def _tick(self) -> None:
        self.clock_label.setText(self.i18n.format_time(self.service.clock.now()))

    def _category_name(self, code: str) -> str:
        return self.service.config.category(code).name(self.i18n.language)

    def open_categories(self) -> list[str]:
        """Categories some counter that is not closed serves, in configuration order."""
        if self.snapshot is None:
            return []
        served = {code for c in self.snapshot.counters if c.status != "closed" for code in c.profile}
        return [code for code in self.service.config.categories if code in served]

    def _fill_services(self) -> None:
        codes = self.open_categories()
        if list(self.service_buttons) != codes:
            for button in self.service_buttons.values():
                self.grid.removeWidget(button)
                button.deleteLater()
            self.service_buttons = {}
            columns = 2 if len(codes) <= 4 else 3
            for index, code in enumerate(codes):
                button = WrapButton(objectName="service")
                # Ignored across: the columns share the width evenly, a long name wraps in its own tile instead of
                # taking its column's width from the tiles beside it.
                policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
                policy.setHeightForWidth(True)
                button.setSizePolicy(policy)
                button.clicked.connect(lambda _=False, c=code: self.issue(c))
                self.grid.addWidget(button, index // columns, index % columns)
                self.service_buttons[code] = button
            self._size_tiles()
        ahead = self.snapshot.ahead_by_category if self.snapshot else {}
        for position, (code, button) in enumerate(self.service_buttons.items(), start=1):
            # What the ticket will say: the customers called before a ticket of this service taken now. Not while
            # the queue cannot be read: an old count shown as today's would be a promise the kiosk cannot keep.
            line = self.tr("%n customer(s) ahead", "on a service tile", ahead.get(code, 0))
            if self.figures_stale:
                line = ""
            # The number is the keypad key that takes this ticket (shown only where a key reaches the tile).
            key = f"{position}. " if position <= 9 else ""
            name = self._category_name(code)
            button.setText(f"{key}{name}\n{line}" if line else f"{key}{name}")
            describe(
                button,
                f"{name}, {line}" if line else name,
                self.tr("Takes a ticket for this service. Keypad key %1").replace("%1", str(position)),
            )
            button.setEnabled(not self._runner.busy)
        if self.issue_failed:
            note = self.tr("Sorry, no ticket could be issued. Please ask our staff.")
        elif self.figures_stale:
            note = self.tr("The queue cannot be shown right now. Tickets may take a moment.")
        else:
            note = "" if codes else self.tr("No counter is open at the moment. Please ask our staff.")
        self.closed_note.setText(note)

    def _size_tiles(self, *_: object) -> None:
        # Touch targets: never under 48 px, whatever the scale (ui/common/screen_scale.py).
        for button in (self.priority_button, self.identify_button, self.check_in_button):
            button.setMinimumHeight(max(48, self.scaled.px(64)))
        for button in self.service_buttons.values():
            button.set_padding(self.scaled.px(18), self.scaled.px(12))
            button.setMinimumHeight(self.scaled.px(110))
            button.setMaximumHeight(self.scaled.px(230))

    def _fill_ticket(self) -> None:
        ticket = self.last_ticket
        if ticket is None:
            return
        self.number_label.setText(ticket.number)
        self.category_label.setText(self._category_name(ticket.category))
        # None: no open counter calls this service yet (none opened, all at lunch): nobody knows who is ahead, and
        # "0 customers ahead" would be a promise; the wait line says a counter must open first.
        ahead = ticket.position
        self.ahead_label.setText("" if ahead is None else self.tr("%n customer(s) ahead of you", "", ahead))
        self.ahead_label.setVisible(ahead is not None)
        if ticket.estimate_mean_s is None:
            self.wait_label.setText(self.tr("Waiting time will be shown once a counter opens"))
        else:
            minutes = wait_minutes(ticket.estimate_mean_s)
            self.wait_label.setText(self.tr("Estimated wait: about %n minute(s)", "", minutes))
        self.problem_label.setText(
            self.tr("The ticket printer is out of order. Please remember your number: %1").replace("%1", ticket.number)
        )
        self.problem_label.setVisible(self.printer_problem)
        self.take_label.setVisible(not self.printer_problem)  # no slip came out: nothing to take

    def slip(self, ticket: TicketView) -> TicketSlip:
        return TicketSlip(
            branch=self.branch_name,
            number=ticket.number,
            category=self._category_name(ticket.category),
            issued=self.i18n.format_datetime(ticket.issued_at),
            ahead=self.ahead_label.text(),
            wait=self.wait_label.text(),
            footer=self.tr("Please keep this ticket until you are called"),
        )

    # -- actions -----------------------------------------------------------------
    def choose_language(self, language: str) -> None:
        self.i18n.set_language(language)
        self.session.restart("choose")  # a customer who walks away leaves the kiosk in its default language

    def priority(self) -> PriorityClass:
        """Elderly when chosen (the longest head start), else what identification gave, else regular."""
        if self.priority_button.isChecked():
            return PriorityClass.ELDERLY
        return self.identity.priority if self.identity is not None else PriorityClass.REGULAR

    def show_identify(self) -> None:
        if self.identify_page is not None:
            self.identify_page.reset()
            self.pages.setCurrentWidget(self.identify_page)
            self.identify_page.entry.setFocus()  # a keypad's digits go straight into the number
            self.session.restart("identify")

    def _identify_cancelled(self) -> None:
        self.pages.setCurrentIndex(0)
        self.session.restart("choose")

    def _identified(self, identity: KioskIdentity) -> None:
        self.identity = identity
        self._show_identity()
        self.pages.setCurrentIndex(0)  # the guide says the page again, now with the welcome and the appointment
        self.session.restart("choose")

    def _show_identity(self) -> None:
        identity = self.identity
        # A public screen: the family name's initial, never the tier (others would read the customer's wealth); as
        # its characters (shown_text), so that a direction control stored in a name cannot reorder the sentence.
        greeting = shown_text(identity.greeting_name) if identity is not None else ""
        if identity is None:
            self.welcome.setText("")
        elif identity.priority is PriorityClass.VIP:
            self.welcome.setText(self.tr("Welcome, %1: you will be served with priority").replace("%1", greeting))
        elif greeting:
            self.welcome.setText(self.tr("Welcome, %1! Please choose a service").replace("%1", greeting))
        else:
            self.welcome.setText(self.tr("Welcome! Please choose a service"))
        # Gone once the customer is known, not merely disabled: the style draws a disabled button as an enabled one.
        self.identify_button.setVisible(self.lookup is not None and identity is None)
        self._show_appointment()

    def _show_appointment(self) -> None:
        found = self.identity.appointment if self.identity is not None else None
        self.appointment_card.setVisible(found is not None)
        self.check_in_button.setVisible(found is not None and found.can_check_in)
        self.check_in_button.setEnabled(not self._runner.busy)
        if found is None:
            self.appointment_label.setText("")
            return
        at = self.i18n.format_time(found.view.local_start.time())
        what = self._category_name(found.view.appointment.category)
        if found.can_check_in:
            text = self.tr("Your appointment at %1 – %2")
        elif found.found.timing is Timing.EARLY:
            text = self.tr("Your appointment is at %1 – %2. Check-in opens at %3; you can also take a ticket now.")
        else:
            text = self.tr("Your appointment at %1 – %2 has passed. Please take a ticket.")
        opens = self.i18n.format_time(found.window_opens.time())
        self.appointment_label.setText(text.replace("%1", at).replace("%2", what).replace("%3", opens))

    def check_in(self) -> None:
        """Check the identified customer's appointment in: one touch issues the APPOINTMENT ticket."""
        found = self.identity.appointment if self.identity is not None else None
        if found is None or not found.can_check_in or self._runner.busy or self.lookup is None:
            return
        self.check_in_button.setEnabled(False)
        appointment_id, lookup = found.view.appointment.id, self.lookup
        self._runner.submit(
            lambda: lookup.check_in(appointment_id), lambda done: self._issued(done.result), self._check_in_failed
        )

    def _check_in_failed(self, exc: Exception) -> None:
        log.warning("kiosk could not check an appointment in: %s", exc)
        if check_in_may_stand(exc):
            # Sent for an ordinary ticket, the customer would hold two while the appointment's, which may stand,
            # is called unanswered: a check-in is safe to repeat and gives that same ticket.
            self.appointment_label.setText(
                self.tr("Your appointment could not be checked in just now. Please try again or ask our staff.")
            )
            self.check_in_button.setEnabled(True)
        else:
            self.appointment_label.setText(
                self.tr("Your appointment could not be checked in. Please take a ticket or ask our staff.")
            )
            self.check_in_button.hide()
        self._fill_services()
        self.speak_step()

    def issue(self, code: str) -> None:
        if self._runner.busy:
            return
        priority = self.priority()
        customer = self.identity.customer_id if self.identity is not None else None
        for button in self.service_buttons.values():
            button.setEnabled(False)
        # A retry after a lost answer whose ticket stands gives that ticket, also if this touch chose another service.
        ticket_id = self.attempt_id = self.attempt_id or new_ticket_id()
        service = self.service

        def issue() -> CommandResult:
            # On a silent link the command would wait for the kernel (about 15 minutes), every tile disabled and
            # nothing said: cut, the customer is told at once, and a retry gives the ticket should the cut one stand.
            with service.store.deadline(ISSUE_DEADLINE_S):
                return issue_once(service, ticket_id, code, priority, customer)

        self._runner.submit(issue, self._issued, self._failed)

    def _issued(self, result) -> None:
        ticket = result.ticket
        self.last_ticket = ticket
        self.attempt_id = None
        self.printer_problem = False
        self.issue_failed = False
        self._fill_ticket()
        self.pages.setCurrentIndex(1)
        # The choice was this customer's: the next one starts with priority off, whatever happens next.
        self.priority_button.setChecked(False)
        self.session.restart("ticket")
        self.sig_ticket_issued.emit(ticket)
        self._print(ticket)
        self._fill_services()

    def _failed(self, exc: Exception) -> None:
        log.error("kiosk could not issue a ticket: %s", exc)
        self.issue_failed = True  # set in the note by _fill_services, which every poll calls
        self._fill_services()
        self.speak_step()  # a customer who listens rather than reads must hear it too

    def _print(self, ticket: TicketView) -> None:
        slip = self.slip(ticket)
        if self.printer.qt_printer:
            try:
                print_qt(self.printer.qt_printer, slip)
            except PrinterFailed as exc:
                self._printer_failed(ticket, exc)
        if self.printer.escpos_kind != "none":
            self.print_queue.submit(ticket, slip)

    def _printer_failed(self, ticket: TicketView, exc: Exception) -> None:
        # The ticket is issued whatever the printer does: show the number and tell the branch through the log.
        log.warning("ticket %s issued but not printed: %s", ticket.number, exc)
        if self.last_ticket is not None and self.last_ticket.id == ticket.id:
            self.printer_problem = True
            self._fill_ticket()
            if self.pages.currentIndex() == 1:
                self.speak_step()  # the guide said "take your ticket" before the printer failed: say it again

    def back_to_start(self) -> None:
        """The next customer's kiosk: first page, default language, priority off, normal text, nobody identified."""
        self.session.stop()
        self.set_large_text(False)
        self.guide.reset()
        self.guide_button.setChecked(self.guide.on)
        self.pages.setCurrentIndex(0)
        self.priority_button.setChecked(False)
        self.identity = None
        if self.identify_page is not None:
            self.identify_page.reset()  # a look-up still on its way was the last customer's
        self._show_identity()
        self.issue_failed = False
        self.attempt_id = None  # the next customer's touch is a ticket of their own
        self._fill_services()
        if self.i18n.language != self.default_language:
            self.i18n.set_language(self.default_language)

    def _on_snapshot(self, snapshot: QueueSnapshot) -> None:
        if self.figures_stale:
            log.info("kiosk reads the queue again")
        self.figures_stale = False
        self.snapshot = snapshot
        self._fill_services()

    def _on_snapshot_failed(self, exc: Exception) -> None:
        if not self.figures_stale:
            log.warning("kiosk cannot read the queue (%s); its figures are hidden until it can", exc)
            self.figures_stale = True
            self._fill_services()

    def resizeEvent(self, event) -> None:
        self.scaled.apply(event.size())
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:
        self.guide.stop()
        self._poller.wait()
        self._runner.wait()
        super().closeEvent(event)


def _poll(service: BranchFacade) -> QueueSnapshot:
    with service.store.deadline(POLL_DEADLINE_S):
        return service.snapshot(ahead=True)
