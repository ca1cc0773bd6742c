"""Qt widgets, table models, dialogs and background workers."""
