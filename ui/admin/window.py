"""The Administration screen (`main.py admin`): staff accounts, counters and their services, the branch's
settings. For a signed-in administrator only: the window refuses any other session before it builds,
and every change is checked again inside the service with that session.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from models.branch.facade import BranchFacade
from models.staff.service import StaffService
from models.staff.session import StaffSession, authorize
from models.supervisor.service import SupervisorService
from models.supervisor.settings_files import SettingsEditor
from queueing.core.roles import Action
from queueing.core.transaction_types import TransactionCatalogue, load_catalogue
from ui.admin.counters_tab import CountersPanel
from ui.admin.dialogs import role_text
from ui.admin.staff_tab import StaffPanel, shown_text
from ui.common.i18n import LanguageManager
from ui.common.object_name import named
from ui.common.plain_label import plain_label
from ui.supervisor.settings import SettingsPanel

ADMIN_STYLE = """
QLabel#branchTitle { font-size: 18pt; font-weight: 700; }
QLabel#signedIn { color: #5b6b7d; }
"""


class AdminWindow(QMainWindow):
    def __init__(
        self,
        staff: StaffService,
        supervisor: SupervisorService,
        i18n: LanguageManager,
        editor: SettingsEditor,
        catalogue: TransactionCatalogue,
        branch_name: str,
        parent: QWidget | None = None,
    ) -> None:
        """``supervisor`` carries the administrator's session; PermissionDenied unless it may administer staff."""
        actor = authorize(supervisor.session, staff.branch_id, Action.MANAGE_STAFF)
        super().__init__(parent)
        self.actor: StaffSession = actor
        self.setObjectName("adminWindow")
        self.setStyleSheet(ADMIN_STYLE)
        self.i18n = i18n
        self.branch_name = branch_name
        central = QWidget()
        layout = QVBoxLayout(central)
        self.title = named(plain_label(), "branchTitle")  # the branch's and the administrator's names: never markup
        self.signed_in = named(plain_label(), "signedIn")
        layout.addWidget(self.title)
        layout.addWidget(self.signed_in)
        self.tabs = named(QTabWidget(), "adminTabs")
        self.staff_panel = StaffPanel(staff, self.actor)
        self.counters_panel = CountersPanel(supervisor, catalogue, lambda: self.i18n.language)
        self.settings_panel = SettingsPanel(editor, supervisor.check_settings_edit)
        for panel in (self.staff_panel, self.counters_panel, self.settings_panel):
            self.tabs.addTab(panel, "")
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        i18n.sig_language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Counterline administration · %1").replace("%1", shown_text(self.branch_name)))
        self.title.setText(self.tr("Administration · %1").replace("%1", shown_text(self.branch_name)))
        who = f"{shown_text(self.actor.name)} ({self.actor.staff_id})"
        self.signed_in.setText(
            self.tr("Signed in as %1, %2").replace("%1", who).replace("%2", role_text(self.actor.role.value))
        )
        self.tabs.setTabText(0, self.staff_panel.tab_title())
        self.tabs.setTabText(1, self.counters_panel.tab_title())
        self.tabs.setTabText(2, self.tr("Settings"))
        self.staff_panel.retranslate()
        self.counters_panel.retranslate()
        self.settings_panel.retranslate()


def admin_window(
    branch: BranchFacade,
    staff: StaffService,
    i18n: LanguageManager,
    actor: StaffSession,
    editor: SettingsEditor | None = None,
) -> AdminWindow:
    """The Administration screen of ``actor`` on ``branch``; PermissionDenied for any role but administrator."""
    supervisor = SupervisorService(branch, session=actor)
    catalogue = load_catalogue(known_categories=branch.config.categories)
    return AdminWindow(
        staff,
        supervisor,
        i18n,
        editor or SettingsEditor(actor=actor, store=branch.store),
        catalogue,
        branch.branch_name(),
    )
