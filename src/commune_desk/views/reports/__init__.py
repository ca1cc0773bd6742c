"""The reports section: preview, print, export and submission."""
