"""The targets section: yearly targets table and its model."""
