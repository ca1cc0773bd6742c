"""The settings section: commune profile, language, backups and restore."""
