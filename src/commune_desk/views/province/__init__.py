"""The province's view of a database of many communes: status and consolidated indicators."""
