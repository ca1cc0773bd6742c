"""The operations kernel: work off the UI thread, results on it, changes on one bus.

See `operations` (QueryOp, WriteOp, Task) and `changes` (Changes, Kind, ChangeBus).
"""

from commune_desk.views.kernel.changes import ChangeBus, Changes, Kind
from commune_desk.views.kernel.operations import (
    Cancelled,
    Kernel,
    Outcome,
    QueryOp,
    Task,
    WriteOp,
    kernel,
)

__all__ = [
    "Cancelled",
    "ChangeBus",
    "Changes",
    "Kernel",
    "Kind",
    "Outcome",
    "QueryOp",
    "Task",
    "WriteOp",
    "kernel",
]
