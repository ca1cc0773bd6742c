"""The consolidation section (province/district): reports in, workbook out."""
