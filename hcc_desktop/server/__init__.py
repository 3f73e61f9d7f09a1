"""The central sync server (docs/sync.md): FastAPI over PostgreSQL or SQLite.

Kept out of the device's start-up path: nothing here is imported by the app
except ``hcc_desktop.core.formats.bundle`` (the bundle format, shared with devices).
"""
