"""Workbook converters: DTO to workbook and workbook or CSV to rows. No database, no Qt."""
