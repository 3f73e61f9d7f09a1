"""The history check at start-up and after a refused sync (issue 12 item 3)."""
