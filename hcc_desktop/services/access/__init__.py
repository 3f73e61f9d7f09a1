"""Who saw a citizen's data, and everything held about a citizen (issue 12 item 4).

``log`` is the access log (written before any citizen's data leave the store: the
dossier window, ``show``, slips, book and file exports, attachments); ``export`` is
``citizen export``: one citizen's data as a zip (``citizen.json``, ``citizen.pdf``,
``attachments/``) for a request under the Law on Personal Data Protection.
"""

from hcc_desktop.services.access.log import (
    AccessAction,
    AccessEntry,
    AccessFilter,
    AccessLogService,
)

__all__ = ["AccessAction", "AccessEntry", "AccessFilter", "AccessLogService"]
