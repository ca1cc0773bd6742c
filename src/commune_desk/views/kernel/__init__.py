"""How the window runs work off the UI thread."""
