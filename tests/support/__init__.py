"""Helpers the tests share (not tests themselves): fakes, typing as a user does, waiting."""
