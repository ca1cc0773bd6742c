"""Python modules compiled from ui/*.ui by pyside6-uic (generated; not edited by hand)."""
