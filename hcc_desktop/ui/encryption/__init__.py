"""Encryption at rest in the GUI: the one-time recovery key dialog (issue 12)."""
