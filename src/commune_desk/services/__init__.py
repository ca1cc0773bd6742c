"""Use cases: one transaction each, validation, audit; they return plain dataclasses."""
