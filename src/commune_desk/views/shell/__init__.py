"""The window's frame: main window, login, first-start set-up, start-up check."""
