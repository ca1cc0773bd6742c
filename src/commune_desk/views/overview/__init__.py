"""The overview section: progress cards, charts and the figures table."""
