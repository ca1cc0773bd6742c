"""The window: feature packages around the operations kernel (see docs/architecture.md)."""
