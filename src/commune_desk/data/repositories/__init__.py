"""Queries, one module per subject; every select() of the program lives here."""
