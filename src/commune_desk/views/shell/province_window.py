"""The province account's window, and «Xem số liệu xã…»: one commune's main window, read only.

A province account acts with the role PROVINCE, which may do nothing but read, so the
commune's window built for it offers no editing (the pages ask `can()` as they do for a
supervisor); its profile is read off the UI thread before the window opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from commune_desk.services.commune import CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.views.kernel import QueryOp
from commune_desk.views.province.page import ProvinceWindow
from commune_desk.views.shell.compose import build_main_window
from commune_desk.views.widgets.app_settings import AppSettings
from commune_desk.views.widgets.dialogs import Dialogs


def open_province_window(
    ctx: ServiceContext, settings: AppSettings, dialogs: Dialogs
) -> ProvinceWindow:
    window = ProvinceWindow(ctx)
    window.commune_windows = []  # the communes opened from it, kept while they show

    def show(one: ServiceContext, profile) -> None:
        commune = build_main_window(one, profile, settings, dialogs)
        commune.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        commune.ui.logout_button.hide()  # the province window stays: closing is enough
        commune.ui.password_button.hide()
        commune.destroyed.connect(lambda *_a: window.commune_windows.remove(commune))
        window.commune_windows.append(commune)
        commune.show()

    def open_commune(code: str) -> None:
        one = ctx.for_commune(code)
        QueryOp(
            parent=window,
            op=lambda _task: CommuneService(one).profile(),
            success=lambda profile: show(one, profile),
        ).run_in_background()

    window.page.commune_chosen.connect(open_commune)
    return window
