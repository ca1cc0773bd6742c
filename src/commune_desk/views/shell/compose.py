"""The main window composed: one section per feature package, built when first shown.

The shell is the only package of the window that knows every feature; the features never
import each other (they hear of each other's writes on the kernel's change bus).
"""

from __future__ import annotations

from collections.abc import Callable

from commune_desk import paths
from commune_desk.services.commune import CommuneProfile
from commune_desk.services.context import ServiceContext
from commune_desk.services.permissions import Action
from commune_desk.views.accounts.dialog import change_own_password
from commune_desk.views.accounts.page import AccountsPage
from commune_desk.views.audit.page import AuditPage
from commune_desk.views.consolidation.page import ConsolidationPage
from commune_desk.views.monthly.page import MonthlyGridPage
from commune_desk.views.overview.page import OverviewPage
from commune_desk.views.records.sections import SECTION_KINDS, build_record_section
from commune_desk.views.reports.page import ReportsPage
from commune_desk.views.settings.page import SettingsPage
from commune_desk.views.shell.main_window import SECTION_TITLES, MainWindow, Section
from commune_desk.views.targets.page import TargetsPage
from commune_desk.views.widgets.app_settings import AppSettings
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.roles import can


def build_main_window(
    ctx: ServiceContext,
    profile: CommuneProfile,
    settings: AppSettings,
    dialogs: Dialogs,
    switch_language: Callable[[str], object] | None = None,
    on_restored: Callable[[], object] | None = None,
) -> MainWindow:
    """Compose the main window and its sections for an opened database and its account.

    `profile`: the commune, as read off the UI thread while the login showed.
    """
    built: list[MainWindow] = []  # the window, once built (a page may be built inside it)

    def settings_page() -> SettingsPage:
        page = SettingsPage(ctx, dialogs, settings)
        page.profile_changed.connect(lambda p: built[0].set_profile(p) if built else None)
        if switch_language is not None:
            page.language_changed.connect(switch_language)
        if on_restored is not None:
            page.database_restored.connect(lambda _result: on_restored())
        return page

    factories: dict[str, Callable[[], object]] = {
        "overview": lambda: OverviewPage(ctx, dialogs),
        "monthly": lambda: MonthlyGridPage(ctx, dialogs),
        "targets": lambda: TargetsPage(ctx, dialogs),
        "settings": settings_page,
        "reports": lambda: ReportsPage(ctx, dialogs, settings),
        "consolidation": lambda: ConsolidationPage(
            ctx.catalogue,
            dialogs,
            province_key=paths.province_key_file(),
            document_file=paths.province_document_file(),
        ),
        "accounts": lambda: AccountsPage(ctx, dialogs),
        "audit": lambda: AuditPage(ctx, dialogs),
    }
    for key, kinds in SECTION_KINDS.items():
        factories[key] = lambda kinds=kinds: build_record_section(ctx, dialogs, kinds)
    hidden = {
        key
        for key, action in (("accounts", Action.MANAGE_ACCOUNTS), ("audit", Action.READ_AUDIT))
        if not can(ctx, action)
    }
    sections = [
        Section(key, title, factories[key])
        for key, title in SECTION_TITLES.items()
        if key not in hidden
    ]
    window = MainWindow(profile, sections, settings, ctx.today(), ctx.actor)
    window.password_change_requested.connect(lambda: change_own_password(ctx, window))
    built.append(window)
    return window
