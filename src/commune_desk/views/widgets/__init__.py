"""Shared small widgets and helpers of the window: dialogs, i18n, errors, roles, settings."""
