"""Building the kiosk, hall display and supervisor windows on a branch, for the CLI roles and the demo."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from models.branch.facade import BranchFacade
from models.customers.branch_key import load_branch_key
from models.customers.kiosk_lookup import KioskLookup
from models.staff.session import StaffSession
from models.supervisor.service import SupervisorService
from queueing.core.errors import ConfigError
from queueing.supervisor.alerts import load_alert_settings
from queueing.supervisor.staffing import load_staffing_settings
from ui.common.i18n import LanguageManager
from ui.common.window_tab import DeskTab, WindowTab
from ui.display.announcer import load_call_settings
from ui.display.window import DisplayWindow
from ui.kiosk.guide import KioskGuide, load_spoken_guide
from ui.kiosk.session import load_kiosk_timeouts
from ui.kiosk.ticket_printer import load_printer_settings
from ui.kiosk.window import KioskWindow
from ui.supervisor.sync import SyncIssuesPanel
from ui.supervisor.window import SupervisorWindow

if TYPE_CHECKING:  # rule_engine loads with it: imported when a screen needs customers
    from models.customers.service import CustomerService

log = logging.getLogger(__name__)


def branch_customers(branch: BranchFacade, without_key: str) -> CustomerService | None:
    """The branch's CustomerService when this PC has the branch key; None (``without_key`` logged) otherwise."""
    try:
        key = load_branch_key()
    except ConfigError:
        log.info("no branch key: %s", without_key)
        return None
    from models.customers.service import CustomerService  # rule_engine loads with it: only when needed

    config = branch.config
    return CustomerService(
        branch.store, branch.branch_id, key, clock=branch.clock, timezone=config.timezone, region=config.region
    )


def kiosk_lookup(branch: BranchFacade) -> KioskLookup | None:
    """Identification at the kiosk when this PC has the branch key; without it the kiosk only issues tickets."""
    customers = branch_customers(branch, "the kiosk issues tickets without identification")
    if customers is None:
        return None
    from models.appointments.service import AppointmentService

    return KioskLookup(customers, branch.station_id, appointments=AppointmentService(branch))


def kiosk_window(branch: BranchFacade, i18n: LanguageManager, printer_config: Path | None = None) -> KioskWindow:
    """The kiosk; its printer from ``printer_config``, else the branch's printer.toml, else the packaged one."""
    printer = load_printer_settings(printer_config)
    return KioskWindow(
        branch,
        i18n,
        printer,
        branch.branch_name(),
        lookup=kiosk_lookup(branch),
        timeouts=load_kiosk_timeouts(),
        guide=KioskGuide(load_spoken_guide()),
    )


def display_window(
    branch: BranchFacade, i18n: LanguageManager, display_config: Path | None = None
) -> DisplayWindow:
    """The hall display; its calls and notices from ``display_config``, else the branch's display.toml, else ours."""
    return DisplayWindow(branch, i18n, load_call_settings(display_config), branch_name=branch.branch_name())


def piece_rate_panel(branch: BranchFacade, i18n: LanguageManager, actor: StaffSession) -> WindowTab:
    from models.reports.records_service import RecordsService
    from queueing.core.transaction_types import load_catalogue
    from ui.reports.piece_rate_panel import PieceRatePanel

    records = RecordsService(branch, load_catalogue())
    return PieceRatePanel(records, actor, branch.branch_name(), language=i18n.language)


def supervisor_window(
    branch: BranchFacade, i18n: LanguageManager, actor: StaffSession | None = None
) -> SupervisorWindow:
    """The queue screen of ``actor`` (the session signing in returned); without one it only watches."""
    supervisor = SupervisorService(branch, load_alert_settings(), load_staffing_settings(), actor)
    reports = piece_rate_panel(branch, i18n, actor) if actor else None
    audit = audit_panel(branch, actor) if actor else None
    booking = appointments_panel(branch, actor) if actor else None
    sync_issues = SyncIssuesPanel(supervisor) if actor else None
    desk = desk_tabs(branch, actor) if actor else ()
    return SupervisorWindow(
        supervisor,
        i18n,
        branch_name=branch.branch_name(),
        reports=reports,
        audit=audit,
        appointments=booking,
        sync_issues=sync_issues,
        desk_tabs=desk,
    )


def desk_tabs(branch: BranchFacade, actor: StaffSession) -> tuple[DeskTab, ...]:
    """The marketing desk: follow-ups, the maturity call list and the conversion figures."""
    from models.appointments.service import AppointmentService
    from models.marketing.call_list import CallListService
    from models.marketing.crosssell_service import CrossSellService
    from models.marketing.follow_ups import FollowUpService
    from models.reports.records_service import QUALITY_ROLES, RecordsService
    from models.staff.session import may
    from queueing.core.roles import Action
    from queueing.core.transaction_types import load_catalogue
    from queueing.crosssell.rules import RuleBook
    from ui.reports.marketing_panel import MarketingPanel
    from ui.supervisor.call_list_panel import CallListPanel
    from ui.supervisor.follow_ups_panel import FollowUpsPanel
    from ui.supervisor.short_visits_panel import ShortVisitsPanel

    zone = branch.config.timezone
    notes = FollowUpService(branch.store, branch.branch_id, clock=branch.clock, timezone=zone)
    calls = CallListService(branch.store, branch.branch_id, clock=branch.clock, timezone=zone)
    customers = branch_customers(branch, "phone numbers on the call list stay masked")
    tabs: list[DeskTab] = [
        FollowUpsPanel(notes, actor),
        CallListPanel(calls, actor, customers, AppointmentService(branch)),
    ]
    if may(actor, Action.VIEW_REPORTS):
        crosssell = CrossSellService(branch.store, branch.branch_id, RuleBook(), clock=branch.clock, timezone=zone)
        tabs.append(MarketingPanel(crosssell, actor, calls.today()))
    if actor.role in QUALITY_ROLES:
        records = RecordsService(branch, load_catalogue())
        tabs.append(ShortVisitsPanel(records, actor, calls.today()))
    return tuple(tabs)


def appointments_panel(branch: BranchFacade, actor: StaffSession) -> WindowTab:
    """The Appointments tab; customers are found by card or phone when this PC has the branch key."""
    from models.appointments.service import AppointmentService
    from ui.supervisor.appointment_dialog import customer_finder
    from ui.supervisor.appointments import AppointmentsPanel

    customers = branch_customers(branch, "appointments are booked by customer number only")
    find = customer_finder(customers, actor) if customers is not None else None
    return AppointmentsPanel(AppointmentService(branch), actor, find)


def audit_panel(branch: BranchFacade, actor: StaffSession) -> WindowTab:
    from models.audit.service import AuditService
    from ui.supervisor.audit_panel import AuditPanel

    return AuditPanel(AuditService(branch.store, branch.branch_id, branch.clock), actor)


