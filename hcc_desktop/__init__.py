"""HCC Desktop: offline desktop app for ward one-stop counters (Qt-free core)."""

__version__ = "0.1.0"
