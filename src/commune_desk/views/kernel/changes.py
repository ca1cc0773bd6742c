"""What a write changed, and the one bus on which the window announces it.

Every write operation returns a `Changes` value (which kinds of data, which months); the
operations kernel publishes it on the `ChangeBus`, and each page subscribes to the kinds it
shows. A page that is hidden when a change arrives refreshes when it is next shown, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class Kind(StrEnum):
    """The kinds of data a page may show."""

    VALUES = "values"  # monthly figures and their comments
    RECORDS = "records"  # staff, trainings, villages, teams, members, activities, classes
    TARGETS = "targets"
    PROFILE = "profile"  # the commune's name, cut-off mode, signers
    SUBMISSIONS = "submissions"  # versions sent, locks and unlocks
    NARRATIVES = "narratives"  # the report's assessment, difficulties and proposals
    ACCOUNTS = "accounts"
    BACKUPS = "backups"
    AUDIT = "audit"  # written with every change above


EVERYTHING = frozenset(Kind)


@dataclass(frozen=True)
class Changes:
    """Which kinds of data and which months (keys like "2026-09") a write changed.

    `periods` empty means the change is not tied to months (or touches all of them).
    `record_kinds` names the record kinds written ("staff", "trainings", ...), if any.
    """

    kinds: frozenset[Kind] = frozenset()
    periods: frozenset[str] = frozenset()
    record_kinds: frozenset[str] = field(default=frozenset())

    @classmethod
    def of(
        cls, *kinds: Kind, periods: Iterable[str] = (), record_kinds: Iterable[str] = ()
    ) -> Changes:
        written = set(kinds)
        if written:
            written.add(Kind.AUDIT)  # every change to data writes an audit row
        return cls(frozenset(written), frozenset(periods), frozenset(record_kinds))

    @classmethod
    def everything(cls) -> Changes:
        """A whole database replaced (a restore): every page reads again."""
        return cls(EVERYTHING)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.periods | other.periods,
            self.record_kinds | other.record_kinds,
        )

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.kinds.isdisjoint(kinds)


Callback = Callable[[Changes], object]


class _Subscription(QObject):
    """One page's interest; holds back what arrives while the page is hidden."""

    def __init__(self, page: QWidget, kinds: frozenset[Kind], callback: Callback) -> None:
        super().__init__(page)  # dies with the page
        self.page, self.kinds, self.callback = page, kinds, callback
        self.held: Changes | None = None
        page.installEventFilter(self)

    def deliver(self, changes: Changes, initiator: object) -> None:
        if not isValid(self.page) or not changes.touches(self.kinds):
            return
        if _started_by(self.page, initiator):  # the page reloads after its own writes
            return
        if self.page.isVisible():
            self.callback(changes)
        else:
            self.held = changes if self.held is None else self.held | changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.held is not None:
            held, self.held = self.held, None
            self.callback(held)
        return False


def _started_by(page: QWidget, initiator: object) -> bool:
    """The write came from the page or from a widget (a dialog) it owns."""
    widget = initiator if isinstance(initiator, QObject) and isValid(initiator) else None
    while widget is not None:
        if widget is page:
            return True
        widget = widget.parent()
    return False


class ChangeBus(QObject):
    """The one place where writes are announced (on the UI thread)."""

    changed = Signal(object, object)  # Changes, the widget that started the write (or None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subscriptions: list[_Subscription] = []

    def publish(self, changes: Changes, initiator: object = None) -> None:
        if not changes:
            return
        self._subscriptions = [s for s in self._subscriptions if isValid(s)]
        for subscription in list(self._subscriptions):
            subscription.deliver(changes, initiator)
        self.changed.emit(changes, initiator)

    def subscribe(self, page: QWidget, kinds: Iterable[Kind], callback: Callback) -> None:
        """Call `callback(changes)` when a write touches `kinds` (not one the page started).

        A hidden page is told when it is next shown, once, with everything that arrived.
        """
        subscription = _Subscription(page, frozenset(kinds), callback)
        self._subscriptions.append(subscription)
